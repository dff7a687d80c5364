/**
 * The store's only way to a database: a small async interface in the spirit of kysely's
 * dialects. Every query of the store goes through it with `?` placeholders and a parameter
 * array (never string-built values), and uses only SQL that SQLite and PostgreSQL share
 * (INSERT … RETURNING, window-free joins, ISO dates as text). What differs between databases
 * — pragmas, the schema version, the DDL of the migrations, the full-text index — sits behind
 * `Dialect` (sqlite.ts, search-sqlite.ts), so a PostgreSQL backend is one more file pair:
 * a `Backend` over `pg` that rewrites `?` to `$n`, and a dialect with tsvector search.
 *
 * The interface is async although better-sqlite3 is synchronous: a network database is not,
 * and the cost here is a microtask per query (measured in the README).
 */

/**
 * The database cannot grow: the disk (or the file system the database lives on) is full, or the
 * database reached a size limit (SQLite: PRAGMA max_page_count). The statement and its
 * transaction were rolled back; what was committed before is intact.
 */
export class StoreFullError extends Error {
  override readonly name = "StoreFullError";
  readonly code = "store-full";
}

/** A parameter value: what both SQLite and PostgreSQL bind without conversion. */
export type SqlValue = string | number | bigint | null;
export type SqlParams = readonly SqlValue[];

/** Something that runs parameterised SQL: the backend itself, or a transaction handle. */
export interface Queryable {
  /** Runs DDL: one or more statements, no parameters (migrations only). */
  exec(sql: string): Promise<void>;
  /** INSERT/UPDATE/DELETE; how many rows changed. */
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
  /** All rows of a SELECT (or of a statement with RETURNING). */
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
}

export interface Backend extends Queryable {
  readonly dialect: Dialect;
  /**
   * Runs fn in one write transaction: committed when fn resolves, rolled back when it throws.
   * The database's write lock is taken at BEGIN (SQLite: BEGIN IMMEDIATE), so a transaction
   * never fails half-way on a busy database. Queries made on the backend itself while a
   * transaction is open wait for it to end; fn uses the handle it is given.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What is specific to one database engine. */
export interface Dialect {
  readonly name: "sqlite";
  /** The schema version stored in the database file (SQLite: PRAGMA user_version). */
  schemaVersion(q: Queryable): Promise<number>;
  setSchemaVersion(q: Queryable, version: number): Promise<void>;
  /** The full-text index over titles, recommendations, decisions and actions. */
  readonly search: SearchDialect;
}

/** Kinds of text the full-text index holds; the code is part of the index row id. */
export const SEARCH_KINDS = ["item", "decisionText", "recommendation", "decision", "action"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchDialect {
  /** DDL that creates the index (and keeps it in step with deletes), run by a migration. */
  readonly ddl: string;
  /** Adds texts to the index; `terms` is the normalised, stemmed text (danish.ts). */
  add(q: Queryable, rows: readonly { kind: SearchKind; id: number; terms: string }[]): Promise<void>;
  /** Takes texts out of the index (before they are indexed again with other terms). */
  remove(q: Queryable, rows: readonly { kind: SearchKind; id: number }[]): Promise<void>;
  /** Rewrites the index so that removed terms are gone from it, not only marked deleted. */
  compact(q: Queryable): Promise<void>;
  /** Ranked matches of already-sanitised terms (danish.ts); best first. */
  match(
    q: Queryable,
    terms: readonly { term: string; prefix: boolean }[],
    limit: number,
  ): Promise<{ kind: SearchKind; id: number; rank: number }[]>;
}
