/** When two printed names are one person, and the rule that says so. */
import { describe, expect, it } from "vitest";
import { DamerauLevenshteinDistance, JaroWinklerDistance } from "natural/lib/natural/distance/index.js";
import { matchNames, nameKey } from "../src/index.ts";
import { damerauLevenshtein } from "../src/names.ts";

describe("matchNames", () => {
  it.each([
    ["Daniel Kjærgaard Simonsen", "Daniel Kjærsgaard Simonsen", "spelling-variant"],
    ["Lisbeth Lagoni", "Lisbeth Kjær Lagoni", "extra-middle-name"],
    ["Inge Kjær Andersen", "Inge Andersen", "extra-middle-name"],
    ["Søren Aalund", "Søren Ålund", "same-name"],
    ["søren aalund", "Søren Aalund", "same-name"],
    ["Mette Rohde", "Mette Rhode", "spelling-variant"],
    ["Henrik Aarup-Kristensen", "Henrik Kristensen", "hyphenated-surname"],
    ["Jytte Thøgersen", "Jytte Egetoft Thøgersen", "extra-middle-name"],
    ["Daniel Simonsen", "Daniel Kjærsgaard Simonsen", "extra-middle-name"],
    ["Bente Graversen", "Bente Lund Gravesen", "extra-middle-name+spelling-variant"],
  ])("%s = %s (%s)", (a, b, rule) => {
    expect(matchNames(a, b)?.rule).toBe(rule);
    expect(matchNames(b, a)?.rule).toBe(rule);
  });

  it.each([
    ["Charlotte Larsen", "Charlotte Fuglesang"],
    ["Mette Hansen", "Mette Jansen"],
    ["Henrik Larsen", "Henrik Carlsen"],
    ["Jan Mainz", "Jan Nybo"],
    ["Anne Krøjer", "Anette Krøjer"],
    ["Lisbeth Holm Lagoni", "Lisbeth Kjær Lagoni"],
    ["Daniel Kjærsgaard Simonsen", "Daniel Kjærgaard Simonson"],
    ["Charlotte", "Charlotte"],
    ["Charlotte", "Charlotte Larsen"],
  ])("%s ≠ %s", (a, b) => {
    expect(matchNames(a, b)).toBeNull();
  });

  it("explains what differed", () => {
    expect(matchNames("Lisbeth Lagoni", "Lisbeth Kjær Lagoni")).toEqual({ rule: "extra-middle-name", detail: '"Kjær" only in "Lisbeth Kjær Lagoni"' });
    expect(nameKey(" Søren  Ålund ")).toBe("soeren aalund");
  });
});

describe("damerauLevenshtein", () => {
  it("gives natural's DamerauLevenshteinDistance on 50,000 random pairs (its own recurrence, not textbook DL)", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => Array.from({ length: Math.floor(rnd() * 10) }, () => "abcdæøå-"[Math.floor(rnd() * 8)]).join("");
    for (let i = 0; i < 50_000; i++) {
      const a = word();
      const b = word();
      expect(damerauLevenshtein(a, b), `${a} / ${b}`).toBe(DamerauLevenshteinDistance(a, b));
    }
    expect(damerauLevenshtein("Kjærgaard", "Kjærsgaard")).toBe(1);
  });
});

describe("matchNames' quick rejection", () => {
  it("rejects exactly the pairs the full rule rejects (random surnames, all rules)", () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const stems = ["Kjærgaard", "Kjærsgaard", "Hansen", "Jansen", "Nielsen", "Rohde", "Rhode", "Graversen", "Gravesen", "Lagoni", "Aarup-Kristensen", "Kristensen"];
    const mutate = (w: string) => {
      const i = Math.floor(rnd() * w.length);
      const op = Math.floor(rnd() * 4);
      const c = pick(["a", "e", "s", "r", "æ", "ø", "å", "n"]);
      if (op === 0) return w.slice(0, i) + w.slice(i + 1);
      if (op === 1) return w.slice(0, i) + c + w.slice(i);
      if (op === 2) return w.slice(0, i) + c + w.slice(i + 1);
      return w.slice(0, i) + w.slice(i + 1, i + 2) + w.slice(i, i + 1) + w.slice(i + 2);
    };
    let matched = 0;
    for (let i = 0; i < 5_000; i++) {
      const a = pick(stems);
      let b = rnd() < 0.5 ? a : pick(stems);
      if (rnd() < 0.7) b = mutate(b);
      if (rnd() < 0.3) b = mutate(b);
      const m = matchNames(`Anne ${a}`, `Anne ${b}`);
      // The reference: the same rule computed without the quick rejection.
      const fa = a.toLowerCase();
      const fb = b.toLowerCase();
      const jw = JaroWinklerDistance(nameKey(fa), nameKey(fb));
      const edits = DamerauLevenshteinDistance(nameKey(fa), nameKey(fb));
      const short = Math.min(nameKey(fa).length, nameKey(fb).length);
      const variantOk = short >= 4 && edits <= (short >= 8 ? 2 : 1) && jw >= 0.9;
      if (m?.rule === "spelling-variant") {
        expect(variantOk, `${a} / ${b}`).toBe(true);
        matched++;
      } else if (m === null && !nameKey(fa).includes("-") && !nameKey(fb).includes("-")) {
        expect(variantOk && nameKey(fa) !== nameKey(fb), `${a} / ${b}`).toBe(false);
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});
