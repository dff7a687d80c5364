/**
 * Running headers and footers: the page-counter rule at any height (a text layer without a page
 * frame puts its footer right after the last line of text).
 */
import { describe, expect, it } from "vitest";
import { removeHeadersFooters } from "../src/headers.ts";

const page = (n: number, lines: [string, number][]) => ({ page: n, height: 800, lines: lines.map(([text, y]) => ({ text, y })) });

describe("removeHeadersFooters", () => {
  it("drops a footer that counts pages even when it stands at another height on each page", () => {
    const { pages, removed } = removeHeadersFooters([
      page(1, [["Referat", 40], ["1. Godkendelse af dagsorden Beslutning: Godkendt.", 60], ["Handicaprådet 8. marts 2022 Side 1 af 2", 120]]),
      page(2, [["4. Status Beslutning: Taget til efterretning.", 40], ["Handicaprådet 8. marts 2022 Side 2 af 2", 80]]),
    ]);
    expect(removed).toBe(2);
    expect(pages.map((p) => p.lines.map((l) => l.text))).toEqual([
      ["Referat", "1. Godkendelse af dagsorden Beslutning: Godkendt."],
      ["4. Status Beslutning: Taget til efterretning."],
    ]);
  });

  it("keeps item headings that open consecutive pages ('3. Økonomi', '4. Status')", () => {
    const { removed } = removeHeadersFooters([
      page(1, [["Referat", 40], ["Punkt 1 og 2 blev godkendt.", 60]]),
      page(2, [["3. Økonomi", 40], ["Budgettet blev gennemgået.", 60]]),
      page(3, [["4. Status", 40], ["Status blev taget til efterretning.", 60]]),
    ]);
    expect(removed).toBe(0);
  });
});
