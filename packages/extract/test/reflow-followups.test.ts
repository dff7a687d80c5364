/**
 * Flattened text layers (reflow), "Opfølgning/Ansvarlig/Frist" blocks, agenda lists that stop
 * where a capitalised title follows, "at"-clauses after an open lead-in.
 */
import { ingest } from "@minutes/ingest";
import { describe, expect, it } from "vitest";
import { extract } from "../src/index.ts";
import { isFlattened, reflow } from "../src/reflow.ts";

const line = (text: string, n: number) => ({ page: 1, line: n, text, hints: {} });
async function minutesOf(text: string) {
  return extract(await ingest({ bytes: new TextEncoder().encode(text), name: "t.txt" }));
}

describe("reflow", () => {
  const run = "x".repeat(250);
  it("leaves a document of ordinary lines alone", () => {
    const lines = [line("1. Godkendelse af dagsorden", 1), line(`Beslutning: Godkendt. ${run}`, 2), line("2. Eventuelt", 3)];
    expect(isFlattened(lines)).toBe(false);
    expect(reflow(lines)).toBe(lines);
  });
  it("cuts run-on lines before labels and before item numbers that count up, keeping positions", () => {
    const text = `1. Godkendelse af dagsorden Beslutning: Dagsordenen blev godkendt den 25. januar. 2. Økonomi Indstilling: Det indstilles, at rådet godkender budgettet. ${run}`;
    const out = reflow([line(text, 4), line(`3. Eventuelt Beslutning: Intet. ${run}`, 5)]);
    expect(out.map((l) => [l.line, l.text.slice(0, 30)])).toEqual([
      [4, "1. Godkendelse af dagsorden"],
      [4, "Beslutning: Dagsordenen blev g"],
      [4, "2. Økonomi"],
      [4, "Indstilling: Det indstilles, a"],
      [5, "3. Eventuelt"],
      [5, "Beslutning: Intet. xxxxxxxxxxx"],
    ]);
  });
});

describe("follow-up blocks", () => {
  const doc = [
    "Referat af møde i Styregruppen den 12. januar 2024",
    "",
    "Deltagere: Jakob Mose, Marianne Fog, Ida Lorentzen",
    "",
    "1. Budget",
    "Beslutning:",
    "Budgettet blev godkendt.",
    "Opfølgning: Revideret budget sendes til styregruppen. Ansvarlig: Jakob Mose. Frist: 1. marts 2024.",
    "",
    "2. Vikarpulje",
    "Beslutning:",
    "Drøftet.",
    "Opfølgning: Indhente erfaringer fra andre kommuner.",
    "Ansvarlig: Marianne Fog og Ida Lorentzen",
    "Frist: Inden næste møde",
    "",
    "3. Eventuelt",
    "Beslutning:",
    "Intet.",
    "Opfølgning: Ingen.",
  ].join("\n");

  it("gives one action each, with owners and deadline, and leaves them out of the decision text", async () => {
    const m = await minutesOf(doc);
    expect(m.items.map((i) => i.decisionText)).toEqual(["Budgettet blev godkendt.", "Drøftet.", "Intet."]);
    expect(m.items.map((i) => i.actions.map(({ text, owners, deadline, deadlineText, at }) => ({ text, owners, deadline, deadlineText, at })))).toEqual([
      [{ text: "Revideret budget sendes til styregruppen", owners: ["Jakob Mose"], deadline: "2024-03-01", deadlineText: "1. marts 2024", at: { page: 1, line: 8 } }],
      [{ text: "Indhente erfaringer fra andre kommuner", owners: ["Marianne Fog", "Ida Lorentzen"], deadline: null, deadlineText: "Inden næste møde", at: { page: 1, line: 13 } }],
      [],
    ]);
  });
});

describe("lists inside items", () => {
  it("a lower-case numbered list after a lead-in ends where a capitalised title follows", async () => {
    const m = await minutesOf(
      [
        "1. Status på indsatser ved Lise Thomsen",
        "Indstilling:",
        "Det indstilles, at klyngen:",
        "1. tager status til efterretning",
        "2. drøfter fokus for 2023",
        "2. Fælles indsats mod ensomhed",
        "Det indstilles, at klyngen godkender,",
        "at der afholdes en temadag i marts 2023, og",
        "at formandskabet fastlægger program og sted.",
      ].join("\n"),
    );
    expect(m.items.map((i) => [i.number, i.title, i.presenter])).toEqual([
      ["1", "Status på indsatser", "Lise Thomsen"],
      ["2", "Fælles indsats mod ensomhed", null],
    ]);
    expect(m.items.map((i) => i.recommendations)).toEqual([
      ["tager status til efterretning", "drøfter fokus for 2023"],
      ["at der afholdes en temadag i marts 2023", "at formandskabet fastlægger program og sted."],
    ]);
  });
});
