/**
 * The SQLite backend (better-sqlite3) and the SQLite dialect. Everything SQLite-only lives here
 * and in search-sqlite.ts:
 *
 * - PRAGMA journal_mode = WAL: analysts read while a run writes; a killed writer leaves the
 *   database consistent (the WAL is replayed or ignored on the next open).
 * - PRAGMA synchronous = NORMAL: in WAL mode a crash of the process never loses a committed
 *   transaction; only a power cut may lose the last ones (never corrupts).
 * - PRAGMA foreign_keys = ON: per connection, so set on every open.
 * - PRAGMA busy_timeout: how long a statement waits for another connection's write lock.
 * - PRAGMA user_version: the schema version (migrations.ts).
 * - PRAGMA optimize on close: gathers planner statistics where they are missing or stale, so
 *   joins start from the selective side (without them a search on 2,000 documents took 300 ms
 *   instead of 5).
 */
import Database from "better-sqlite3";
import type { Backend, Dialect, Queryable, SqlParams } from "./backend.ts";
import { sqliteSearch } from "./search-sqlite.ts";

export const sqliteDialect: Dialect = {
  name: "sqlite",
  async schemaVersion(q) {
    const row = await q.get<{ user_version: number }>("PRAGMA user_version");
    return row?.user_version ?? 0;
  },
  async setSchemaVersion(q, version) {
    if (!Number.isInteger(version) || version < 0) throw new Error(`bad schema version ${version}`);
    // PRAGMA takes no bound parameters; the value is an integer checked above.
    await q.run(`PRAGMA user_version = ${version}`);
  },
  search: sqliteSearch,
};

export interface SqliteOptions {
  readonly?: boolean;
  /** How long to wait for another connection's write lock before SQLITE_BUSY (default 5,000 ms). */
  busyTimeoutMs?: number;
}

export class SqliteBackend implements Backend {
  readonly dialect = sqliteDialect;
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** The open transaction, if any: other callers wait for it (one connection, one transaction). */
  private current: Promise<unknown> | null = null;

  constructor(path: string, options: SqliteOptions = {}) {
    this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!options.readonly) {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
    }
    this.db.pragma("foreign_keys = ON");
  }

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private readonly direct: Queryable = {
    exec: async (sql) => {
      this.db.exec(sql);
    },
    run: async (sql, params = []) => ({ changes: this.prepare(sql).run(...(params as unknown[])).changes }),
    all: async <T>(sql: string, params: SqlParams = []) => {
      const st = this.prepare(sql);
      return (st.reader ? st.all(...(params as unknown[])) : (st.run(...(params as unknown[])), [])) as T[];
    },
    get: async <T>(sql: string, params: SqlParams = []) => {
      const st = this.prepare(sql);
      return (st.reader ? st.get(...(params as unknown[])) : (st.run(...(params as unknown[])), undefined)) as T | undefined;
    },
  };

  private async idle(): Promise<void> {
    while (this.current) await this.current.catch(() => undefined);
  }

  async run(sql: string, params?: SqlParams) {
    await this.idle();
    return this.direct.run(sql, params);
  }
  async all<T>(sql: string, params?: SqlParams) {
    await this.idle();
    return this.direct.all<T>(sql, params);
  }
  async get<T>(sql: string, params?: SqlParams) {
    await this.idle();
    return this.direct.get<T>(sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.idle();
    this.db.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.idle();
    const body = (async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.direct);
        this.db.exec("COMMIT");
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw err;
      }
    })();
    this.current = body;
    try {
      return await body;
    } finally {
      this.current = null;
    }
  }

  async close(): Promise<void> {
    await this.idle();
    this.statements.clear();
    if (!this.db.open) return;
    // Keeps the query planner's statistics fresh (cheap; SQLite's advice for every close).
    if (!this.db.readonly) this.db.pragma("optimize");
    this.db.close();
  }
}
