/**
 * Versioned schema. The database's version is PRAGMA user_version (Dialect.schemaVersion); on
 * open, every migration above it runs in order, each in its own write transaction together with
 * the version bump, so a killed upgrade leaves the previous version intact. A database newer
 * than this code is refused (an older binary must not write into a newer schema).
 *
 * A migration, once released, is never edited: a change is a new migration at the end.
 *
 *   1  the whole contract: documents, meetings, persons and aliases, participation, items,
 *      recommendations, decisions, actions and owners, attachments, warnings, runs and the lock
 *   2  full-text search (search-sqlite.ts), filled from the rows already stored
 *   3  redaction (redact.ts): counts per document and per run, the run's rules and why a run
 *      stopped; CPR numbers already stored are redacted in place (and in the search index)
 *   4  documents.mtime_ms: the file's modification time, so a nightly run can skip files whose
 *      size and mtime are unchanged without reading them (null for rows written before)
 */
import type { Backend, Dialect, Queryable, SearchKind } from "./backend.ts";
import { indexTerms } from "./danish.ts";
import { foldName, nameKey, nameWords } from "./names.ts";
import { REDACT_RULES, Redactor, redactRules } from "./redact.ts";

export interface Migration {
  version: number;
  description: string;
  up(tx: Queryable, dialect: Dialect): Promise<void>;
}

/** Version 1's DDL, kept as text: a test builds a version-1 database from it and upgrades it. */
export const SCHEMA_V1 = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  args TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted', 'aborted')),
  files INTEGER NOT NULL DEFAULT 0,
  new_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  unchanged_count INTEGER NOT NULL DEFAULT 0,
  failed_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_started ON runs (started_at);

CREATE TABLE run_failures (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  sha256 TEXT,
  stage TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX run_failures_run ON run_failures (run_id);

-- At most one row: the run that may write. Taken and released in write transactions (lock.ts).
CREATE TABLE run_lock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  process_start TEXT,
  acquired_at TEXT NOT NULL
);

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  body TEXT,
  body_key TEXT,
  cluster TEXT CHECK (cluster IN ('Nord', 'Midt', 'Syd')),
  kind TEXT NOT NULL CHECK (kind IN ('referat', 'dagsorden')),
  number TEXT,
  date TEXT,
  start_time TEXT,
  end_time TEXT,
  location TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX meetings_date ON meetings (date);
CREATE INDEX meetings_body_date ON meetings (body_key, date);
CREATE INDEX meetings_cluster_date ON meetings (cluster, date);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  sha256 TEXT,
  format TEXT CHECK (format IN ('pdf', 'docx', 'txt', 'html')),
  pages INTEGER,
  bytes INTEGER,
  status TEXT NOT NULL CHECK (status IN ('stored', 'failed')),
  error_stage TEXT,
  error_code TEXT,
  error_message TEXT,
  extractor_version TEXT,
  meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  meeting_header TEXT,
  ingest_meta TEXT,
  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX documents_sha ON documents (sha256);
CREATE INDEX documents_meeting ON documents (meeting_id, is_primary);
CREATE INDEX documents_status ON documents (status, extractor_version);

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE person_aliases (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  first_key TEXT NOT NULL,
  parts INTEGER NOT NULL,
  rule TEXT NOT NULL,
  detail TEXT,
  matched_alias_id INTEGER REFERENCES person_aliases (id) ON DELETE SET NULL,
  document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  UNIQUE (person_id, name)
);
CREATE INDEX person_aliases_key ON person_aliases (name_key);
CREATE INDEX person_aliases_first ON person_aliases (first_key);

CREATE TABLE participations (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'substitute', 'guest', 'secretary')),
  title TEXT,
  organization TEXT,
  page INTEGER,
  line INTEGER
);
CREATE INDEX participations_document ON participations (document_id);
CREATE INDEX participations_person ON participations (person_id);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  presenter TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('withdrawn', 'rejected', 'postponed', 'approved', 'decided', 'noted', 'discussed', 'none')),
  decision_text TEXT,
  page INTEGER NOT NULL,
  start_line INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_page INTEGER NOT NULL
);
CREATE INDEX items_document ON items (document_id, ord);
CREATE INDEX items_outcome ON items (outcome);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL
);
CREATE INDEX attachments_item ON attachments (item_id);

CREATE TABLE recommendations (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL
);
CREATE INDEX recommendations_item ON recommendations (item_id);

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL
);
CREATE INDEX decisions_item ON decisions (item_id);

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  deadline TEXT,
  deadline_text TEXT,
  deadline_rule TEXT CHECK (deadline_rule IN ('stated', 'next-meeting')),
  deadline_resolved TEXT,
  resolved_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL
);
CREATE INDEX actions_item ON actions (item_id);
CREATE INDEX actions_deadline ON actions (deadline_resolved);
CREATE INDEX actions_rule ON actions (deadline_rule);

CREATE TABLE action_owners (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  person_id INTEGER REFERENCES persons (id),
  body TEXT,
  CHECK ((person_id IS NULL) <> (body IS NULL))
);
CREATE INDEX action_owners_action ON action_owners (action_id);
CREATE INDEX action_owners_person ON action_owners (person_id);
CREATE INDEX action_owners_body ON action_owners (body);

CREATE TABLE warnings (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('fatal', 'warning', 'info')),
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  page INTEGER,
  line INTEGER
);
CREATE INDEX warnings_document ON warnings (document_id);
CREATE INDEX warnings_code ON warnings (code);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "documents, meetings, persons, items, recommendations, decisions, actions, warnings, runs",
    async up(tx) {
      await tx.exec(SCHEMA_V1);
    },
  },
  {
    version: 2,
    description: "full-text search over titles, recommendations, decision texts, decisions and actions",
    async up(tx, dialect) {
      await tx.exec(dialect.search.ddl);
      await backfillSearch(tx, dialect);
    },
  },
  {
    version: 3,
    description: "redaction counts on documents and runs, the run's rules and stop reason; stored CPR numbers redacted",
    async up(tx, dialect) {
      const counts = REDACT_RULES.map((r) => `redacted_${r} INTEGER NOT NULL DEFAULT 0`);
      for (const c of counts) await tx.exec(`ALTER TABLE documents ADD COLUMN ${c}`);
      for (const c of [...counts, "redact_rules TEXT", "stop_reason TEXT"]) await tx.exec(`ALTER TABLE runs ADD COLUMN ${c}`);
      await redactStored(tx, dialect);
    },
  },
  {
    version: 4,
    description: "documents.mtime_ms: the file's modification time (ms), to skip unchanged files without reading them",
    async up(tx) {
      await tx.exec("ALTER TABLE documents ADD COLUMN mtime_ms INTEGER");
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

async function backfillSearch(tx: Queryable, dialect: Dialect): Promise<void> {
  const search = dialect.search;
  const items = await tx.all<{ id: number; title: string; decision_text: string | null }>(
    "SELECT id, title, decision_text FROM items",
  );
  for (const i of items) {
    await search.add(tx, [
      { kind: "item", id: i.id, terms: indexTerms(i.title) },
      { kind: "decisionText", id: i.id, terms: indexTerms(i.decision_text ?? "") },
    ]);
  }
  for (const [table, kind] of [
    ["recommendations", "recommendation"],
    ["decisions", "decision"],
    ["actions", "action"],
  ] as const) {
    for (const r of await tx.all<{ id: number; text: string }>(`SELECT id, text FROM ${table}`)) {
      await search.add(tx, [{ kind, id: r.id, terms: indexTerms(r.text) }]);
    }
  }
}

/**
 * Text columns written before redaction existed, with the document a row belongs to (for the
 * counts; null: not counted, the same text is counted where the document holds it) and the
 * search-index kind of a column, if it is indexed.
 */
const STORED_TEXT: readonly { table: string; columns: readonly string[]; documentOf: string | null; indexed?: Record<string, SearchKind> }[] = [
  { table: "documents", columns: ["meeting_header", "error_message"], documentOf: "x.id" },
  { table: "participations", columns: ["name", "title", "organization"], documentOf: "x.document_id" },
  { table: "items", columns: ["number", "title", "presenter", "decision_text"], documentOf: "x.document_id", indexed: { title: "item", decision_text: "decisionText" } },
  { table: "attachments", columns: ["name"], documentOf: "(SELECT document_id FROM items WHERE id = x.item_id)" },
  { table: "recommendations", columns: ["text"], documentOf: "(SELECT document_id FROM items WHERE id = x.item_id)", indexed: { text: "recommendation" } },
  { table: "decisions", columns: ["text"], documentOf: "(SELECT document_id FROM items WHERE id = x.item_id)", indexed: { text: "decision" } },
  { table: "actions", columns: ["text", "deadline_text"], documentOf: "(SELECT document_id FROM items WHERE id = x.item_id)", indexed: { text: "action" } },
  {
    table: "action_owners",
    columns: ["name", "body"],
    documentOf: "(SELECT i.document_id FROM actions a JOIN items i ON i.id = a.item_id WHERE a.id = x.action_id)",
  },
  { table: "warnings", columns: ["message"], documentOf: "x.document_id" },
  { table: "meetings", columns: ["body", "number", "location"], documentOf: null },
  { table: "persons", columns: ["name"], documentOf: null },
  { table: "run_failures", columns: ["message"], documentOf: null },
];

/**
 * CPR numbers in rows written before version 3 are replaced by the marker, counted on their
 * documents, and taken out of the search index (re-indexed, then the index compacted so the old
 * terms are gone from it). Only the CPR rule runs: it is the default, and e-mail and phone rules
 * are a choice made per run. Rows are found with GLOB for six digits in a row, which every CPR
 * number has. The old bytes may stay in free pages of the file until a VACUUM.
 */
async function redactStored(tx: Queryable, dialect: Dialect): Promise<void> {
  const rules = redactRules({ cpr: true, email: false, phone: false });
  const six = "'*[0-9][0-9][0-9][0-9][0-9][0-9]*'";
  let changed = false;
  for (const spec of STORED_TEXT) {
    const where = spec.columns.map((c) => `x.${c} GLOB ${six}`).join(" OR ");
    const rows = await tx.all<{ id: number; document_id: number | null } & Record<string, string | number | null>>(
      `SELECT x.id AS id, ${spec.documentOf ?? "NULL"} AS document_id, ${spec.columns.map((c) => `x.${c}`).join(", ")} FROM ${spec.table} x WHERE ${where}`,
    );
    for (const row of rows) {
      const r = new Redactor(rules);
      const values = spec.columns.map((c) => {
        const v = row[c] as string | null;
        // The meeting header is JSON: its strings are redacted, the JSON stays valid.
        return c === "meeting_header" && v !== null ? JSON.stringify(r.value(JSON.parse(v))) : r.text(v);
      });
      if (r.counts.cpr === 0) continue;
      changed = true;
      await tx.run(`UPDATE ${spec.table} SET ${spec.columns.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`, [...values, row.id]);
      if (row.document_id !== null) {
        await tx.run("UPDATE documents SET redacted_cpr = redacted_cpr + ? WHERE id = ?", [r.counts.cpr, row.document_id]);
      }
      const reindex = Object.entries(spec.indexed ?? {}).map(([c, kind]) => ({ kind, id: row.id, terms: indexTerms(values[spec.columns.indexOf(c)] ?? "") }));
      if (reindex.length > 0) {
        await dialect.search.remove(tx, reindex);
        await dialect.search.add(tx, reindex);
      }
    }
  }
  // Aliases carry keys made from the name; a redacted name that another alias of the person
  // already has is a duplicate and goes.
  for (const a of await tx.all<{ id: number; person_id: number; name: string }>(`SELECT id, person_id, name FROM person_aliases WHERE name GLOB ${six}`)) {
    const name = new Redactor(rules).text(a.name);
    if (name === a.name) continue;
    changed = true;
    const words = nameWords(name);
    const twin = await tx.get<{ id: number }>("SELECT id FROM person_aliases WHERE person_id = ? AND name = ? AND id <> ?", [a.person_id, name, a.id]);
    if (twin) await tx.run("DELETE FROM person_aliases WHERE id = ?", [a.id]);
    else {
      await tx.run("UPDATE person_aliases SET name = ?, name_key = ?, first_key = ?, parts = ? WHERE id = ?", [
        name,
        nameKey(name),
        foldName(words[0] ?? name),
        words.length,
        a.id,
      ]);
    }
  }
  if (changed) await dialect.search.compact(tx);
}

export class SchemaTooNewError extends Error {
  override readonly name = "SchemaTooNewError";
}

/**
 * Brings the database to `target` (default: the newest version). Each step runs in a write
 * transaction that re-reads the version first, so two processes opening one old file at once
 * upgrade it once.
 */
export async function migrate(backend: Backend, target = SCHEMA_VERSION): Promise<number> {
  const current = await backend.dialect.schemaVersion(backend);
  if (current > SCHEMA_VERSION) {
    throw new SchemaTooNewError(`the database has schema version ${current}; this program knows up to ${SCHEMA_VERSION}`);
  }
  for (const m of MIGRATIONS) {
    if (m.version > target) break;
    await backend.transaction(async (tx) => {
      const now = await backend.dialect.schemaVersion(tx);
      if (now >= m.version) return;
      if (now !== m.version - 1) throw new Error(`schema version ${now} cannot step to ${m.version}`);
      await m.up(tx, backend.dialect);
      await backend.dialect.setSchemaVersion(tx, m.version);
    });
  }
  return backend.dialect.schemaVersion(backend);
}
