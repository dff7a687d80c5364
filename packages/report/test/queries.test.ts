/**
 * The analysts' questions against a store built from the fixtures: exact answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "@minutes/store";
import { actionsReport, decisionsPerQuarter, decisionsReport, meetingView, personReport, QueryError, searchReport, topicReport } from "../src/index.ts";
import { buildStore } from "./store-fixture.ts";

let store: Store;
beforeAll(async () => {
  ({ store } = await buildStore());
}, 120_000);
afterAll(async () => store?.close());

const pick = <T extends Record<string, unknown>>(rows: T[], keys: (keyof T)[]) => rows.map((r) => keys.map((k) => r[k]));

describe("report decisions", () => {
  it("Klyngestyregruppe Syd in 2021, newest first, with outcomes; each meeting once though stored as txt and docx", async () => {
    const t = await decisionsReport(store, { cluster: "Syd", from: "2021-01-01", to: "2021-12-31" });
    expect(pick(t.rows, ["date", "item", "outcome"])).toEqual([
      ["2021-10-27", "1. Velkomst og godkendelse af dagsorden", "approved"],
      ["2021-10-27", "2. Status fra arbejdet i driftsgruppen", "postponed"],
      ["2021-10-27", "3. Opsamling beslutninger fra seminar", "approved"],
      ["2021-10-27", "4. TEMA DRØFTELSE: Sundhedshuse", "discussed"],
      ["2021-10-27", "5. Det politiske klyngemøde og fremtiden", "postponed"],
      ["2021-10-27", "6. Software robot Ervin", "decided"],
      ["2021-10-27", "7. Covid-19 og Danske regionens arbejde", "withdrawn"],
      ["2021-10-27", "8. Kompetenceudvikling", "postponed"],
      ["2021-10-27", "9. Afklaring af om NORD KAP ønsker at deltage fremover", "decided"],
      ["2021-10-27", "10. Fast punkt: Skal patienter eller pårørende inddrages i noget af det aftalte fra dagens møde? Og hvad skal formen være?", "noted"],
      ["2021-08-13", "1. Velkomst og godkendelse af dagsorden", "approved"],
      ["2021-08-13", "2. Opsamling på fællesmøde med driftsgruppen", "decided"],
      ["2021-08-13", "3. Revision af sundhedsaftalen om indlæggelse og udskrivning", "decided"],
      ["2021-08-13", "4. Opsamling på drøftelser om sundhedshuse", "decided"],
      ["2021-08-13", "5. Kort evaluering af seminar", "decided"],
      ["2021-08-13", "6. Fast punkt: Skal patienter eller pårørende inddrages i noget af det aftalte fra dagens møde? Og hvad skal formen være?", "discussed"],
      ["2021-08-13", "7. Evt.", "noted"],
    ]);
    // Every row points to its source.
    expect(t.rows[0]!.source).toEqual({ file: "002.docx", path: expect.stringMatching(/fixtures\/seeds\/002\.docx$/), page: 1, line: 21 });
  });

  it("filters by outcome and by full-text search", async () => {
    const approved = await decisionsReport(store, { outcome: "approved", cluster: "Nord" });
    // Politisk Klynge Nord's agenda (dagsorden) has no outcomes: it is not among them.
    expect(pick(approved.rows, ["date", "body", "item"])).toEqual([
      ["2022-09-15", "Klyngestyregruppe Nord", "1. Godkendelse af dagsorden"],
      ["2022-09-15", "Klyngestyregruppe Nord", "2. IPS – individuelt planlagt job med støtte i Klynge Nord"],
      ["2020-11-19", "Klyngestyregruppe Nord", "1. Velkomst og godkendelse af referat"],
      ["2020-11-19", "Klyngestyregruppe Nord", "2. Status på værksted vedr. træning"],
      ["2020-11-19", "Klyngestyregruppe Nord", "5. Drøftelse af punkter til møde i Politisk Klynge Nord d. 17. december"],
      ["2020-11-19", "Klyngestyregruppe Nord", "7. Forslag til seminar for Klyngestyregruppen"],
      ["2020-11-19", "Klyngestyregruppe Nord", "8. Orientering fra KLU'erne"],
    ]);
    const ips = await decisionsReport(store, { search: "IPS" });
    expect(pick(ips.rows, ["date", "cluster", "item"])).toEqual([
      ["2023-04-17", "Midt", "4. Det Nationale Ledelsesprogram"],
      ["2023-04-17", "Midt", "5. Forslag til dagsordenspunkter til Politisk niveau"],
      ["2023-04-17", "Midt", "7. Eventuelt"],
      ["2022-09-15", "Nord", "2. IPS – individuelt planlagt job med støtte i Klynge Nord"],
      ["2021-10-27", "Syd", "2. Status fra arbejdet i driftsgruppen"],
      ["2021-08-13", "Syd", "2. Opsamling på fællesmøde med driftsgruppen"],
    ]);
  });

  it("counts decisions per cluster per quarter for the chart", async () => {
    const c = await decisionsPerQuarter(store, { cluster: "Syd" });
    expect(c).toEqual({ quarters: ["2021 K3", "2021 K4"], series: [{ cluster: "Syd", counts: [7, 10] }] });
  });
});

describe("report actions", () => {
  it("the open actions of a named person", async () => {
    const t = await actionsReport(store, { owner: "Jan Nybo", open: true, today: "2021-12-01" });
    expect(pick(t.rows, ["owner", "text", "deadline", "deadline_text", "state"])).toEqual([
      ["Jan Nybo", "Jan Nybo og Lise Søndergaard arbejder videre med at undersøge de tekniske muligheder for kommunikation i MedCom standarderne der skal afklares i forhold til fund i den tværsektorielle audit", null, null, "open"],
      ["Jan Nybo", "Jan Nybo ved behov tager kontakt til kommunerne", null, "på næste møde", "open"],
      ["Jan Nybo", "der gives en status på næste møde", null, "på næste møde", "open"],
    ]);
  });

  it("an alias finds the person's actions under the canonical name", async () => {
    const a = await actionsReport(store, { owner: "Daniel Kjærsgaard Simonsen" });
    expect(pick(a.rows, ["owner", "deadline", "deadline_text"])).toEqual([["Daniel Kjærgaard Simonsen", "2021-10-27", "til næste møde"]]);
  });

  it("overdue actions: a deadline before today, 'til næste møde' resolved to the next meeting's date", async () => {
    const t = await actionsReport(store, { overdue: true, today: "2021-12-01" });
    expect(pick(t.rows, ["owner", "deadline", "state"])).toEqual([
      ["administrationen", "2020-06-23", "overdue"],
      ["administrationen", "2020-08-31", "overdue"],
      ["alle", "2021-10-27", "overdue"],
      ["alle", "2021-10-27", "overdue"],
      ["Daniel Kjærgaard Simonsen", "2021-10-27", "overdue"],
      ["hver part", "2021-10-27", "overdue"],
      ["kommunerne", "2021-08-17", "overdue"],
      ["plejecentrene", "2020-06-12", "overdue"],
    ]);
    const before = await actionsReport(store, { dueBefore: "2020-07-01" });
    expect(pick(before.rows, ["owner", "deadline"])).toEqual([
      ["administrationen", "2020-06-23"],
      ["plejecentrene", "2020-06-12"],
    ]);
  });
});

describe("report person", () => {
  it("meetings attended, items presented, actions owned; any printed name finds the person", async () => {
    const t = await personReport(store, "Lisbeth Lagoni", { today: "2022-01-01" });
    expect(t.title).toBe("Lisbeth Kjær Lagoni (også skrevet Lisbeth Lagoni)");
    expect(pick(t.rows, ["date", "kind", "text"])).toEqual([
      ["2021-08-13", "møde", "deltog"],
      ["2021-08-13", "punkt", "1. Velkomst og godkendelse af dagsorden"],
      ["2021-08-13", "punkt", "2. Opsamling på fællesmøde med driftsgruppen"],
      ["2021-08-13", "punkt", "4. Opsamling på drøftelser om sundhedshuse"],
      ["2021-08-13", "punkt", "5. Kort evaluering af seminar"],
      ["2021-10-27", "møde", "deltog"],
      ["2021-10-27", "punkt", "1. Velkomst og godkendelse af dagsorden"],
      ["2021-10-27", "punkt", "3. Opsamling beslutninger fra seminar"],
      ["2021-10-27", "punkt", "4. TEMA DRØFTELSE: Sundhedshuse"],
      ["2021-10-27", "punkt", "5. Det politiske klyngemøde og fremtiden"],
      ["2023-04-17", "møde", "deltog (som Lisbeth Lagoni)"],
    ]);
  });
  it("an unknown person is a clear error", async () => {
    await expect(personReport(store, "Ingen Sådan")).rejects.toThrow(QueryError);
  });
});

describe("report topic and search", () => {
  it("the IPS timeline across Syd, Nord and Midt, oldest first", async () => {
    const t = await topicReport(store, "IPS");
    expect(pick(t.rows, ["date", "cluster", "kind"])).toEqual([
      ["2021-08-13", "Syd", "opgave"],
      ["2021-08-13", "Syd", "beslutning"],
      ["2021-08-13", "Syd", "referat"],
      ["2021-10-27", "Syd", "referat"],
      ["2022-09-15", "Nord", "punkt"],
      ["2022-09-15", "Nord", "indstilling"],
      ["2023-04-17", "Midt", "beslutning"],
      ["2023-04-17", "Midt", "referat"],
      ["2023-04-17", "Midt", "beslutning"],
      ["2023-04-17", "Midt", "referat"],
      ["2023-04-17", "Midt", "beslutning"],
      ["2023-04-17", "Midt", "referat"],
    ]);
  });

  it("search: ranked hits, Danish forms, hits marked, source positions", async () => {
    const t = await searchReport(store, "sundhedshuse");
    expect(t.rows.length).toBe(7);
    expect(t.rows[0]).toMatchObject({ rank: 1, kind: "punkt", snippet: "TEMA DRØFTELSE: \u0002Sundhedshuse\u0003", source: { file: "002.docx", page: 1, line: 65 } });
    expect(t.rows.map((r) => r.snippet).join(" ")).toContain("\u0002sundhedshus\u0003 i Hobro");
  });

  it("search input with SQL and FTS syntax answers without crashing", async () => {
    for (const q of ['"', "IPS*", "IPS NEAR sundhedshuse", "IPS OR x", '"unbalanced', "'; DROP TABLE items; --", "()", "^", "-"]) {
      const t = await searchReport(store, q);
      expect(Array.isArray(t.rows)).toBe(true);
    }
    // Syntax characters are ignored: the words are searched (all of them must occur).
    expect((await searchReport(store, '"IPS"')).rows.length).toBe(12);
    expect((await searchReport(store, "IPS*")).rows.length).toBe(12);
    expect((await searchReport(store, "IPS OR x")).rows.length).toBe(0);
  });
});

describe("report meeting", () => {
  it("by file name: the meeting with its items, recommendations, decisions, actions and positions", async () => {
    const v = await meetingView(store, "klyngestyregruppe-nord-2022-09-15.txt");
    expect(v.meeting).toMatchObject({ body: "Klyngestyregruppe Nord", cluster: "Nord", date: "2022-09-15", location: "Mødelokale 2, Sygehus Vendsyssel, Hjørring" });
    expect(v.participants.map((p) => [p.name, p.status])).toEqual([
      ["Birgitte Dahl", "present"],
      ["Mads Vinther", "present"],
      ["Karen Bech", "present"],
      ["Ole Friis", "present"],
      ["Rikke Holm", "absent"],
      ["Signe Lund", "secretary"],
    ]);
    expect(v.items[1]).toMatchObject({
      number: "2",
      title: "IPS – individuelt planlagt job med støtte i Klynge Nord",
      presenter: "Karen Bech",
      outcome: "approved",
      recommendations: ["klyngestyregruppen godkender, at IPS udbredes til alle fire kommuner i klyngen."],
      decisions: ["Indstillingen blev godkendt."],
      actions: [{ text: "Karen Bech udarbejder en plan for udbredelsen senest den 1. november 2022", owners: ["Karen Bech"], deadline: "2022-11-01", deadlineText: "senest den 1. november 2022", source: { file: "klyngestyregruppe-nord-2022-09-15.txt", page: 1, line: 24 } }],
      source: { page: 1, line: 19 },
    });
    const byId = await meetingView(store, String(v.meeting.id));
    expect(byId.items.map((i) => i.title)).toEqual(v.items.map((i) => i.title));
  });
  it("an unknown file is a clear error", async () => {
    await expect(meetingView(store, "nothing.pdf")).rejects.toThrow(/no stored document "nothing.pdf"/);
  });
});
