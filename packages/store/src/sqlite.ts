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
 * - PRAGMA max_page_count (option `maxPages`): a size limit, so a full disk can be tested and a
 *   store kept within bounds. SQLITE_FULL (disk full or the limit reached) becomes StoreFullError.
 * - PRAGMA optimize on close: gathers planner statistics where they are missing or stale, so
 *   joins start from the selective side (without them a search on 2,000 documents took 300 ms
 *   instead of 5).
 */
import { accessSync, constants, existsSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { StoreFullError, type Backend, type Dialect, type Queryable, type SqlParams } from "./backend.ts";
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
  /** At most this many pages (of 4 KiB) in the database file; writes beyond fail with StoreFullError. */
  maxPages?: number;
}

/** SQLITE_FULL ("database or disk is full") as StoreFullError; anything else unchanged. */
function mapError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === "SQLITE_FULL") return new StoreFullError(`the database is full (${(err as Error).message})`, { cause: err });
  return err;
}

function mapped<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw mapError(err);
  }
}

/**
 * Opens the file. A read-only connection to a WAL database needs the -shm file: it creates it
 * when the folder is writable, and uses it when a writer has it open. In a folder it cannot write,
 * with no writer around (the last one removed -shm on close), SQLite says only "unable to open
 * database file"; this says why.
 */
function openDatabase(path: string, readonly: boolean, busyTimeoutMs: number): Database.Database {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // SQLite opens the WAL (and -shm) at the first read: make that happen here.
    if (readonly) db.pragma("schema_version");
    return db;
  } catch (err) {
    db?.close();
    if (!readonly || (err as { code?: unknown }).code !== "SQLITE_CANTOPEN") throw err;
    if (!existsSync(path)) throw new Error(`no database at ${path}`, { cause: err });
    let writable = true;
    try {
      accessSync(dirname(path), constants.W_OK);
    } catch {
      writable = false;
    }
    if (!writable && !existsSync(`${path}-shm`)) {
      throw new Error(
        `cannot open ${path} read-only: it is a WAL database, its folder is not writable for this user, and there is no ` +
          `${path}-shm file (no writer has it open). Make the folder writable for readers (e.g. group-writable), or read while a writer has it open`,
        { cause: err },
      );
    }
    throw err;
  }
}

export class SqliteBackend implements Backend {
  readonly dialect = sqliteDialect;
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** The open transaction, if any: other callers wait for it (one connection, one transaction). */
  private current: Promise<unknown> | null = null;

  constructor(path: string, options: SqliteOptions = {}) {
    const max = options.maxPages;
    if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new Error(`maxPages ${max} is not a whole number ≥ 1`);
    this.db = openDatabase(path, options.readonly ?? false, options.busyTimeoutMs ?? 5000);
    if (!options.readonly) {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      if (options.maxPages !== undefined) this.db.pragma(`max_page_count = ${options.maxPages}`);
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
    exec: async (sql) => mapped(() => void this.db.exec(sql)),
    run: async (sql, params = []) => mapped(() => ({ changes: this.prepare(sql).run(...(params as unknown[])).changes })),
    all: async <T>(sql: string, params: SqlParams = []) =>
      mapped(() => {
        const st = this.prepare(sql);
        return (st.reader ? st.all(...(params as unknown[])) : (st.run(...(params as unknown[])), [])) as T[];
      }),
    get: async <T>(sql: string, params: SqlParams = []) =>
      mapped(() => {
        const st = this.prepare(sql);
        return (st.reader ? st.get(...(params as unknown[])) : (st.run(...(params as unknown[])), undefined)) as T | undefined;
      }),
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
    return this.direct.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.idle();
    const body = (async () => {
      await this.direct.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.direct);
        await this.direct.exec("COMMIT");
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw mapError(err);
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
    // (Skipped when the disk is full: the statistics are a nicety.)
    if (!this.db.readonly) {
      try {
        this.db.pragma("optimize");
      } catch (err) {
        if (!(mapError(err) instanceof StoreFullError)) throw err;
      }
    }
    this.db.close();
  }
}
