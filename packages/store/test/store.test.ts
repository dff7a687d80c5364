/**
 * The store against real SQLite files in temp folders: exact rows for a saved document,
 * idempotent saves, replacement of a changed file, failures, two formats of one meeting,
 * "til næste møde" deadlines, persons across meetings.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, SCHEMA_VERSION, type Store } from "../src/index.ts";
import { counts, freshStore, input, item, minutes, sha, tempDb } from "./helpers.ts";

const NONE = { cpr: 0, email: 0, phone: 0 };
let store: Store;
afterEach(async () => {
  await store?.close();
});

const rich = minutes({
  meeting: { number: "4", startTime: "12:45", endTime: "14:00", location: "Aalborg" },
  participants: [
    { name: "Lisbeth Kjær Lagoni", title: "Direktør", organization: "Aalborg Universitetshospital", status: "present", at: { page: 1, line: 7 } },
    { name: "Søren Aalund", title: null, organization: null, status: "absent", at: { page: 1, line: 9 } },
  ],
  items: [
    item("1", "Velkomst og godkendelse af dagsorden", { outcome: "approved", decisionText: "Dagsorden blev godkendt.", decisions: ["Dagsorden blev godkendt."] }),
    item("2", "Opsamling på drøftelser om sundhedshuse", {
      presenter: "Søren Aalund",
      attachments: ["Notat om sundhedshuse"],
      recommendations: ["At styregruppen drøfter sundhedshusene", "At sekretariatet følger op"],
      decisionText: "Det blev aftalt, at sekretariatet laver et oplæg til næste møde.",
      outcome: "decided",
      decisions: ["Det blev aftalt, at sekretariatet laver et oplæg til næste møde."],
      actions: [
        { text: "sekretariatet laver et oplæg", owners: ["sekretariatet"], deadline: null, deadlineText: "til næste møde", at: { page: 2, line: 4 } },
        { text: "Lisbeth og Søren melder tilbage", owners: ["Lisbeth Kjær Lagoni", "Søren Aalund"], deadline: "2021-08-17", deadlineText: "inden tirsdag den 17. august" },
      ],
      span: { page: 1, startLine: 30, endLine: 12, endPage: 2 },
    }),
  ],
  warnings: [{ code: "year-inferred", message: "år udledt", page: 1, line: 3 }],
});

describe("openStore", () => {
  it("creates the schema at the newest version, in WAL mode, with foreign keys on", async () => {
    const path = await tempDb();
    store = await openStore(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(4);
    expect(await store.backend.get("PRAGMA journal_mode")).toEqual({ journal_mode: "wal" });
    expect(await store.backend.get("PRAGMA foreign_keys")).toEqual({ foreign_keys: 1 });
    const tables = (await store.backend.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts_%' ORDER BY name")).map((t) => t.name);
    expect(tables).toEqual([
      "action_owners", "actions", "attachments", "decisions", "documents", "items", "meetings", "participations",
      "person_aliases", "persons", "recommendations", "run_failures", "run_lock", "runs", "search_fts", "warnings",
    ]);
  });

  it("opens read-only for queries while another connection writes", async () => {
    const path = await tempDb();
    store = await openStore(path);
    await store.saveDocument(input("/a/x.txt", rich));
    const reader = await openStore(path, { readonly: true });
    expect((await reader.meetings()).length).toBe(1);
    await store.saveDocument(input("/a/y.txt", minutes({ meeting: { date: "2021-10-27" } })));
    expect((await reader.meetings()).length).toBe(2);
    await expect(reader.saveDocument(input("/a/z.txt", rich))).rejects.toThrow(/readonly/);
    await reader.close();
  });
});

describe("saveDocument", () => {
  it("stores every fact of a document with its position, in one go", async () => {
    store = await freshStore();
    const r = await store.saveDocument({ ...input("/archive/000.txt", rich), messages: [{ code: "ocr-missing", message: "ingen OCR", page: 2, line: null, stage: "ingest", severity: "warning" }] });
    expect(r).toEqual({ status: "new", documentId: 1, meetingId: 1, sameMeetingAs: [], redacted: NONE });
    expect(await counts(store)).toEqual({
      documents: 1, meetings: 1, persons: 2, person_aliases: 2, participations: 2, items: 2, attachments: 1,
      recommendations: 2, decisions: 2, actions: 2, action_owners: 3, warnings: 2,
    });
    const db = store.backend;
    expect(await db.get("SELECT path, file, sha256, format, pages, bytes, status, extractor_version, meeting_id, is_primary FROM documents")).toEqual({
      path: "/archive/000.txt", file: "000.txt", sha256: sha("/archive/000.txt@1"), format: "txt", pages: 1, bytes: 100,
      status: "stored", extractor_version: "0.3.0", meeting_id: 1, is_primary: 1,
    });
    expect(await db.get("SELECT body, body_key, cluster, kind, number, date, start_time, end_time, location FROM meetings")).toEqual({
      body: "Klyngestyregruppe Syd", body_key: "klyngestyregruppe syd", cluster: "Syd", kind: "referat", number: "4",
      date: "2021-08-13", start_time: "12:45", end_time: "14:00", location: "Aalborg",
    });
    expect(await db.all("SELECT number, title, presenter, outcome, page, start_line, end_line, end_page FROM items ORDER BY ord")).toEqual([
      { number: "1", title: "Velkomst og godkendelse af dagsorden", presenter: null, outcome: "approved", page: 1, start_line: 10, end_line: 15, end_page: 1 },
      { number: "2", title: "Opsamling på drøftelser om sundhedshuse", presenter: "Søren Aalund", outcome: "decided", page: 1, start_line: 30, end_line: 12, end_page: 2 },
    ]);
    // Recommendations and decisions stand at their item's first line.
    expect(await db.all("SELECT text, page, line FROM recommendations ORDER BY id")).toEqual([
      { text: "At styregruppen drøfter sundhedshusene", page: 1, line: 30 },
      { text: "At sekretariatet følger op", page: 1, line: 30 },
    ]);
    // Actions: their own position when extract gives one, else the item's.
    expect(await db.all("SELECT text, deadline, deadline_text, deadline_rule, deadline_resolved, page, line FROM actions ORDER BY id")).toEqual([
      { text: "sekretariatet laver et oplæg", deadline: null, deadline_text: "til næste møde", deadline_rule: "next-meeting", deadline_resolved: null, page: 2, line: 4 },
      { text: "Lisbeth og Søren melder tilbage", deadline: "2021-08-17", deadline_text: "inden tirsdag den 17. august", deadline_rule: "stated", deadline_resolved: "2021-08-17", page: 1, line: 30 },
    ]);
    expect(await db.all("SELECT o.name, o.body, p.name AS person FROM action_owners o LEFT JOIN persons p ON p.id = o.person_id ORDER BY o.id")).toEqual([
      { name: "sekretariatet", body: "sekretariatet", person: null },
      { name: "Lisbeth Kjær Lagoni", body: null, person: "Lisbeth Kjær Lagoni" },
      { name: "Søren Aalund", body: null, person: "Søren Aalund" },
    ]);
    expect(await db.all("SELECT name, status, title, organization, page, line FROM participations ORDER BY ord")).toEqual([
      { name: "Lisbeth Kjær Lagoni", status: "present", title: "Direktør", organization: "Aalborg Universitetshospital", page: 1, line: 7 },
      { name: "Søren Aalund", status: "absent", title: null, organization: null, page: 1, line: 9 },
    ]);
    expect(await db.all("SELECT stage, severity, code, page, line FROM warnings ORDER BY id")).toEqual([
      { stage: "ingest", severity: "warning", code: "ocr-missing", page: 2, line: null },
      { stage: "extract", severity: "warning", code: "year-inferred", page: 1, line: 3 },
    ]);
    expect((await store.warnings()).map((w) => [w.stage, w.code, w.source.file, w.source.page, w.source.line])).toEqual([
      ["ingest", "ocr-missing", "000.txt", 2, null],
      ["extract", "year-inferred", "000.txt", 1, 3],
    ]);
    const [action] = await store.actions({ owner: "sekretariatet" });
    expect(action).toMatchObject({
      text: "sekretariatet laver et oplæg",
      owners: [{ kind: "body", name: "sekretariatet" }],
      item: { number: "2", outcome: "decided" },
      meeting: { id: 1, body: "Klyngestyregruppe Syd", cluster: "Syd", date: "2021-08-13" },
      source: { documentId: 1, path: "/archive/000.txt", file: "000.txt", page: 2, line: 4 },
    });
  });

  it("adds nothing when the same file is saved again", async () => {
    store = await freshStore();
    await store.saveDocument(input("/a/000.txt", rich));
    const before = await counts(store);
    expect(await store.saveDocument(input("/a/000.txt", rich))).toEqual({ status: "unchanged", documentId: 1, meetingId: 1, sameMeetingAs: [], redacted: NONE });
    expect(await counts(store)).toEqual(before);
  });

  it("replaces a changed file's rows in one transaction, keeping its document id", async () => {
    store = await freshStore();
    await store.saveDocument(input("/a/000.txt", rich));
    const changed = minutes({
      participants: [{ name: "Jan Nybo", title: null, organization: null, status: "present" }],
      items: [item("1", "Status på akutplanen", { recommendations: ["At planen godkendes"] })],
    });
    expect(await store.saveDocument(input("/a/000.txt", changed, "2"))).toEqual({ status: "updated", documentId: 1, meetingId: 1, sameMeetingAs: [], redacted: NONE });
    expect(await counts(store)).toEqual({
      documents: 1, meetings: 1, persons: 1, person_aliases: 1, participations: 1, items: 1, attachments: 0,
      recommendations: 1, decisions: 0, actions: 0, action_owners: 0, warnings: 0,
    });
    expect(await store.backend.all("SELECT sha256 FROM documents")).toEqual([{ sha256: sha("/a/000.txt@2") }]);
    expect((await store.persons()).map((p) => p.name)).toEqual(["Jan Nybo"]);
    expect(await store.search("sundhedshuse")).toEqual([]);
    expect((await store.search("akutplanen")).map((h) => h.text)).toEqual(["Status på akutplanen"]);
  });

  it("rolls back a document that fails half-way: nothing of it is stored", async () => {
    store = await freshStore();
    // A failure deep inside the document (after meeting, persons, items and actions went in).
    await store.backend.exec("CREATE TEMP TRIGGER fail_owner BEFORE INSERT ON action_owners BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(store.saveDocument(input("/a/bad.txt", rich))).rejects.toThrow(/disk full/);
    expect(await counts(store)).toEqual({
      documents: 0, meetings: 0, persons: 0, person_aliases: 0, participations: 0, items: 0, attachments: 0,
      recommendations: 0, decisions: 0, actions: 0, action_owners: 0, warnings: 0,
    });
  });

  it("records a failed file and keeps a stored version when its new bytes fail", async () => {
    store = await freshStore();
    const runId = await store.startRun({ command: "ingest", args: [], extractorVersion: "0.3.0" });
    await store.saveDocument(input("/a/good.txt", rich));
    await store.recordFailure({ path: "/a/bad.pdf", sha256: sha("x"), format: "pdf", stage: "ingest", code: "corrupt", message: "bad xref", runId });
    await store.recordFailure({ path: "/a/good.txt", sha256: sha("y"), stage: "extract", code: "error", message: "boom", runId });
    expect(await store.backend.all("SELECT path, status, error_stage, error_code, error_message, meeting_id FROM documents ORDER BY id")).toEqual([
      { path: "/a/good.txt", status: "stored", error_stage: "extract", error_code: "error", error_message: "boom", meeting_id: 1 },
      { path: "/a/bad.pdf", status: "failed", error_stage: "ingest", error_code: "corrupt", error_message: "bad xref", meeting_id: null },
    ]);
    expect(await store.backend.all("SELECT run_id, path, stage, code FROM run_failures ORDER BY id")).toEqual([
      { run_id: runId, path: "/a/bad.pdf", stage: "ingest", code: "corrupt" },
      { run_id: runId, path: "/a/good.txt", stage: "extract", code: "error" },
    ]);
    expect((await store.items()).length).toBe(2);
    // The failed path stores once its bytes can be read: a new document.
    expect((await store.saveDocument(input("/a/bad.pdf", rich, "2", "pdf"))).status).toBe("new");
    expect(await store.backend.get("SELECT status, error_code FROM documents WHERE path = '/a/bad.pdf'")).toEqual({ status: "stored", error_code: null });
  });

  it("lists documents stored by an older extractor version", async () => {
    store = await freshStore();
    await store.saveDocument(input("/a/old.txt", { ...rich, extractor: "0.2.0" }));
    await store.saveDocument(input("/a/new.txt", { ...minutes({ meeting: { date: "2021-10-27" } }), extractor: "0.3.0" }));
    await store.saveDocument(input("/a/unknown.txt", { ...minutes({ meeting: { date: "2021-11-01" } }), extractor: undefined }));
    expect((await store.documentsNeedingReextract("0.3.0")).map((d) => d.path)).toEqual(["/a/old.txt", "/a/unknown.txt"]);
    expect((await store.documentsNeedingReextract("0.10.0")).length).toBe(3);
    // Same bytes, newer extractor: replaced, not "unchanged".
    expect((await store.saveDocument(input("/a/old.txt", { ...rich, extractor: "0.3.0" }))).status).toBe("updated");
  });
});

describe("one meeting in two formats", () => {
  it("stores both files, counts the meeting once, and reads facts from the DOCX", async () => {
    store = await freshStore();
    const pdf = minutes({ items: [item("1", "Henvendelser fra Driftsfora vedr."), item("2", "Status på Politisk Klynge d."), item("3", "Evt.")] });
    const docx = minutes({ items: [item("1", "Henvendelser fra Driftsfora vedr. samarbejdsaftaler"), item("2", "Status på Politisk Klynge d. 29. oktober"), item("3", "Evt.")] });
    await store.saveDocument(input("/a/003.pdf", pdf, "1", "pdf"));
    const r = await store.saveDocument(input("/a/003.docx", docx, "1", "docx"));
    expect(r).toEqual({ status: "new", documentId: 2, meetingId: 1, sameMeetingAs: ["/a/003.pdf"], redacted: NONE });
    expect(await store.backend.all("SELECT path, meeting_id, is_primary FROM documents ORDER BY id")).toEqual([
      { path: "/a/003.pdf", meeting_id: 1, is_primary: 0 },
      { path: "/a/003.docx", meeting_id: 1, is_primary: 1 },
    ]);
    const meetings = await store.meetings();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ primaryDocumentId: 2, items: 3, documents: [{ path: "/a/003.pdf", format: "pdf" }, { path: "/a/003.docx", format: "docx" }] });
    expect((await store.items()).map((i) => i.title)).toEqual(["Henvendelser fra Driftsfora vedr. samarbejdsaftaler", "Status på Politisk Klynge d. 29. oktober", "Evt."]);
    expect((await store.status()).totals).toMatchObject({ documents: 2, meetings: 1, items: 3 });
    // Search shows the primary's hit once; allDocuments shows both.
    expect((await store.search("henvendelser")).map((h) => h.source.path)).toEqual(["/a/003.docx"]);
    expect((await store.search("henvendelser", { allDocuments: true })).map((h) => h.source.path).sort()).toEqual(["/a/003.docx", "/a/003.pdf"]);
  });

  it("keeps different meetings apart: another date, another number, other items", async () => {
    store = await freshStore();
    const base = minutes({ items: [item("1", "Godkendelse af dagsorden"), item("2", "Sundhedshuse"), item("3", "Evt.")] });
    await store.saveDocument(input("/a/1.txt", base));
    await store.saveDocument(input("/a/2.txt", minutes({ meeting: { date: "2021-10-27" }, items: base.items })));
    await store.saveDocument(input("/a/3.txt", minutes({ meeting: { body: "Klyngestyregruppe Nord" }, items: base.items })));
    await store.saveDocument(input("/a/4.txt", minutes({ items: [item("1", "Akutplan"), item("2", "Økonomi"), item("3", "Rekruttering")] })));
    expect((await store.meetings()).length).toBe(4);
    // Without a date, only an identical agenda joins.
    await store.saveDocument(input("/a/5.txt", minutes({ meeting: { date: null }, items: base.items })));
    await store.saveDocument(input("/a/6.docx", minutes({ meeting: { date: null }, items: base.items }), "1", "docx"));
    await store.saveDocument(input("/a/7.txt", minutes({ meeting: { date: null }, items: base.items.slice(0, 2) })));
    expect((await store.meetings()).length).toBe(6);
  });
});

describe('"til næste møde"', () => {
  const first = minutes({
    items: [item("1", "Seminar", { actions: [{ text: "alle forbereder et indlæg", owners: ["alle"], deadline: null, deadlineText: "til næste møde" }] })],
  });
  const later = (date: string, title = "Opfølgning") => minutes({ meeting: { date }, items: [item("1", title)] });

  it("resolves to the next meeting of the same body when it arrives later", async () => {
    store = await freshStore();
    await store.saveDocument(input("/a/aug.txt", first));
    expect((await store.actions())[0]).toMatchObject({ deadline: null, deadlineText: "til næste møde", deadlineRule: "next-meeting", deadlineResolved: null });
    await store.saveDocument(input("/a/nord.txt", minutes({ meeting: { body: "Klyngestyregruppe Nord", date: "2021-09-01" } })));
    expect((await store.actions())[0]!.deadlineResolved).toBeNull();
    await store.saveDocument(input("/a/okt.txt", later("2021-10-27")));
    const [a] = await store.actions();
    expect(a).toMatchObject({ deadline: null, deadlineText: "til næste møde", deadlineResolved: "2021-10-27" });
    expect(a!.resolvedMeetingId).toBe((await store.meetings({ body: "klyngestyregruppe syd", from: "2021-10-27" }))[0]!.id);
    // A meeting in between becomes the next one; when it goes again, October is next again.
    await store.saveDocument(input("/a/sep.txt", later("2021-09-20", "Ekstra møde")));
    expect((await store.actions())[0]!.deadlineResolved).toBe("2021-09-20");
    await store.saveDocument(input("/a/sep.txt", later("2021-12-01", "Ekstra møde"), "2"));
    expect((await store.actions())[0]!.deadlineResolved).toBe("2021-10-27");
    expect((await store.actions({ dueTo: "2021-10-31" })).length).toBe(1);
  });

  it("resolves when the next meeting is already stored", async () => {
    store = await freshStore();
    await store.saveDocument(input("/a/okt.txt", later("2021-10-27")));
    await store.saveDocument(input("/a/aug.txt", first));
    expect((await store.actions())[0]!.deadlineResolved).toBe("2021-10-27");
  });
});

describe("persons across meetings", () => {
  const meeting = (date: string, names: string[]) =>
    minutes({ meeting: { date }, participants: names.map((name) => ({ name, title: null, organization: null, status: "present" as const })) });

  it("joins spelling variants and missing middle names, records the rule, keeps different people apart", async () => {
    store = await freshStore();
    await store.saveDocument(input("/a/1.txt", meeting("2021-08-13", ["Daniel Kjærgaard Simonsen", "Lisbeth Kjær Lagoni", "Charlotte Larsen", "Inge Kjær Andersen", "Mette Hansen"])));
    await store.saveDocument(input("/a/2.txt", meeting("2023-04-17", ["Daniel Kjærsgaard Simonsen", "Lisbeth Lagoni", "Charlotte Fuglesang", "Inge Andersen", "Mette Jansen", "Søren Ålund"])));
    await store.saveDocument(input("/a/3.txt", meeting("2023-05-01", ["Søren Aalund", "Charlotte"])));
    const persons = await store.persons();
    const byName = Object.fromEntries(persons.map((p) => [p.name, p.aliases.map((a) => [a.name, a.rule, a.matchedTo])]));
    expect(byName).toEqual({
      "Daniel Kjærgaard Simonsen": [
        ["Daniel Kjærgaard Simonsen", "first-seen", null],
        ["Daniel Kjærsgaard Simonsen", "spelling-variant", "Daniel Kjærgaard Simonsen"],
      ],
      "Lisbeth Kjær Lagoni": [
        ["Lisbeth Kjær Lagoni", "first-seen", null],
        ["Lisbeth Lagoni", "extra-middle-name", "Lisbeth Kjær Lagoni"],
      ],
      "Inge Kjær Andersen": [
        ["Inge Kjær Andersen", "first-seen", null],
        ["Inge Andersen", "extra-middle-name", "Inge Kjær Andersen"],
      ],
      "Charlotte Larsen": [["Charlotte Larsen", "first-seen", null]],
      "Charlotte Fuglesang": [["Charlotte Fuglesang", "first-seen", null]],
      Charlotte: [["Charlotte", "first-seen", null]],
      "Mette Hansen": [["Mette Hansen", "first-seen", null]],
      "Mette Jansen": [["Mette Jansen", "first-seen", null]],
      "Søren Ålund": [
        ["Søren Ålund", "first-seen", null],
        ["Søren Aalund", "same-name", null],
      ],
    });
    const daniel = persons.find((p) => p.name === "Daniel Kjærgaard Simonsen")!;
    expect(daniel.meetings).toBe(2);
    expect(daniel.aliases[1]!.detail).toBe('"Kjærsgaard" ~ "Kjærgaard" (edits 1, Jaro-Winkler 0.98)');
    // The canonical name is the fullest printing, even when the shorter came first.
    const parts = await store.participations({ personId: persons.find((p) => p.name === "Lisbeth Kjær Lagoni")!.id });
    expect(parts.map((p) => [p.name, p.meeting.date, p.person.name])).toEqual([
      ["Lisbeth Kjær Lagoni", "2021-08-13", "Lisbeth Kjær Lagoni"],
      ["Lisbeth Lagoni", "2023-04-17", "Lisbeth Kjær Lagoni"],
    ]);
  });

  it("never joins a name that fits two persons, and keeps two participants of one meeting apart", async () => {
    store = await freshStore();
    await store.saveDocument(input("/a/1.txt", meeting("2021-01-01", ["Lisbeth Kjær Lagoni", "Lisbeth Holm Lagoni"])));
    await store.saveDocument(input("/a/2.txt", meeting("2021-02-01", ["Lisbeth Lagoni"])));
    expect((await store.persons()).map((p) => p.name).sort()).toEqual(["Lisbeth Holm Lagoni", "Lisbeth Kjær Lagoni", "Lisbeth Lagoni"]);
    expect(await store.backend.all("SELECT code FROM warnings")).toEqual([{ code: "person-ambiguous" }]);
  });

  it("links action owners to persons by any of their names", async () => {
    store = await freshStore();
    await store.saveDocument(input("/a/1.txt", meeting("2021-01-01", ["Lisbeth Kjær Lagoni"])));
    await store.saveDocument(
      input("/a/2.txt", minutes({ meeting: { date: "2021-02-01" }, items: [item("1", "Plan", { actions: [{ text: "laver en plan", owners: ["Lisbeth Lagoni"], deadline: null, deadlineText: null }] })] })),
    );
    const [a] = await store.actions({ owner: "Lisbeth Kjær Lagoni" });
    expect(a!.owners).toEqual([{ kind: "person", name: "Lisbeth Lagoni", person: { id: 1, name: "Lisbeth Kjær Lagoni", aliases: ["Lisbeth Kjær Lagoni", "Lisbeth Lagoni"] } }]);
    expect((await store.actions({ personId: 1 })).length).toBe(1);
  });
});

describe("integrity", () => {
  it("passes integrity and foreign key checks after saves, replacements and failures", async () => {
    const path = await tempDb();
    store = await openStore(path);
    await store.saveDocument(input("/a/1.txt", rich));
    await store.saveDocument(input("/a/1.txt", minutes(), "2"));
    await store.recordFailure({ path: "/a/2.pdf", sha256: null, stage: "ingest", code: "unreadable", message: "EACCES" });
    await store.close();
    const db = new Database(path);
    expect(db.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();
    store = await openStore(path);
  });
});

describe("file modification times: storedFiles and touchFiles", () => {
  const withMtime = (path: string, mtimeMs: number | undefined, version = "1") => {
    const i = input(path, minutes({ meeting: { date: `2021-0${path.length % 9 + 1}-13` } }), version);
    return { ...i, document: { ...i.document, mtimeMs } };
  };

  it("stores mtimeMs with a document and a failure, and lists every path with sha256, size, mtime and status in one map", async () => {
    store = await freshStore();
    const runId = await store.startRun({ command: "test", args: [], extractorVersion: "0.3.0" });
    expect((await store.saveDocument({ ...withMtime("/a/1.txt", 1_700_000_000_123), runId })).status).toBe("new");
    expect((await store.saveDocument(withMtime("/a/2.txt", undefined))).status).toBe("new");
    await store.recordFailure({ path: "/a/3.pdf", sha256: sha("3"), format: "pdf", stage: "ingest", code: "corrupt", message: "bad xref", mtimeMs: 1_600_000_000_000, runId });
    await store.recordFailure({ path: "/a/4.pdf", sha256: null, stage: "ingest", code: "unreadable", message: "EACCES" });
    expect(await store.backend.all("SELECT path, sha256, bytes, mtime_ms, status FROM documents ORDER BY id")).toEqual([
      { path: "/a/1.txt", sha256: sha("/a/1.txt@1"), bytes: 100, mtime_ms: 1_700_000_000_123, status: "stored" },
      { path: "/a/2.txt", sha256: sha("/a/2.txt@1"), bytes: 100, mtime_ms: null, status: "stored" },
      { path: "/a/3.pdf", sha256: sha("3"), bytes: null, mtime_ms: 1_600_000_000_000, status: "failed" },
      { path: "/a/4.pdf", sha256: null, bytes: null, mtime_ms: null, status: "failed" },
    ]);
    const files = await store.storedFiles();
    expect(files).toBeInstanceOf(Map);
    expect([...files.entries()].sort(([a], [b]) => a.localeCompare(b))).toEqual([
      ["/a/1.txt", { sha256: sha("/a/1.txt@1"), bytes: 100, mtimeMs: 1_700_000_000_123, status: "stored" }],
      ["/a/2.txt", { sha256: sha("/a/2.txt@1"), bytes: 100, mtimeMs: null, status: "stored" }],
      ["/a/3.pdf", { sha256: sha("3"), bytes: null, mtimeMs: 1_600_000_000_000, status: "failed" }],
      ["/a/4.pdf", { sha256: null, bytes: null, mtimeMs: null, status: "failed" }],
    ]);
    expect((await store.findByPath("/a/1.txt"))?.mtimeMs).toBe(1_700_000_000_123);
    // A failed path tried again keeps the newest attempt's time; a stored path whose new bytes
    // fail keeps the stored bytes' sha256, size and time (so the next run tries it again).
    await store.recordFailure({ path: "/a/3.pdf", sha256: sha("3b"), format: "pdf", stage: "ingest", code: "corrupt", message: "still bad", mtimeMs: 1_600_000_000_999 });
    await store.recordFailure({ path: "/a/1.txt", sha256: sha("1b"), format: "txt", stage: "extract", code: "error", message: "boom", mtimeMs: 1_800_000_000_000 });
    expect(await store.backend.all("SELECT path, sha256, mtime_ms, status, error_code FROM documents WHERE path IN ('/a/1.txt', '/a/3.pdf') ORDER BY id")).toEqual([
      { path: "/a/1.txt", sha256: sha("/a/1.txt@1"), mtime_ms: 1_700_000_000_123, status: "stored", error_code: "error" },
      { path: "/a/3.pdf", sha256: sha("3b"), mtime_ms: 1_600_000_000_999, status: "failed", error_code: "corrupt" },
    ]);
  });

  it("a changed file's new version replaces the mtime; the same bytes saved again record a new mtime", async () => {
    store = await freshStore();
    await store.saveDocument(withMtime("/a/1.txt", 1000));
    expect((await store.saveDocument(withMtime("/a/1.txt", 2000, "2"))).status).toBe("updated");
    expect((await store.storedFiles()).get("/a/1.txt")).toEqual({ sha256: sha("/a/1.txt@2"), bytes: 100, mtimeMs: 2000, status: "stored" });
    expect((await store.saveDocument(withMtime("/a/1.txt", 3000, "2"))).status).toBe("unchanged");
    expect((await store.storedFiles()).get("/a/1.txt")!.mtimeMs).toBe(3000);
    // Without a time, an unchanged save leaves the stored one.
    expect((await store.saveDocument(withMtime("/a/1.txt", undefined, "2"))).status).toBe("unchanged");
    expect((await store.storedFiles()).get("/a/1.txt")!.mtimeMs).toBe(3000);
  });

  it("touchFiles records new mtimes in one transaction: stored paths only, and only while the bytes match when sha256 is given", async () => {
    store = await freshStore();
    await store.saveDocument(withMtime("/a/1.txt", 1000));
    await store.saveDocument(withMtime("/a/2.txt", 1000));
    await store.saveDocument(withMtime("/a/3.txt", undefined));
    await store.recordFailure({ path: "/a/4.pdf", sha256: sha("4"), format: "pdf", stage: "ingest", code: "corrupt", message: "bad", mtimeMs: 1000 });
    const before = (await store.backend.all<{ updated_at: string }>("SELECT updated_at FROM documents ORDER BY id")).map((r) => r.updated_at);
    expect(
      await store.touchFiles([
        { path: "/a/1.txt", mtimeMs: 5000 },
        { path: "/a/2.txt", mtimeMs: 5000, sha256: sha("other bytes") },
        { path: "/a/3.txt", mtimeMs: 6000, sha256: sha("/a/3.txt@1") },
        { path: "/a/4.pdf", mtimeMs: 5000 },
        { path: "/a/nowhere.txt", mtimeMs: 5000 },
      ]),
    ).toBe(2);
    expect(await store.backend.all("SELECT path, mtime_ms FROM documents ORDER BY id")).toEqual([
      { path: "/a/1.txt", mtime_ms: 5000 },
      { path: "/a/2.txt", mtime_ms: 1000 },
      { path: "/a/3.txt", mtime_ms: 6000 },
      { path: "/a/4.pdf", mtime_ms: 1000 },
    ]);
    // Only the time changes: the document's version (updated_at) stays.
    expect((await store.backend.all<{ updated_at: string }>("SELECT updated_at FROM documents ORDER BY id")).map((r) => r.updated_at)).toEqual(before);
    expect(await store.touchFiles([])).toBe(0);
    await expect(store.touchFiles([{ path: "/a/1.txt", mtimeMs: 1.5 }])).rejects.toThrow();
    expect((await store.storedFiles()).get("/a/1.txt")!.mtimeMs).toBe(5000);
  });

  it("lists 10,000 paths in one query, fast", async () => {
    store = await freshStore();
    await store.backend.transaction(async (tx) => {
      for (let i = 0; i < 10_000; i++) {
        await tx.run(
          "INSERT INTO documents (path, file, sha256, format, bytes, mtime_ms, status, ingested_at, updated_at) VALUES (?, ?, ?, 'txt', ?, ?, 'stored', 't', 't')",
          [`/archive/${i}.txt`, `${i}.txt`, sha(String(i)), 1000 + i, 1_700_000_000_000 + i],
        );
      }
    });
    await store.storedFiles(); // warm
    const t0 = performance.now();
    const files = await store.storedFiles();
    const ms = performance.now() - t0;
    expect(files.size).toBe(10_000);
    expect(files.get("/archive/9999.txt")).toEqual({ sha256: sha("9999"), bytes: 10_999, mtimeMs: 1_700_000_009_999, status: "stored" });
    expect(ms).toBeLessThan(200); // a few ms on a quiet machine; generous for a shared one
  });
});
