import { describe, expect, it } from "vitest";
import { initialsOf, isKnownFirstName, resolveOwner, resolveOwners, sameName, splitMentions } from "../src/names.ts";

const people = (...names: string[]) => names.map((name) => ({ name }));
const P000 = people(
  "Lisbeth Kjær Lagoni", "Eva Sejersdal Knudsen", "Charlotte Larsen", "Anne Krøjer", "Mette Rohde", "Søren Aalund",
  "Jan Mainz", "Anette Sloth", "Jan Nybo", "Daniel Kjærgaard Simonsen", "Camilla Donslund", "Lise Søndergaard",
  "Inge Kjær Andersen", "Lotte Holt Worup", "Maj Skårhøj",
);
const P004 = people(
  "Leif Serup", "Lone Iversen", "Rikke Albrechtsen", "Jytte Egetoft Thøgersen", "Henrik Aarup-Kristensen",
  "Uffe Viegh Jørgensen", "Helle Carlsson Kunckel Christensen", "Camilla Donslund", "Charlotte Fuglesang",
  "Henrik Larsen", "Jan Mainz", "Eva Sejersdal Knudsen", "Fie Holt Christiansen",
);

describe("resolveOwner", () => {
  it.each([
    // initials: first letters of the name parts, or first letter + two of the surname
    ["IKA", P000, "Inge Kjær Andersen"],
    ["LKL", P000, "Lisbeth Kjær Lagoni"],
    ["SAA", P000, "Søren Aalund"],
    // a unique first name
    ["Charlotte", P004, "Charlotte Fuglesang"],
    ["Lone", P004, "Lone Iversen"],
    ["Jytte", P004, "Jytte Egetoft Thøgersen"],
    ["Charlotte", P000, "Charlotte Larsen"],
    // spelling variants and missing middle names
    ["Daniel Kjærsgaard Simonsen", P000, "Daniel Kjærgaard Simonsen"],
    ["Lisbeth Lagoni", P000, "Lisbeth Kjær Lagoni"],
    ["Inge Andersen", P000, "Inge Kjær Andersen"],
    ["Lise Sondergaard", P000, "Lise Søndergaard"],
    ["Henrik Kristensen", P004, "Henrik Aarup-Kristensen"],
    // a unique surname
    ["Aalund", P000, "Søren Aalund"],
    // the full name as listed, with a title before it
    ["direktør Jan Mainz", P000, "Jan Mainz"],
  ])("%s", (mention, list, expected) => {
    expect(resolveOwner(mention, list)).toBe(expected);
  });

  it.each([
    ["Jan", P000], // two Jans
    ["Henrik", P004], // two Henriks
    ["XYZ", P000],
    ["Charlotte Hansen", P004],
    ["regionen", P000],
  ])("%s resolves to nobody", (mention, list) => {
    expect(resolveOwner(mention, list)).toBeNull();
  });

  it("lists: 'Charlotte og Lone', 'LKL og SAA'", () => {
    expect(splitMentions("Charlotte og Lone")).toEqual(["Charlotte", "Lone"]);
    expect(resolveOwners("Charlotte og Lone", P004)).toEqual(["Charlotte Fuglesang", "Lone Iversen"]);
    expect(resolveOwners("LKL og SAA", P000)).toEqual(["Lisbeth Kjær Lagoni", "Søren Aalund"]);
    expect(resolveOwners("Jytte, Charlotte & Leif", P004)).toEqual(["Jytte Egetoft Thøgersen", "Charlotte Fuglesang", "Leif Serup"]);
  });
});

describe("sameName", () => {
  it.each([
    ["Inge Kjær Andersen", "Inge Andersen"],
    ["Lisbeth Lagoni", "Lisbeth Kjær Lagoni"],
    ["Daniel Kjærgaard Simonsen", "Daniel Kjærsgaard Simonsen"],
    ["Søren Aalund", "Søren Ålund"],
    ["Anne Krøjer", "Anne Krøyer"],
    ["Mette Rohde", "Mette Rhode"],
    ["Eva Sejersdal Knudsen", "Eva Knudsen"],
    ["Henrik Aarup-Kristensen", "Henrik Kristensen"],
    ["Keld I. Hansen", "Keld Ivar Hansen"],
  ])("%s = %s", (a, b) => {
    expect(sameName(a, b)).toBe(true);
    expect(sameName(b, a)).toBe(true);
  });

  it.each([
    ["Charlotte Larsen", "Charlotte Fuglesang"],
    ["Jan Mainz", "Jan Nybo"],
    ["Henrik Larsen", "Henrik Ravn"],
    ["Lone Iversen", "Lene Iversen"],
    ["Jens Hansen", "Jens Jensen"],
    ["Anne Hansen", "Anne Jansen"],
    ["Lisbeth Kjær Lagoni", "Lisbeth Holm Lagoni"],
  ])("%s ≠ %s", (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });
});

describe("helpers", () => {
  it("initials", () => {
    expect(initialsOf("Inge Kjær Andersen").has("IKA")).toBe(true);
    expect(initialsOf("Søren Aalund").has("SAA")).toBe(true);
  });
  it("given names", () => {
    expect(isKnownFirstName("Lise")).toBe(true);
    expect(isKnownFirstName("Anne-Mette")).toBe(true);
    expect(isKnownFirstName("Sund")).toBe(false);
    expect(isKnownFirstName("Novo")).toBe(false);
  });
});
