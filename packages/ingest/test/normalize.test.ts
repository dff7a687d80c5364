/**
 * Normalisation shared by all formats (src/normalize.ts, headers.ts, hyphens.ts): characters,
 * blank lines, running headers/footers and page numbers, line-end hyphenation. Small inline inputs
 * pin each rule; the seeds' text files show the rules on real minutes.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isBareNumberLine, isPageNumberLine } from "../src/headers.ts";
import { ingest, type Line } from "../src/index.ts";
import { listMarkerOf } from "../src/list-marker.ts";
import { normalizePages } from "../src/normalize.ts";
import type { RawPage } from "../src/raw.ts";

const SEEDS = resolve(import.meta.dirname, "../../../fixtures/seeds");

/** Pages from plain strings; `[text, y]` pairs give PDF-like positions. */
function pages(...ps: (string | [string, number])[][]): RawPage[] {
  return ps.map((lines, i) => ({
    page: i + 1,
    height: 800,
    lines: lines.map((l, j) => (typeof l === "string" ? { text: l, hints: {}, line: j + 1 } : { text: l[0], hints: {}, line: j + 1, y: l[1] })),
  }));
}
const texts = (lines: Line[]) => lines.map((l) => l.text);
const norm = (ps: RawPage[], fromPdf = false) => normalizePages(ps, { fromPdf });
const joinText = (lines: string[]) => texts(norm(pages(lines)).lines);

describe("characters and blank lines", () => {
  it("strips soft hyphens, NBSP, control characters and trailing spaces; NFC", () => {
    const { lines } = norm(pages(["Til\u00adbage\u00admelding\u00a0og\u0007 svar  ", "ma\u030Aske Ka\u030Arhus\u200B"]));
    expect(texts(lines)).toEqual(["Tilbagemelding og svar", "måske Kårhus"]);
  });

  it("keeps leading indentation only as hints.indent (text files), trimmed from the text", () => {
    const { lines } = norm(pages(["Overskrift", "    • punkt", "\tfortsat"]));
    expect(lines.map((l) => [l.text, l.hints.indent])).toEqual([
      ["Overskrift", undefined],
      ["• punkt", 4],
      ["fortsat", 4],
    ]);
  });

  it("drops blank lines, marks the next line gapBefore and keeps the source's line numbers", () => {
    const { lines } = norm(pages(["Første", "", "  ", "\u00a0", "Anden", "Tredje"]));
    expect(lines.map((l) => [l.line, l.text, l.hints.gapBefore ?? false])).toEqual([
      [1, "Første", false],
      [5, "Anden", true],
      [6, "Tredje", false],
    ]);
  });

  it("notes list markers as printed, and not a wrapped date", () => {
    expect(["• Punkt", "- Punkt", "1. Velkomst", "2) Status", "1a. IPS til unge", "a) første", "(3) tredje", "+ OCR-punkt"].map(listMarkerOf)).toEqual([
      "•", "-", "1.", "2)", "1a.", "a)", "(3)", "+",
    ]);
    expect(["17. august kl. 12.00", "2021 Styregruppe", "13.aug kl. 12", "07.09.20 møde", "---", "Referat"].map(listMarkerOf)).toEqual(
      Array(6).fill(undefined),
    );
  });
});

describe("line-end hyphenation", () => {
  it("joins a word broken at a line end and moves the completing fragment up", () => {
    const { lines, joinedHyphens } = norm(pages(["opfølgning på auditrapporten og tilbagemel-", "dingerne på fællesmødet"]));
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [1, "opfølgning på auditrapporten og tilbagemeldingerne"],
      [2, "på fællesmødet"],
    ]);
    expect(joinedHyphens).toBe(1);
  });

  it("joins across blank lines and clears the spurious gap", () => {
    const { lines } = norm(pages(["så viden formid-", "", "les mundtligt."]));
    expect(lines.map((l) => [l.line, l.text, l.hints.gapBefore ?? false])).toEqual([[1, "så viden formidles", false], [3, "mundtligt.", false]]);
  });

  it("joins across a page break; the second line keeps its page and line", () => {
    const { lines } = norm(pages(["Henrik Ravn, Sundheds og Seniorchef, Jammer-"], ["bugt Kommune"]));
    expect(lines.map((l) => [l.page, l.line, l.text])).toEqual([
      [1, 1, "Henrik Ravn, Sundheds og Seniorchef, Jammerbugt"],
      [2, 1, "Kommune"],
    ]);
  });

  it("drops the second line when the fragment was all of it", () => {
    const { lines } = norm(pages(["til chefgruppen møder (grøn-gul-", "rød).", "Næste linje"]));
    expect(texts(lines)).toEqual(["til chefgruppen møder (grøn-gul-rød).", "Næste linje"]);
  });

  it("keeps real hyphens: compounds, all-caps abbreviations, one-letter prefixes, names, numbers", () => {
    expect(joinText(["arbejde med IT-", "udfordringer i kommunen"])).toEqual(["arbejde med IT-udfordringer", "i kommunen"]);
    expect(joinText(["svært at få godkendt et LKT-", "emne, der ikke"])).toEqual(["svært at få godkendt et LKT-emne,", "der ikke"]);
    expect(joinText(["Drøftelse af e-", "nærhospital"])).toEqual(["Drøftelse af e-nærhospital"]);
    expect(joinText(["Henrik Aarup-", "Kristensen, direktør"])).toEqual(["Henrik Aarup-Kristensen,", "direktør"]);
    expect(joinText(["Mødet afholdes kl. 14.30-", "16.00. Politisk Klynge"])).toEqual(["Mødet afholdes kl. 14.30-16.00.", "Politisk Klynge"]);
    expect(joinText(["7. Covid-", "19 og Danske Regioner"])).toEqual(["7. Covid-19", "og Danske Regioner"]);
  });

  it("never joins a suspended hyphen before og/eller/samt/til", () => {
    expect(joinText(["Revision af aftalen om Ind-", "og udskrivning"])).toEqual(["Revision af aftalen om Ind-", "og udskrivning"]);
    expect(joinText(["nationale Lærings-", "eller kvalitetsteams"])).toEqual(["nationale Lærings-", "eller kvalitetsteams"]);
  });

  it("never joins inside URLs", () => {
    const url = [
      "findes på følgende link: https://rn.dk/-/media/Rn_dk/Sundhed/Til-",
      "sundhedsfaglige-og-samarbejdspartnere/Sundhedsaftaler/Sundhedsaftalen-2019/Den-",
      "Tvaersektorielle-Grundaftale/Behandling-og-pleje/Samlet_Aftale-om-",
      "udskrivningsforloeb.ashx?la=da",
    ];
    const { lines, joinedHyphens } = norm(pages(url));
    expect(texts(lines)).toEqual(url);
    expect(joinedHyphens).toBe(0);
  });

  it("joins a word around a single slash (not a URL)", () => {
    expect(joinText(["leverandører (projektejer/projektle-", "dere/projektgruppe)."])).toEqual([
      "leverandører (projektejer/projektledere/projektgruppe).",
    ]);
  });

  it("lets the document's own words decide: a hyphenated form seen elsewhere stays hyphenated", () => {
    const doc = ["udvidelse af dele-geriaterordningen er aftalt.", "Derfor udvides dele-", "geriaterordningen igen."];
    expect(joinText(doc)).toEqual(["udvidelse af dele-geriaterordningen er aftalt.", "Derfor udvides dele-geriaterordningen", "igen."]);
  });

  it("joins at a soft hyphen the writer put at the break", () => {
    expect(joinText(["Sundhedsklyn\u00ad", "gerne bedes"])).toEqual(["Sundhedsklyngerne", "bedes"]);
  });

  it("leaves dashes, rules and lines ending in a spaced hyphen alone", () => {
    expect(joinText(["De enkelte rums funktioner og betydninger -", "Infektionspatologi betydning."])).toEqual([
      "De enkelte rums funktioner og betydninger -",
      "Infektionspatologi betydning.",
    ]);
    expect(joinText(["---", "Mødedato: 19. november 2020"])).toEqual(["---", "Mødedato: 19. november 2020"]);
    expect(joinText(["sidste punkt –", "næste"])).toEqual(["sidste punkt –", "næste"]);
  });
});

describe("headers, footers and page numbers", () => {
  it("recognises page-number lines, and not dates or text", () => {
    for (const t of ["Side 2 af 4", "side 2", "Side 12 af 12.", "2/4", "2 / 4", "- 2 -", "– 3 –", "Page 2 of 4", "Page 3", "2 af 4"]) {
      expect(isPageNumberLine(t), t).toBe(true);
    }
    for (const t of ["24/5", "Side 5 af 4", "Side om side", "2 af de 4 punkter", "1. Velkomst", "13.aug"]) {
      expect(isPageNumberLine(t), t).toBe(false);
    }
    expect(["3", "(3)", "12."].every(isBareNumberLine)).toBe(true);
    expect(["2021", "0", "3 punkter"].some(isBareNumberLine)).toBe(false);
  });

  it("removes page-number lines anywhere, also in a one-page text", () => {
    const { lines, removedHeaderFooterLines } = norm(pages(["Møde 4", "", "Side 2 af 4", "", "Indstillingerne blev drøftet", "- 3 -", "videre"]));
    expect(texts(lines)).toEqual(["Møde 4", "Indstillingerne blev drøftet", "videre"]);
    expect(removedHeaderFooterLines).toBe(2);
  });

  it("removes a running header and a page counter footer, and joins a word across them", () => {
    const { lines, removedHeaderFooterLines, joinedHyphens } = norm(
      pages(
        [["Referat – Klyngestyregruppe Syd 13.08.2021", 30], ["1. Velkomst", 80], ["opfølgning og tilbagemel-", 100], ["Side 1 af 3", 770]],
        [["Referat – Klyngestyregruppe Syd 13.08.2021", 30], ["dingerne på mødet", 80], ["2. Status", 100], ["Side 2 af 3", 770]],
        [["Referat – Klyngestyregruppe Syd 13.08.2021", 30], ["3. Eventuelt", 80], ["Intet.", 100], ["Side 3 af 3", 770]],
      ),
      true,
    );
    expect(texts(lines)).toEqual(["1. Velkomst", "opfølgning og tilbagemeldingerne", "på mødet", "2. Status", "3. Eventuelt", "Intet."]);
    expect(removedHeaderFooterLines).toBe(6);
    expect(joinedHyphens).toBe(1);
  });

  it("removes a browser's header (date, title) and footer (file URL, x/y)", () => {
    const p = (n: number, body: string[]) => [
      "11/23/26, 9:18 AM Møde Direktørforum – Sundhedsklynge Midt",
      ...body,
      `file:///tmp/minutes-browser-pdf/referat-001.html ${n}/3`,
    ];
    const { lines, removedHeaderFooterLines } = norm(pages(p(1, ["Møde Direktørforum – Sundhedsklynge Midt", "Tid"]), p(2, ["Referat"]), p(3, ["Slut"])));
    expect(texts(lines)).toEqual(["Møde Direktørforum – Sundhedsklynge Midt", "Tid", "Referat", "Slut"]);
    expect(removedHeaderFooterLines).toBe(6);
  });

  it("removes bare page numbers at a page's top or bottom only", () => {
    const { lines } = norm(pages(["2", "Tekst", "med 3 punkter", "3"], ["Andet", "7", "mere", "4"], ["Slut", "5"]));
    expect(texts(lines)).toEqual(["Tekst", "med 3 punkter", "Andet", "7", "mere", "Slut"]);
  });

  it("does not take the same opening line of just two text pages for a header (chance, not layout)", () => {
    const { lines } = norm(pages(["Referat", "a"], ["Referat", "b"]));
    expect(texts(lines)).toEqual(["Referat", "a", "Referat", "b"]);
  });

  it("keeps agenda items that open consecutive pages: numbers differ, text differs", () => {
    const { lines, removedHeaderFooterLines } = norm(pages(["3. Økonomi", "a"], ["4. Status", "b"], ["5. Eventuelt", "c"]));
    expect(texts(lines)).toEqual(["3. Økonomi", "a", "4. Status", "b", "5. Eventuelt", "c"]);
    expect(removedHeaderFooterLines).toBe(0);
  });

  it("keeps a repeated top line whose number does not count pages", () => {
    const { lines } = norm(pages(["Punkt 7", "a"], ["Punkt 2", "b"], ["Punkt 9", "c"]));
    expect(texts(lines)).toEqual(["Punkt 7", "a", "Punkt 2", "b", "Punkt 9", "c"]);
  });

  it("keeps a repeated line that sits at different heights (body text, not a running line)", () => {
    const { lines } = norm(
      pages([["Referat:", 72], ["a", 90]], [["Referat:", 300], ["b", 320]], [["Referat:", 500], ["c", 520]]),
      true,
    );
    expect(texts(lines)).toEqual(["Referat:", "a", "Referat:", "b", "Referat:", "c"]);
  });

  it("finds running headers in a one-page text cut at its page numbers (pdftotext without form feeds)", () => {
    const { lines } = norm(
      pages(["Klyngestyregruppe Nord, 19.11.2020", "Tekst et", "Side 1 af 3", "Klyngestyregruppe Nord, 19.11.2020", "Tekst to", "Side 2 af 3", "Klyngestyregruppe Nord, 19.11.2020", "Tekst tre", "Side 3 af 3"]),
    );
    expect(texts(lines)).toEqual(["Tekst et", "Tekst to", "Tekst tre"]);
  });
});

// ─── the seeds' text files ───────────────────────────────────────────────────────────────────

const seedTexts = readdirSync(SEEDS).filter((f) => /^\d{3}\.txt$/.test(f)).sort();
const ingested = new Map(await Promise.all(seedTexts.map(async (f) => [f, await ingest(join(SEEDS, f))] as const)));
const allText = (f: string) => ingested.get(f)!.lines.map((l) => l.text).join("\n");

describe("the seeds' text files", () => {
  it("finds the seeds", () => {
    expect(seedTexts).toEqual(["000.txt", "001.txt", "002.txt", "003.txt", "004.txt"]);
  });

  it("joins the word breaks of 000.txt and 001.txt", () => {
    const t0 = allText("000.txt");
    for (const w of ["tilbagemeldingerne", "gruppearbejdet", "kommunikationsstrategi", "formidles", "revideringen", "Afdækningen", "indmelding", "postkasse"]) {
      expect(t0, w).toContain(w);
    }
    const t1 = allText("001.txt");
    for (const w of ["Jammerbugt Kommune", "Sundhedsklyngerne", "Regioner", "Intermittens", "psykiatriske", "Ældres", "projektledere/projektgruppe"]) {
      expect(t1, w).toContain(w);
    }
  });

  it("keeps the real hyphens of the seeds", () => {
    const t1 = allText("001.txt");
    expect(t1).toContain("(grøn-gul-rød).");
    expect(t1).toContain("LKT-emne");
    expect(t1).toContain("e-nærhospital");
    expect(allText("003.txt")).toContain("kl. 14.30-16.00.");
    // The URL in 000.txt is left as printed, its line-end hyphens included.
    expect(ingested.get("000.txt")!.lines.some((l) => l.text.endsWith("/Sundhed/Til-"))).toBe(true);
  });

  it("moves the completing fragment up: the second line keeps its number and the rest", () => {
    const lines = ingested.get("001.txt")!.lines;
    const jammer = lines.find((l) => l.text.endsWith("Seniorchef, Jammerbugt"))!;
    expect(jammer.line).toBe(50);
    expect(lines.find((l) => l.line === 51)!.text).toBe("Kommune");
    // "rød)." was all of line 104: it is gone.
    expect(lines.some((l) => l.line === 104)).toBe(false);
  });

  it("removes the page number of 000.txt and keeps æøå", () => {
    const doc = ingested.get("000.txt")!;
    expect(doc.lines.some((l) => /side \d+ af \d+/i.test(l.text))).toBe(false);
    expect(doc.meta.removedHeaderFooterLines).toBe(1);
    expect(allText("000.txt")).toContain("Skårhøj");
    expect(allText("000.txt")).toContain("Daniel Kjærgaard Simonsen");
    expect(doc.meta.joinedHyphens).toBeGreaterThan(10);
  });

  it("leaves no line ending in an unjoined word break", () => {
    for (const [f, doc] of ingested) {
      const dangling = doc.lines.filter((l, i) => {
        const next = doc.lines[i + 1];
        // a lower-case word, a hyphen, then a lower-case continuation: a word break left behind
        return /\s\p{Ll}{3,}-$/u.test(l.text) && next !== undefined && /^\p{Ll}+\b/u.test(next.text) && !/^(og|eller|samt|til)\b/.test(next.text);
      });
      expect(dangling.map((l) => `${f}:${l.line} ${l.text}`)).toEqual([]);
    }
  });
});
