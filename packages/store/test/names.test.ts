/** When two printed names are one person, and the rule that says so. */
import { describe, expect, it } from "vitest";
import { matchNames, nameKey } from "../src/index.ts";

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
