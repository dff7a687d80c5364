/**
 * Schema versions: a database made at version 1 (before full-text search) is upgraded in place
 * on open, its rows kept and indexed; a database newer than the code is refused.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, openStore, SchemaTooNewError, SqliteBackend } from "../src/index.ts";
import { tempDb } from "./helpers.ts";

/** A version-1 database with one meeting, as the v1 code wrote it (raw SQL: v1 had no search). */
async function v1Database(): Promise<string> {
  const path = await tempDb();
  const backend = new SqliteBackend(path);
  expect(await migrate(backend, 1)).toBe(1);
  const t = "2024-01-01T00:00:00.000Z";
  for (const [sql, params] of [
    ["INSERT INTO meetings (id, body, body_key, cluster, kind, date, created_at) VALUES (1, 'Klyngestyregruppe Syd', 'klyngestyregruppe syd', 'Syd', 'referat', '2021-08-13', ?)", [t]],
    ["INSERT INTO documents (id, path, file, sha256, format, pages, bytes, status, extractor_version, meeting_id, is_primary, ingested_at, updated_at) VALUES (1, '/a/000.pdf', '000.pdf', ?, 'pdf', 4, 1000, 'stored', '0.2.0', 1, 1, ?, ?)", ["a".repeat(64), t, t]],
    ["INSERT INTO items (id, document_id, ord, number, title, outcome, decision_text, page, start_line, end_line, end_page) VALUES (1, 1, 0, '4', 'Opsamling på drøftelser om sundhedshuse', 'discussed', 'Sagen blev drøftet.', 2, 10, 30, 2)", []],
    ["INSERT INTO decisions (id, item_id, ord, text, page, line) VALUES (1, 1, 0, 'Næste møde får sundhedshuse som tema.', 2, 10)", []],
    ["INSERT INTO actions (id, item_id, ord, text, deadline_text, deadline_rule, page, line) VALUES (1, 1, 0, 'sekretariatet laver et oplæg', 'til næste møde', 'next-meeting', 2, 25)", []],
    ["INSERT INTO action_owners (action_id, ord, name, body) VALUES (1, 0, 'sekretariatet', 'sekretariatet')", []],
  ] as const) {
    await backend.run(sql, params as unknown as string[]);
  }
  await backend.close();
  return path;
}

describe("migrations", () => {
  it("upgrades a version-1 file in place on open: rows kept, search filled", async () => {
    const path = await v1Database();
    const raw = new Database(path);
    expect(raw.pragma("user_version", { simple: true })).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'search_fts'").all()).toEqual([]);
    raw.close();

    const store = await openStore(path);
    expect(store.schemaVersion).toBe(2);
    expect(await store.backend.get("PRAGMA user_version")).toEqual({ user_version: 2 });
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

  it("refuses a database from a newer version, and a read-only open of an older one", async () => {
    const newer = await tempDb();
    const db = new Database(newer);
    db.pragma("user_version = 99");
    db.close();
    await expect(openStore(newer)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(openStore(await v1Database(), { readonly: true })).rejects.toThrow(/schema version 1, not 2/);
  });
});
