import { readFileSync } from "node:fs";
import { ingest, type Line } from "@minutes/ingest";
import { describe, expect, it } from "vitest";
import { extractMeeting, guessBody } from "../src/meeting.ts";
import type { Meeting } from "../src/schema.ts";

const root = new URL("../../../fixtures/", import.meta.url);
const gold = (n: string) => JSON.parse(readFileSync(new URL(`gold/${n}.json`, root), "utf8")) as { meeting: Meeting };
const seedLines = async (n: string) => (await ingest(new URL(`seeds/${n}.txt`, root).pathname)).lines;
function toLines(text: string, tableRows = false): Line[] {
  return text.split("\n").map((t, i) => ({ page: 1, line: i + 1, text: t, hints: tableRows && t.includes(" | ") ? { tableRow: true } : {} }));
}

// minutes-eval v1 "meeting accuracy": body (token F1 ≥ 0.8), cluster, kind, number, date.
const tokens = (s: string | null) => (s ?? "").normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, " ").split(/\s+/).filter(Boolean);
function sim(a: string | null, b: string | null): number {
  const x = tokens(a);
  const y = tokens(b);
  if (!x.length && !y.length) return 1;
  const pool = [...x];
  let hit = 0;
  for (const t of y) {
    const i = pool.indexOf(t);
    if (i >= 0) {
      hit++;
      pool.splice(i, 1);
    }
  }
  return hit ? (2 * hit) / (x.length + y.length) : 0;
}
function accuracy(p: Meeting, g: Meeting): number {
  const ok = [sim(p.body, g.body) >= 0.8, p.cluster === g.cluster, p.kind === g.kind, p.number === g.number, p.date === g.date];
  return ok.filter(Boolean).length / ok.length;
}

describe("extractMeeting on the seeds", () => {
  for (const n of ["000", "001", "002", "003", "004"]) {
    it(`${n}: every meeting field as the gold has it`, async () => {
      const { meeting } = extractMeeting(await seedLines(n));
      const g = gold(n).meeting;
      console.log(`meeting ${n}: accuracy ${accuracy(meeting, g).toFixed(2)} ${JSON.stringify(meeting)}`);
      expect(accuracy(meeting, g)).toBe(1);
      expect(meeting).toEqual(g);
    });
  }

  it("000: the year is inferred from the weekday, with a warning at the date line", async () => {
    const { warnings, usedLines } = extractMeeting(await seedLines("000"));
    expect(warnings).toEqual([expect.objectContaining({ code: "year-inferred", page: 1, line: 81 })]);
    const lines = await seedLines("000");
    const used = usedLines.map((i) => lines[i]!.text.trim());
    expect(used).toEqual([
      "Referat Klyngestyregruppe Syd",
      "Emne:",
      "Møde 4, 2021 Styregruppe Klynge Syd",
      "Mødedato:",
      "Tid og sted:",
      "Fredag den 13.aug Kl.12.45 til kl. 14.00 – efter seminar",
    ]);
  });

  it("001: the yearless date takes the year of the document's dates that fits Monday", async () => {
    const { warnings } = extractMeeting(await seedLines("001"));
    expect(warnings.map((w) => w.code)).toEqual(["year-inferred"]);
  });

  it("003: a fragment: the forum named most, guessed, and no date", async () => {
    const { warnings, usedLines } = extractMeeting(await seedLines("003"));
    expect(warnings.map((w) => w.code)).toEqual(["body-guessed", "date-missing"]);
    expect(usedLines).toEqual([]);
  });

  it("004: labels inside an item ('Tidspunkt: marts 2021', 'Sted: Læsø') are no header", async () => {
    const lines = await seedLines("004");
    const { usedLines, warnings } = extractMeeting(lines);
    expect(warnings).toEqual([]);
    const used = usedLines.map((i) => lines[i]!.text);
    expect(used.some((t) => /Tidspunkt: marts|Sted: Læsø/.test(t))).toBe(false);
    expect(used).toContain("Mødested: Microsoft Teams");
  });
});

describe("extractMeeting: other templates", () => {
  const cases: Array<[string, string, Partial<Meeting>]> = [
    [
      "municipal: body line, 'Referat', Mødedato/Mødetidspunkt/Mødested",
      `Økonomiudvalget
Referat
Mødedato: Tirsdag den 31. marts 2020
Mødetidspunkt: 15:30 - 16:45
Mødested: Rådhuset, udvalgsværelse 1
Deltagere: Frank Jensen, Lars Weiss, Jonas Bjørn Jensen
1. Godkendelse af dagsorden`,
      { body: "Økonomiudvalget", kind: "referat", date: "2020-03-31", startTime: "15:30", endTime: "16:45", location: "Rådhuset, udvalgsværelse 1", cluster: null, number: null },
    ],
    [
      "owner before the body, start and end labels, '07-marts-2002'",
      `Egebjerg Kommune Økonomiudvalget Referat
Dato: Torsdag den 07-marts-2002
Starttidspunkt for møde: Kl. 16:00
Sluttidspunkt for møde: Kl. 18:00
Mødested: Udvalgsværelse II`,
      { body: "Økonomiudvalget", date: "2002-03-07", startTime: "16:00", endTime: "18:00", location: "Udvalgsværelse II" },
    ],
    [
      "everything on the title line",
      `Referat af mødet i Regionsrådet 14. november 2007 kl. 14:00 i Regionsrådssalen, Regionshuset Viborg, Skottenborg 26, 8800 Viborg
1. Nedsættelse af midlertidige udvalg`,
      { body: "Regionsrådet", date: "2007-11-14", startTime: "14:00", endTime: null, location: "Regionsrådssalen, Regionshuset Viborg, Skottenborg 26, 8800 Viborg" },
    ],
    [
      "a decision protocol: 'Beslutning i Økonomiudvalget den 04-06-2020'",
      `Beslutning i Økonomiudvalget den 04-06-2020
1. Godkendelse af dagsorden
Beslutning: Godkendt.`,
      { body: "Økonomiudvalget", kind: "referat", date: "2020-06-04" },
    ],
    [
      "an agenda without decisions is a dagsorden",
      `Dagsorden
Sundhedsstyregruppen
Dato: 12. maj 2022 kl. 9.00-11.00
Sted: Mødelokale 2, Regionshuset
1. Godkendelse af dagsorden
Det indstilles, at dagsordenen godkendes.`,
      { body: "Sundhedsstyregruppen", kind: "dagsorden", date: "2022-05-12", startTime: "09:00", endTime: "11:00", location: "Mødelokale 2, Regionshuset" },
    ],
    [
      "a 'Dagsorden' title with Beslutning sections is minutes",
      `Dagsorden for Udvalget for Sundhed og Ældre
Mødedato: 3. februar 2022
1. Godkendelse af dagsorden
Beslutning:
Godkendt.`,
      { body: "Udvalget for Sundhed og Ældre", kind: "referat", date: "2022-02-03" },
    ],
    [
      "header as a table, 'Referat – X'",
      `Referat – Klyngestyregruppe Nord
Dato | 3. marts 2022
Tid | kl. 13.00-15.00
Sted | Microsoft Teams`,
      { body: "Klyngestyregruppe Nord", cluster: "Nord", date: "2022-03-03", startTime: "13:00", endTime: "15:00", location: "Microsoft Teams" },
    ],
    [
      "'møde nr. 3' and a year on the number",
      `Referat af møde i Styregruppen for Sundhedshuset, møde nr. 3
Tid: 5. oktober 2021, kl. 14.00-16.00`,
      { body: "Styregruppen for Sundhedshuset", number: "3", date: "2021-10-05" },
    ],
    [
      "'Møde 2, 2022' states the year of a yearless date",
      `Referat Sundhedsklynge Syd
Møde 2, 2022
Mødedato: 3. juni
Mødet hævet kl. 17.10`,
      { body: "Sundhedsklynge Syd", cluster: "Syd", number: "2", date: "2022-06-03", endTime: "17:10" },
    ],
    [
      "one run-on line: owner, body, title word, date, time and an inline 'Sted:'",
      `Kærby Kommune Handicaprådet Referat Møde tirsdag den 8. marts 2022 kl. 16.30-18.30 Sted: Mødelokale 3, Kærby Rådhus`,
      { body: "Handicaprådet", date: "2022-03-08", startTime: "16:30", endTime: "18:30", location: "Mødelokale 3, Kærby Rådhus" },
    ],
    [
      "table rows with the colon before the cell break ('Sted: | …')",
      `DAGSORDEN
Politisk Klynge Nord
Møde nr. 4
Mødedato: | Torsdag den 10. november 2022
Tidspunkt: | Kl. 15.00-17.00
Sted: | Byrådssalen, Hjørring Rådhus
1. Velkomst
Det indstilles, at dagsordenen godkendes.`,
      { body: "Politisk Klynge Nord", cluster: "Nord", kind: "dagsorden", number: "4", date: "2022-11-10", startTime: "15:00", endTime: "17:00", location: "Byrådssalen, Hjørring Rådhus" },
    ],
    [
      "a date line under the title, the year only from years the text names",
      `REFERAT
Driftsgruppe Genoptræning – Sundhedsklynge Midt
Onsdag d. 8. februar kl. 9.00-11.00
Sted: Aalborg Kommune, mødelokale 2.14 (og Teams)
1. Godkendelse af dagsorden
Holdet starter i maj 2023, og flere kommuner følger i 2023.`,
      { body: "Driftsgruppe Genoptræning – Sundhedsklynge Midt", cluster: "Midt", date: "2023-02-08", startTime: "09:00", endTime: "11:00", location: "Aalborg Kommune, mødelokale 2.14 (og Teams)" },
    ],
    [
      "'Start kl.:' / 'Slut kl.:' labels and a letterhead above the title",
      `Aalborg Kommune
Referat
Ældre- og Handicapudvalget
Mødedato: 18.01.2021
Start kl.: 15:00
Slut kl.: 17:30
Sted: Mødelokale 1`,
      { body: "Ældre- og Handicapudvalget", date: "2021-01-18", startTime: "15:00", endTime: "17:30", location: "Mødelokale 1" },
    ],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    const { meeting } = extractMeeting(toLines(text, true));
    expect(meeting).toMatchObject(expected);
  });

  it("'Møde 2, 2022' with a yearless date warns year-inferred", () => {
    const { warnings } = extractMeeting(toLines("Referat Sundhedsklynge Syd\nMøde 2, 2022\nMødedato: 3. juni"));
    expect(warnings).toEqual([expect.objectContaining({ code: "year-inferred", line: 3 })]);
  });

  it("no header at all: nulls and warnings", () => {
    const { meeting, warnings } = extractMeeting(toLines("Det blev aftalt at arbejde videre.\nSekretariatet udarbejder et udkast."));
    expect(meeting).toEqual({ body: null, cluster: null, kind: "referat", number: null, date: null, startTime: null, endTime: null, location: null });
    expect(warnings.map((w) => w.code)).toEqual(["body-missing", "date-missing"]);
  });
});

describe("guessBody", () => {
  it("weights the forum that decides, prints its qualified name", () => {
    const text = `Driftsforum anbefaler en ændring. Driftsforum har skrevet. Driftsforum for Voksenpsykiatri.
Indstilling: Klyngestyregruppen beslutter hvordan bidraget håndteres.
Klyngestyregruppen besluttede, at status tilgår Koordineringsgruppen.
Næste møde i Klyngestyregruppe MIDT. Mødet i Klyngestyregruppe Midt.`;
    expect(guessBody(text)).toBe("Klyngestyregruppe Midt");
  });
});
