/**
 * Schema versions: a database made at version 1 (before full-text search) is upgraded in place
 * on open, its rows kept and indexed; a version-2 database (before redaction) gets its counts
 * and has the CPR numbers it holds redacted, in the rows and in the search index; a database
 * newer than the code is refused.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, openStore, SCHEMA_VERSION, SchemaTooNewError, SqliteBackend } from "../src/index.ts";
import { tempDb } from "./helpers.ts";

type Rows = readonly (readonly [string, readonly (string | number)[]])[];

/** A database written by the code of version `version` (raw SQL: the rows as that code wrote them). */
async function oldDatabase(version: number, rows: Rows): Promise<string> {
  const path = await tempDb();
  const backend = new SqliteBackend(path);
  // The rows go in at version 1; later steps (the search index of version 2) take them up as
  // they took up the rows of a real file.
  expect(await migrate(backend, 1)).toBe(1);
  for (const [sql, params] of rows) await backend.run(sql, params);
  expect(await migrate(backend, version)).toBe(version);
  await backend.close();
  return path;
}

const t = "2024-01-01T00:00:00.000Z";

/** A version-1 database with one meeting, as the v1 code wrote it (raw SQL: v1 had no search). */
async function v1Database(): Promise<string> {
  return oldDatabase(1, [
    ["INSERT INTO meetings (id, body, body_key, cluster, kind, date, created_at) VALUES (1, 'Klyngestyregruppe Syd', 'klyngestyregruppe syd', 'Syd', 'referat', '2021-08-13', ?)", [t]],
    ["INSERT INTO documents (id, path, file, sha256, format, pages, bytes, status, extractor_version, meeting_id, is_primary, ingested_at, updated_at) VALUES (1, '/a/000.pdf', '000.pdf', ?, 'pdf', 4, 1000, 'stored', '0.2.0', 1, 1, ?, ?)", ["a".repeat(64), t, t]],
    ["INSERT INTO items (id, document_id, ord, number, title, outcome, decision_text, page, start_line, end_line, end_page) VALUES (1, 1, 0, '4', 'Opsamling på drøftelser om sundhedshuse', 'discussed', 'Sagen blev drøftet.', 2, 10, 30, 2)", []],
    ["INSERT INTO decisions (id, item_id, ord, text, page, line) VALUES (1, 1, 0, 'Næste møde får sundhedshuse som tema.', 2, 10)", []],
    ["INSERT INTO actions (id, item_id, ord, text, deadline_text, deadline_rule, page, line) VALUES (1, 1, 0, 'sekretariatet laver et oplæg', 'til næste møde', 'next-meeting', 2, 25)", []],
    ["INSERT INTO action_owners (action_id, ord, name, body) VALUES (1, 0, 'sekretariatet', 'sekretariatet')", []],
  ]);
}

describe("migrations", () => {
  it("upgrades a version-1 file in place on open: rows kept, search filled", async () => {
    const path = await v1Database();
    const raw = new Database(path);
    expect(raw.pragma("user_version", { simple: true })).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'search_fts'").all()).toEqual([]);
    raw.close();

    const store = await openStore(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await store.backend.get("PRAGMA user_version")).toEqual({ user_version: SCHEMA_VERSION });
    expect((await store.items()).map((i) => [i.number, i.title, i.span])).toEqual([
      ["4", "Opsamling på drøftelser om sundhedshuse", { page: 2, startLine: 10, endLine: 30, endPage: 2 }],
    ]);
    expect((await store.actions())[0]).toMatchObject({ text: "sekretariatet laver et oplæg", owners: [{ kind: "body", name: "sekretariatet" }] });
    // Rows written by version 1 are in the version-2 index.
    expect((await store.search("sundhedshus")).map((h) => [h.kind, h.source.page, h.source.line])).toEqual([
      ["item", 2, 10],
      ["decision", 2, 10],
    ]);
    expect((await store.documentsNeedingReextract("0.3.0")).map((d) => d.path)).toEqual(["/a/000.pdf"]);
    await store.close();

    // Opening again changes nothing.
    const again = await openStore(path);
    expect((await again.search("sundhedshus")).length).toBe(2);
    await again.close();
    const db = new Database(path);
    expect(db.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();
  });

  it("upgrades a version-2 file in place: redaction columns added, stored CPR numbers redacted in rows and index", async () => {
    const header = JSON.stringify({ body: "Klyngestyregruppe Syd", cluster: "Syd", kind: "referat", number: null, date: "2021-08-13", startTime: null, endTime: null, location: "Borgers hjem, cpr 0101901234" });
    const path = await oldDatabase(2, [
      ["INSERT INTO runs (id, command, args, pid, host, extractor_version, started_at, finished_at, status, files, new_count) VALUES (1, 'ingest', '[]', 1, 'h', '0.3.0', ?, ?, 'finished', 2, 1)", [t, t]],
      ["INSERT INTO run_failures (run_id, path, stage, code, message, at) VALUES (1, '/a/x.pdf', 'extract', 'error', 'bad line: 311299-4321', ?)", [t]],
      ["INSERT INTO meetings (id, body, body_key, cluster, kind, date, location, created_at) VALUES (1, 'Klyngestyregruppe Syd', 'klyngestyregruppe syd', 'Syd', 'referat', '2021-08-13', 'Borgers hjem, cpr 0101901234', ?)", [t]],
      ["INSERT INTO documents (id, path, file, sha256, format, pages, bytes, status, extractor_version, meeting_id, is_primary, meeting_header, ingested_at, updated_at) VALUES (1, '/a/000.txt', '000.txt', ?, 'txt', 1, 100, 'stored', '0.3.0', 1, 1, ?, ?, ?)", ["b".repeat(64), header, t, t]],
      ["INSERT INTO documents (id, path, file, sha256, format, pages, bytes, status, extractor_version, meeting_id, is_primary, meeting_header, ingested_at, updated_at) VALUES (2, '/a/001.txt', '001.txt', ?, 'txt', 1, 100, 'stored', '0.3.0', 1, 0, ?, ?, ?)", ["c".repeat(64), header.replace(", cpr 0101901234", ""), t, t]],
      ["INSERT INTO persons (id, name, created_at) VALUES (1, 'Jens Hansen', ?)", [t]],
      ["INSERT INTO person_aliases (id, person_id, name, name_key, first_key, parts, rule, created_at) VALUES (1, 1, 'Jens Hansen', 'jens hansen', 'jens', 2, 'first-seen', ?)", [t]],
      ["INSERT INTO participations (document_id, person_id, ord, name, status, title, organization) VALUES (1, 1, 0, 'Jens Hansen', 'guest', 'Pårørende til 290296-1111', NULL)", []],
      ["INSERT INTO items (id, document_id, ord, number, title, outcome, decision_text, page, start_line, end_line, end_page) VALUES (1, 1, 0, '4', 'Klage fra borger 010190-1234 om hjemmepleje', 'decided', 'Klagen (cpr.nr. 010190-1234) blev behandlet; sagsnr. 27.00.00-A00-1-20.', 1, 10, 30, 1)", []],
      ["INSERT INTO items (id, document_id, ord, number, title, outcome, decision_text, page, start_line, end_line, end_page) VALUES (2, 2, 0, '4', 'Klage om hjemmepleje', 'decided', 'Tlf. 98 12 34 56, beløb 1.200.000 kr.', 1, 10, 30, 1)", []],
      ["INSERT INTO attachments (item_id, ord, name) VALUES (1, 0, 'Bilag 1: journal 010190 1234.pdf')", []],
      ["INSERT INTO recommendations (id, item_id, ord, text, page, line) VALUES (1, 1, 0, 'At klagen fra 0101901234 afvises', 1, 10)", []],
      ["INSERT INTO decisions (id, item_id, ord, text, page, line) VALUES (1, 1, 0, 'Klagen fra 010190-1234 afvises.', 1, 10)", []],
      ["INSERT INTO actions (id, item_id, ord, text, deadline_text, page, line) VALUES (1, 1, 0, 'Jens Hansen skriver til 010190-1234', 'inden 1. marts', 1, 25)", []],
      ["INSERT INTO action_owners (action_id, ord, name, person_id) VALUES (1, 0, 'Jens Hansen', 1)", []],
      ["INSERT INTO warnings (document_id, stage, severity, code, message) VALUES (1, 'extract', 'warning', 'odd-line', 'line not understood: 010190-1234')", []],
    ]);
    const raw = new Database(path);
    expect(raw.pragma("user_version", { simple: true })).toBe(2);
    // Version 2 indexed the number: a search for its digits finds it.
    expect(raw.prepare(`SELECT COUNT(*) AS n FROM search_fts WHERE search_fts MATCH '"010190"'`).get()).toEqual({ n: 4 });
    raw.close();

    const store = await openStore(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    const texts = await store.backend.all<{ t: string }>(
      `SELECT title AS t FROM items UNION ALL SELECT decision_text FROM items UNION ALL SELECT text FROM recommendations
       UNION ALL SELECT text FROM decisions UNION ALL SELECT text FROM actions UNION ALL SELECT name FROM attachments
       UNION ALL SELECT title FROM participations UNION ALL SELECT message FROM warnings UNION ALL SELECT meeting_header FROM documents
       UNION ALL SELECT location FROM meetings UNION ALL SELECT message FROM run_failures`,
    );
    for (const { t: text } of texts) expect(text).not.toMatch(/0101901234|010190.1234|290296|311299/);
    expect((await store.items()).map((i) => [i.title, i.decisionText, i.recommendations, i.decisions, i.attachments])).toEqual([
      [
        "Klage fra borger [CPR] om hjemmepleje",
        "Klagen (cpr.nr. [CPR]) blev behandlet; sagsnr. 27.00.00-A00-1-20.",
        ["At klagen fra [CPR] afvises"],
        ["Klagen fra [CPR] afvises."],
        ["Bilag 1: journal [CPR].pdf"],
      ],
    ]);
    expect((await store.actions())[0]!.text).toBe("Jens Hansen skriver til [CPR]");
    // The header stays JSON; the meeting's own row is redacted too.
    expect(JSON.parse((await store.backend.get<{ h: string }>("SELECT meeting_header AS h FROM documents WHERE id = 1"))!.h).location).toBe("Borgers hjem, cpr [CPR]");
    expect((await store.meetings())[0]!.location).toBe("Borgers hjem, cpr [CPR]");
    // Counted per document (title, decision text, recommendation, decision, attachment, action,
    // participant title, warning, header = 9); the untouched document and the old run count 0.
    expect((await store.documents()).map((d) => [d.path, d.redacted])).toEqual([
      ["/a/000.txt", { cpr: 9, email: 0, phone: 0 }],
      ["/a/001.txt", { cpr: 0, email: 0, phone: 0 }],
    ]);
    expect((await store.runs())[0]).toMatchObject({ redacted: { cpr: 0, email: 0, phone: 0 }, redactRules: null, stopReason: null });
    // Gone from the search index too; the marker is searchable, other numbers untouched.
    expect(await store.search("010190")).toEqual([]);
    expect(await store.search("0101901234")).toEqual([]);
    expect((await store.search("cpr")).map((h) => h.kind).sort()).toEqual(["action", "decision", "decisionText", "item", "recommendation"]);
    expect((await store.search("klage")).length).toBeGreaterThanOrEqual(3);
    expect((await store.items({}))[0]!.decisionText).toContain("27.00.00-A00-1-20");
    expect(await store.backend.all("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(await store.backend.all("PRAGMA foreign_key_check")).toEqual([]);
    await store.close();
    const fts = new Database(path, { readonly: true });
    expect(fts.prepare(`SELECT COUNT(*) AS n FROM search_fts WHERE search_fts MATCH '"010190" OR "0101901234" OR "1234"'`).get()).toEqual({ n: 0 });
    expect(fts.prepare(`SELECT COUNT(*) AS n FROM items WHERE decision_text LIKE '%98 12 34 56%'`).get()).toEqual({ n: 1 });
    fts.close();
  });

  it("upgrades a version-3 file in place: documents get mtime_ms (null), every row intact", async () => {
    const header = JSON.stringify({ body: "Klyngestyregruppe Syd", cluster: "Syd", kind: "referat", number: "4", date: "2021-08-13", startTime: null, endTime: null, location: null });
    const path = await oldDatabase(3, [
      ["INSERT INTO runs (id, command, args, pid, host, extractor_version, started_at, finished_at, status, files, new_count, failed_count) VALUES (1, 'ingest', '[]', 1, 'h', '0.4.0', ?, ?, 'finished', 2, 1, 1)", [t, t]],
      ["INSERT INTO run_failures (run_id, path, stage, code, message, at) VALUES (1, '/a/x.pdf', 'ingest', 'corrupt', 'bad xref', ?)", [t]],
      ["INSERT INTO meetings (id, body, body_key, cluster, kind, number, date, created_at) VALUES (1, 'Klyngestyregruppe Syd', 'klyngestyregruppe syd', 'Syd', 'referat', '4', '2021-08-13', ?)", [t]],
      ["INSERT INTO documents (id, path, file, sha256, format, pages, bytes, status, extractor_version, meeting_id, is_primary, meeting_header, run_id, ingested_at, updated_at) VALUES (1, '/a/000.txt', '000.txt', ?, 'txt', 2, 4321, 'stored', '0.4.0', 1, 1, ?, 1, ?, ?)", ["b".repeat(64), header, t, t]],
      ["INSERT INTO documents (id, path, file, sha256, format, status, error_stage, error_code, error_message, run_id, ingested_at, updated_at) VALUES (2, '/a/x.pdf', 'x.pdf', ?, 'pdf', 'failed', 'ingest', 'corrupt', 'bad xref', 1, ?, ?)", ["c".repeat(64), t, t]],
      ["INSERT INTO items (id, document_id, ord, number, title, outcome, decision_text, page, start_line, end_line, end_page) VALUES (1, 1, 0, '4', 'Opsamling på drøftelser om sundhedshuse', 'discussed', 'Sagen blev drøftet.', 2, 10, 30, 2)", []],
    ]);
    const raw = new Database(path);
    expect(raw.pragma("user_version", { simple: true })).toBe(3);
    // Version 3 columns are there (the redaction counts), mtime_ms is not.
    const v3Columns = (raw.prepare("SELECT name FROM pragma_table_info('documents') ORDER BY cid").all() as { name: string }[]).map((c) => c.name);
    expect(v3Columns).toContain("redacted_cpr");
    expect(v3Columns).not.toContain("mtime_ms");
    raw.prepare("UPDATE documents SET redacted_cpr = 2 WHERE id = 1").run();
    const before = raw.prepare("SELECT * FROM documents ORDER BY id").all() as Record<string, unknown>[];
    raw.close();

    const store = await openStore(path);
    expect(store.schemaVersion).toBe(4);
    expect(await store.backend.get("PRAGMA user_version")).toEqual({ user_version: 4 });
    // Every row as it was, plus the new column, null.
    expect(await store.backend.all("SELECT * FROM documents ORDER BY id")).toEqual(before.map((r) => ({ ...r, mtime_ms: null })));
    expect(before[0]).toMatchObject({ path: "/a/000.txt", bytes: 4321, redacted_cpr: 2, status: "stored" });
    expect([...(await store.storedFiles()).entries()]).toEqual([
      ["/a/000.txt", { sha256: "b".repeat(64), bytes: 4321, mtimeMs: null, status: "stored" }],
      ["/a/x.pdf", { sha256: "c".repeat(64), bytes: null, mtimeMs: null, status: "failed" }],
    ]);
    expect((await store.items()).map((i) => [i.number, i.title, i.source.path])).toEqual([["4", "Opsamling på drøftelser om sundhedshuse", "/a/000.txt"]]);
    expect((await store.search("sundhedshus")).map((h) => [h.kind, h.source.page])).toEqual([["item", 2]]);
    expect((await store.runs())[0]).toMatchObject({ id: 1, files: 2, new: 1, failed: 1, failures: [{ path: "/a/x.pdf", code: "corrupt" }] });
    // The upgraded file takes new times.
    expect(await store.touchFiles([{ path: "/a/000.txt", mtimeMs: 1_700_000_000_000 }])).toBe(1);
    expect((await store.findByPath("/a/000.txt"))?.mtimeMs).toBe(1_700_000_000_000);
    expect(await store.backend.all("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(await store.backend.all("PRAGMA foreign_key_check")).toEqual([]);
    await store.close();
  });

  it("refuses a database from a newer version, and a read-only open of an older one", async () => {
    const newer = await tempDb();
    const db = new Database(newer);
    db.pragma("user_version = 99");
    db.close();
    await expect(openStore(newer)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(openStore(await v1Database(), { readonly: true })).rejects.toThrow(new RegExp(`schema version 1, not ${SCHEMA_VERSION}`));
  });
});
