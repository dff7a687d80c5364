import { readFileSync } from "node:fs";
import { ingest, type Line } from "@minutes/ingest";
import { describe, expect, it } from "vitest";
import { extractParticipants } from "../src/participants.ts";
import type { Participant } from "../src/schema.ts";

const root = new URL("../../../fixtures/", import.meta.url);
const gold = (n: string) => JSON.parse(readFileSync(new URL(`gold/${n}.json`, root), "utf8")) as { participants: Participant[] };
const seedLines = async (n: string) => (await ingest(new URL(`seeds/${n}.txt`, root).pathname)).lines;

/** Lines from plain text, one per row (what a reader gives for text without layout hints). */
function toLines(text: string, tableRows = false): Line[] {
  return text.split("\n").map((t, i) => ({ page: 1, line: i + 1, text: t, hints: tableRows && t.includes(" | ") ? { tableRow: true } : {} }));
}

// The evaluation's normalisation (minutes-eval v1): NFC, lower case, punctuation dropped.
const norm = (s: string) => s.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, " ").replace(/\s+/g, " ").trim();

/** participants F1 over (normalised name, status) pairs. */
function f1(pred: Participant[], gold: Participant[]): number {
  const key = (p: Participant) => `${norm(p.name)}|${p.status}`;
  const g = gold.map(key);
  const p = pred.map(key);
  if (!g.length && !p.length) return 1;
  const tp = p.filter((k) => g.includes(k)).length;
  if (!tp) return 0;
  const precision = tp / p.length;
  const recall = tp / g.length;
  return (2 * precision * recall) / (precision + recall);
}

const tuple = (p: Participant) => [p.name, p.title, p.organization, p.status] as const;
const sorted = (ps: Participant[]) => ps.map(tuple).map((t) => t.join(" | ")).sort();

describe("extractParticipants on the seeds", () => {
  for (const n of ["000", "001", "002", "003", "004"]) {
    it(`${n}: name/status F1 ≥ 0.9, and name, title, organisation, status as the gold has them`, async () => {
      const { participants } = extractParticipants(await seedLines(n));
      const g = gold(n).participants;
      const score = f1(participants, g);
      console.log(`participants ${n}: F1 ${score.toFixed(3)} (${participants.length} predicted, ${g.length} gold)`);
      if (g.length === 0) expect(participants).toEqual([]);
      else expect(score).toBeGreaterThanOrEqual(0.9);
      expect(sorted(participants)).toEqual(sorted(g));
    });
  }

  it("000: the header block inside item 2 is reported as used, the item's text is not", async () => {
    const lines = await seedLines("000");
    const { usedLines } = extractParticipants(lines);
    const used = usedLines.map((i) => lines[i]!.text.trim());
    expect(used).toContain("Deltagere:");
    expect(used).toContain("Gæster som deltager i punkterne1-3");
    expect(used).toContain("Klinikchef Maj Skårhøj, Psykiatrien");
    // the minute-taker's sign-off
    expect(used).toContain("Således opfattet IKA");
    expect(used).toContain("Godkendt af LKL og SAA");
    expect(used.some((t) => t.startsWith("Indstillingerne blev drøftet"))).toBe(false);
    expect(used.some((t) => t.startsWith("At det drøftes"))).toBe(false);
  });

  it("004: the list ends where the first item starts", async () => {
    const lines = await seedLines("004");
    const used = extractParticipants(lines).usedLines.map((i) => lines[i]!.text);
    expect(used.some((t) => /Velkomst|Bilag/.test(t))).toBe(false);
    expect(used).toContain("Fie Holt Christiansen, Hjørring Kommune");
  });
});

describe("extractParticipants: printed forms", () => {
  it("PDF line wraps (pdftotext -raw of seed 000)", () => {
    const { participants } = extractParticipants(
      toLines(`Deltagere:
Sygeplejefagligdirektør Lisbeth Kjær Lagoni, Aalborg Universitetshospital
Direktør Anne Krøjer, Vesthimmerlands Kommune – i stedet deltog Mette
Rohde
Leder af Sund Info Lise Søndergaard, Regional sekretær Specialkonsulent
Inge Kjær Andersen, Kommunal sekretær
Charlotte Fuglesang, direktør og regional medformand, Regionshospital
Nordjylland
Leif Serup, direktør og kommunal medformand, Hjørring Kommune
(ordstyrer)
Henrik Ravn, Sundheds og Seniorchef, Jammer-
bugt Kommune
Mødedato:`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Lisbeth Kjær Lagoni", "Sygeplejefagligdirektør", "Aalborg Universitetshospital", "present"],
      ["Anne Krøjer", "Direktør", "Vesthimmerlands Kommune", "absent"],
      ["Mette Rohde", null, "Vesthimmerlands Kommune", "substitute"],
      ["Lise Søndergaard", "Leder af Sund Info", null, "secretary"],
      ["Inge Kjær Andersen", "Specialkonsulent", null, "secretary"],
      ["Charlotte Fuglesang", "direktør og regional medformand", "Regionshospital Nordjylland", "present"],
      ["Leif Serup", "direktør og kommunal medformand", "Hjørring Kommune", "present"],
      ["Henrik Ravn", "Sundheds og Seniorchef", "Jammerbugt Kommune", "present"],
    ]);
  });

  it("a municipal list: names only, party letters, 'Fraværende: Ingen'", () => {
    const { participants, usedLines } = extractParticipants(
      toLines(`Økonomiudvalget
Deltagere: Frank Jensen (A), Lars Weiss (A), Jonas Bjørn Jensen (Ø)
Fraværende: Ingen
1. Godkendelse af dagsorden`),
    );
    expect(participants.map((p) => [p.name, p.status])).toEqual([
      ["Frank Jensen", "present"],
      ["Lars Weiss", "present"],
      ["Jonas Bjørn Jensen", "present"],
    ]);
    expect(usedLines).toEqual([1, 2]);
  });

  it("numbered members with titles, absentees called in and substitutes", () => {
    const { participants } = extractParticipants(
      toLines(`Deltagerne var:
1. Overborgmester Frank Jensen (A)
2. Borgmester Ninna Hedeager Olsen (Ø)
Fraværende med afbud:
Maria Bagger Grell, Merete Øverup indkaldt
Jens Askov og Henrik Bang-Pedersen
Dagsordenen blev godkendt.`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Frank Jensen", "Overborgmester", null, "present"],
      ["Ninna Hedeager Olsen", "Borgmester", null, "present"],
      ["Maria Bagger Grell", null, null, "absent"],
      ["Merete Øverup", null, null, "substitute"],
      ["Jens Askov", null, null, "absent"],
      ["Henrik Bang-Pedersen", null, null, "absent"],
    ]);
  });

  it("a table with a header row, and Afbud after it", () => {
    const { participants, usedLines } = extractParticipants(
      toLines(
        `Navn | Titel | Organisation
Anne Hansen | Direktør | Hjørring Kommune
Bo Jensen | Sundhedschef | Frederikshavn Kommune
Carla Holm | Overlæge | Regionshospital Nordjylland
Afbud: Dorte Lund, Brønderslev Kommune
1. Godkendelse af dagsorden`,
        true,
      ),
    );
    expect(participants.map(tuple)).toEqual([
      ["Anne Hansen", "Direktør", "Hjørring Kommune", "present"],
      ["Bo Jensen", "Sundhedschef", "Frederikshavn Kommune", "present"],
      ["Carla Holm", "Overlæge", "Regionshospital Nordjylland", "present"],
      ["Dorte Lund", null, "Brønderslev Kommune", "absent"],
    ]);
    expect(usedLines).toEqual([0, 1, 2, 3, 4]);
  });

  it("a table with an Afbud column", () => {
    const { participants } = extractParticipants(
      toLines(
        `Navn | Organisation | Afbud
Anne Hansen | Hjørring Kommune |
Bo Jensen | Frederikshavn Kommune | x`,
        true,
      ),
    );
    expect(participants.map((p) => [p.name, p.status])).toEqual([
      ["Anne Hansen", "present"],
      ["Bo Jensen", "absent"],
    ]);
  });

  it("bullets, '(formand)', title without organisation, guests and a referent", () => {
    const { participants, usedLines } = extractParticipants(
      toLines(`Til stede:
• Hanne Sørensen, centerchef, Randers Kommune (formand)
• Peter Madsen, overlæge, Regionshospitalet Randers
• Line Krogh, sundhedskonsulent
Afbud:
• Kim Berg, Norddjurs Kommune
Gæster:
• Ole Dahl, Sundhedsstyrelsen (pkt. 3)
1. Velkomst
Hanne bød velkommen.
Referent: Line Krogh`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Hanne Sørensen", "centerchef", "Randers Kommune", "present"],
      ["Peter Madsen", "overlæge", "Regionshospitalet Randers", "present"],
      ["Line Krogh", "sundhedskonsulent", null, "secretary"],
      ["Kim Berg", null, "Norddjurs Kommune", "absent"],
      ["Ole Dahl", null, "Sundhedsstyrelsen", "guest"],
    ]);
    expect(usedLines).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 10]);
  });

  it("a person listed as member and under Afbud is one absent entry", () => {
    const { participants } = extractParticipants(
      toLines(`Deltagere
Eva Sejersdal Knudsen, direktør i Region Nordjylland (medformand)
Bente Graversen, direktør i Aalborg Kommune (medformand)
Afbud
Eva Sejersdal Knudsen, direktør i Region Nordjylland (medformand)`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Eva Sejersdal Knudsen", "direktør", "Region Nordjylland", "absent"],
      ["Bente Graversen", "direktør", "Aalborg Kommune", "present"],
    ]);
  });

  it("sentences that start with a label word are no participant list", () => {
    const r = extractParticipants(
      toLines(`Deltagerne drøftede sagen grundigt.
Deltagere: repræsentanter fra alle kommuner og regionen
Afbud meldes til sekretariatet.`),
    );
    expect(r.participants).toEqual([]);
    expect(r.usedLines).toEqual([]);
  });
});

describe("extractParticipants: several people on one line", () => {
  it("semicolons and commas between complete entries", () => {
    const { participants } = extractParticipants(
      toLines(`Deltagere: Anne Hansen, direktør, Hjørring Kommune; Bo Jensen, Frederikshavn Kommune
Til stede: Karen Holm, Aalborg Kommune, Peter Lund, Region Nordjylland
1. Godkendelse af dagsorden`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Anne Hansen", "direktør", "Hjørring Kommune", "present"],
      ["Bo Jensen", null, "Frederikshavn Kommune", "present"],
      ["Karen Holm", null, "Aalborg Kommune", "present"],
      ["Peter Lund", null, "Region Nordjylland", "present"],
    ]);
  });
});

describe("extractParticipants: notes and roles", () => {
  it("initials and organisations in parentheses, a title after the organisation, '- afbud'", () => {
    const { participants } = extractParticipants(
      toLines(`Deltagere:
Mette Holm Jensen (MHJ), Aalborg Kommune, formand
Dorthe Vang (DV), PLO Nordjylland - afbud
Medlemmer: Jørgen Mikkelsen, formand (DH); Pia Sørensen (DH); Lars Bundgaard, næstformand (Byrådet). Afbud: Pia Sørensen (DH). Referent: Malene Hviid, Sekretariatet.
1. Godkendelse af dagsorden`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Mette Holm Jensen", "formand", "Aalborg Kommune", "present"],
      ["Dorthe Vang", null, "PLO Nordjylland", "absent"],
      ["Jørgen Mikkelsen", "formand", "DH", "present"],
      ["Pia Sørensen", null, "DH", "absent"],
      ["Lars Bundgaard", "næstformand", "Byrådet", "present"],
      ["Malene Hviid", null, "Sekretariatet", "secretary"],
    ]);
  });

  it("label column rows: Stedfortræder for, Fra administrationen, Gæst, Referent", () => {
    const { participants, usedLines } = extractParticipants(
      toLines(`Medlemmer: Hanne Vestergaard (A), formand
Karina Bech (O)
Fraværende: Karina Bech (O)
Stedfortræder: Poul Erik Juhl (O) deltog som stedfortræder for Karina Bech
Fra administrationen: Direktør for Social og Sundhed Jette Mølgaard
Sundhedschef Anders Bøgh
Gæst: Kirsten Sand, formand for Ældrerådet (under punkt 3)
Referent: Lise Damgaard, sekretariatschef
Bemærkninger: Thomas Lind (C) forlod mødet kl. 17:40 under behandlingen
Indholdsfortegnelse`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Hanne Vestergaard", "formand", null, "present"],
      ["Karina Bech", null, null, "absent"],
      ["Poul Erik Juhl", null, null, "substitute"],
      ["Jette Mølgaard", "Direktør for Social og Sundhed", null, "present"],
      ["Anders Bøgh", "Sundhedschef", null, "present"],
      ["Kirsten Sand", "formand for Ældrerådet", null, "guest"],
      ["Lise Damgaard", "sekretariatschef", null, "secretary"],
    ]);
    expect(usedLines).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("'Afbud er modtaget fra:' then a new group of attendees; the secretariat as organisation", () => {
    const { participants } = extractParticipants(
      toLines(`Medlemmer:
Borgmester Bjarne Holst, Hjørring Kommune (formand)
Regionsrådsmedlem Lars Hedegaard, Region Nordjylland (næstformand)
Formand for Sundhedsudvalget Erik Thorup, Brønderslev Kommune
Praktiserende læge Søren Bak, PLO Nordjylland
Afbud er modtaget fra:
Regionsrådsmedlem Lars Hedegaard
Fra administrationen deltager:
Direktør Lise Thomsen, Hjørring Kommune
Sekretariatsleder Jonna Frost, Sekretariatet for Klynge Nord (referent)
Gæst under pkt. 4:
Projektleder Jonas Fjeldsø, Region Nordjylland
Indholdsfortegnelse`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Bjarne Holst", "Borgmester", "Hjørring Kommune", "present"],
      ["Lars Hedegaard", "Regionsrådsmedlem", "Region Nordjylland", "absent"],
      ["Erik Thorup", "Formand for Sundhedsudvalget", "Brønderslev Kommune", "present"],
      ["Søren Bak", "Praktiserende læge", "PLO Nordjylland", "present"],
      ["Lise Thomsen", "Direktør", "Hjørring Kommune", "present"],
      ["Jonna Frost", "Sekretariatsleder", "Sekretariatet for Klynge Nord", "secretary"],
      ["Jonas Fjeldsø", "Projektleder", "Region Nordjylland", "guest"],
    ]);
  });

  it("two entries run together on one line (DOCX soft breaks lost)", () => {
    const { participants } = extractParticipants(
      toLines(`Deltagere:
Leder af Sund Info Lise Søndergaard, Regional sekretær Specialkonsulent Inge Kjær Andersen, Kommunal sekretær`),
    );
    expect(participants.map(tuple)).toEqual([
      ["Lise Søndergaard", "Leder af Sund Info", null, "secretary"],
      ["Inge Kjær Andersen", "Specialkonsulent", null, "secretary"],
    ]);
  });
});
