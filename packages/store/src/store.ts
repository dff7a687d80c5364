/**
 * openStore(path) → Store: the store stage's public entry. Opening applies pending migrations;
 * every write is one transaction; reads come from Reader (read.ts).
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Backend } from "./backend.ts";
import { currentHolder, lockInfo, tryLock, unlock, type Holder } from "./lock.ts";
import { migrate, SCHEMA_VERSION } from "./migrations.ts";
import { Reader } from "./read.ts";
import { formatRedactRules, redactRules, Redactor, type RedactRules } from "./redact.ts";
import {
  FailureInputSchema,
  RunCountsSchema,
  SaveDocumentInputSchema,
  TouchFileSchema,
  type DocumentRecord,
  type FailureInput,
  type LockInfo,
  type RunCounts,
  type RunRecord,
  type RunStatus,
  type SaveDocumentInput,
  type SaveResult,
  type StoreStatus,
  type TouchFile,
} from "./schema.ts";
import { SqliteBackend } from "./sqlite.ts";
import { recordFailure, saveDocument, touchFiles } from "./write.ts";

export interface OpenOptions {
  /** Open for reading only: no migration, no writes (the file must exist and be up to date). */
  readonly?: boolean;
  /** How long a statement waits for another connection's write lock (default 5,000 ms). */
  busyTimeoutMs?: number;
  /** Another backend than SQLite at `path` (tests, a future PostgreSQL backend). */
  backend?: Backend;
  /**
   * What private data is replaced by a marker before it is written (redact.ts). Default: CPR
   * numbers only. `false`: nothing; an object: the rules to change ({ email: true }).
   */
  redact?: Partial<RedactRules> | boolean;
  /** SQLite: at most this many pages (4 KiB each) in the file; a write beyond fails with StoreFullError. */
  maxPages?: number;
}

/** Another run holds the write lock (and did not let go within the wait). */
export class LockedError extends Error {
  override readonly name = "LockedError";
  constructor(readonly holder: LockInfo) {
    super(
      `another run is writing to this store: pid ${holder.pid} on ${holder.host}` +
        `${holder.runId !== null ? `, run ${holder.runId}` : ""}, since ${holder.acquiredAt}`,
    );
  }
}

export class SchemaError extends Error {
  override readonly name = "SchemaError";
}

export async function openStore(path: string, options: OpenOptions = {}): Promise<Store> {
  const backend = options.backend ?? new SqliteBackend(path, options);
  try {
    let version: number;
    if (options.readonly) {
      version = await backend.dialect.schemaVersion(backend);
      if (version !== SCHEMA_VERSION) {
        throw new SchemaError(`${path} has schema version ${version}, not ${SCHEMA_VERSION}: open it once for writing to upgrade`);
      }
    } else {
      version = await migrate(backend);
    }
    return new Store(path, backend, version, options.readonly ?? false, redactRules(options.redact));
  } catch (err) {
    await backend.close();
    throw err;
  }
}

/** Compares dotted versions numerically ("0.10.0" > "0.9.1"); a missing version is oldest. */
export function compareVersions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class Store extends Reader {
  private readonly me: Holder = currentHolder();
  /** Whether this store took the write lock (close() lets go of it). */
  private held = false;

  constructor(
    readonly path: string,
    readonly backend: Backend,
    readonly schemaVersion: number,
    readonly readonly: boolean,
    /** The redaction rules every write applies (redact.ts). */
    readonly redact: RedactRules = redactRules(undefined),
  ) {
    super(backend, backend.dialect);
  }

  /**
   * Stores one document and its minutes in one transaction: whole or not at all. A path already
   * stored with the same sha256 is "unchanged"; with another sha256 its old version is replaced.
   * Private data is redacted first (the store's rules); the counts go on the document and run.
   */
  async saveDocument(input: SaveDocumentInput): Promise<SaveResult> {
    const parsed = SaveDocumentInputSchema.parse(input);
    const r = new Redactor(this.redact);
    const { source, schema, extractor, ...text } = parsed.minutes;
    const clean = {
      ...parsed,
      minutes: { ...r.value(text), source, schema, extractor },
      messages: parsed.messages.map((m) => ({ ...m, message: r.text(m.message) })),
    };
    return this.backend.transaction((tx) => saveDocument(tx, this.backend.dialect, clean, r.counts));
  }

  /** Records a file that failed (ingest, extract or store) with its reason; see write.ts. */
  async recordFailure(input: FailureInput): Promise<void> {
    const f = FailureInputSchema.parse(input);
    const r = new Redactor(this.redact);
    const message = r.text(f.message);
    await this.backend.transaction((tx) => recordFailure(tx, { ...f, message }, r.counts));
  }

  /**
   * Records new modification times for files whose bytes proved unchanged (hashed, same sha256),
   * so that the next run can skip them by size and mtime. One transaction; stored documents only
   * (a failed path is tried again anyway); with `sha256`, only while the row holds those bytes.
   * Returns how many rows changed.
   */
  async touchFiles(updates: readonly TouchFile[]): Promise<number> {
    const parsed = updates.map((u) => TouchFileSchema.parse(u));
    if (parsed.length === 0) return 0;
    return this.backend.transaction((tx) => touchFiles(tx, parsed));
  }

  /** Stored documents whose extractor version is older than `version` (or unknown). */
  async documentsNeedingReextract(version: string): Promise<DocumentRecord[]> {
    return (await this.documents({ status: "stored" })).filter((d) => compareVersions(d.extractorVersion, version) < 0);
  }

  // -------------------------------------------------------------------------------------------
  // Runs and the write lock

  /**
   * Takes the write lock, waiting up to `waitMs` for another run to finish (polling every
   * `pollMs`). A lock left by a killed run is taken over at once. Throws LockedError.
   */
  async lock(options: { waitMs?: number; pollMs?: number; onWait?: (holder: LockInfo) => void } = {}): Promise<void> {
    const deadline = Date.now() + (options.waitMs ?? 0);
    let told = false;
    for (;;) {
      const holder = await this.backend.transaction((tx) => tryLock(tx, this.me));
      if (!holder) {
        this.held = true;
        return;
      }
      if (Date.now() >= deadline) throw new LockedError(holder);
      if (!told) options.onWait?.(holder);
      told = true;
      await sleep(Math.min(options.pollMs ?? 250, Math.max(1, deadline - Date.now())));
    }
  }

  async unlock(): Promise<void> {
    await this.backend.transaction((tx) => unlock(tx, this.me));
    this.held = false;
  }

  /** Who holds the write lock now, or null. */
  async lockHolder(): Promise<LockInfo | null> {
    const row = await this.backend.get<Parameters<typeof lockInfo>[0]>(
      "SELECT run_id, pid, host, process_start, acquired_at FROM run_lock WHERE id = 1",
    );
    return row ? lockInfo(row) : null;
  }

  /** Starts a run record (call with the lock held); returns its id. */
  async startRun(run: { command: string; args: readonly string[]; extractorVersion: string }): Promise<number> {
    return this.backend.transaction(async (tx) => {
      const row = await tx.get<{ id: number }>(
        `INSERT INTO runs (command, args, pid, host, extractor_version, started_at, status, redact_rules)
         VALUES (?, ?, ?, ?, ?, ?, 'running', ?) RETURNING id`,
        [run.command, JSON.stringify(run.args), this.me.pid, this.me.host, run.extractorVersion, new Date().toISOString(), formatRedactRules(this.redact)],
      );
      await tx.run("UPDATE run_lock SET run_id = ? WHERE id = 1 AND pid = ? AND host = ?", [row!.id, this.me.pid, this.me.host]);
      return row!.id;
    });
  }

  /**
   * Updates a run's counts (as it goes, so a killed run shows how far it came). The redaction
   * counts are not among them: saveDocument adds those to the run in its own transaction.
   */
  async updateRun(runId: number, counts: RunCounts, status?: Exclude<RunStatus, "running">, stopReason?: string): Promise<void> {
    const c = RunCountsSchema.parse(counts);
    const finished = status ? new Date().toISOString() : null;
    await this.backend.run(
      `UPDATE runs SET files = ?, new_count = ?, updated_count = ?, unchanged_count = ?, failed_count = ?,
         status = COALESCE(?, status), finished_at = COALESCE(?, finished_at), stop_reason = COALESCE(?, stop_reason) WHERE id = ?`,
      [c.files, c.new, c.updated, c.unchanged, c.failed, status ?? null, finished, stopReason ?? null, runId],
    );
  }

  /** Ends a run: final counts, status "finished" (or "interrupted", with why it stopped when not by a signal). */
  async finishRun(runId: number, counts: RunCounts, status: "finished" | "interrupted" = "finished", stopReason?: string): Promise<void> {
    await this.updateRun(runId, counts, status, stopReason);
  }

  /** The last runs, newest first, with their failures. */
  async runs(limit = 10): Promise<RunRecord[]> {
    const rows = await this.backend.all<{
      id: number;
      command: string;
      args: string;
      pid: number;
      host: string;
      extractor_version: string;
      started_at: string;
      finished_at: string | null;
      status: RunStatus;
      files: number;
      new_count: number;
      updated_count: number;
      unchanged_count: number;
      failed_count: number;
      redacted_cpr: number;
      redacted_email: number;
      redacted_phone: number;
      redact_rules: string | null;
      stop_reason: string | null;
    }>("SELECT * FROM runs ORDER BY id DESC LIMIT ?", [limit]);
    const out: RunRecord[] = [];
    for (const r of rows) {
      const failures = await this.backend.all<{ path: string; stage: string; code: string; message: string }>(
        "SELECT path, stage, code, message FROM run_failures WHERE run_id = ? ORDER BY id",
        [r.id],
      );
      out.push({
        id: r.id,
        command: r.command,
        args: JSON.parse(r.args) as string[],
        pid: r.pid,
        host: r.host,
        extractorVersion: r.extractor_version,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        status: r.status,
        files: r.files,
        new: r.new_count,
        updated: r.updated_count,
        unchanged: r.unchanged_count,
        failed: r.failed_count,
        redacted: { cpr: r.redacted_cpr, email: r.redacted_email, phone: r.redacted_phone },
        redactRules: r.redact_rules,
        stopReason: r.stop_reason,
        failures,
      });
    }
    return out;
  }

  /** Totals, extractor versions, the lock and the last runs. */
  async status(lastRuns = 5): Promise<StoreStatus> {
    const count = async (sql: string) => (await this.backend.get<{ n: number }>(sql))?.n ?? 0;
    const primary = (table: string) =>
      count(
        `SELECT COUNT(*) AS n FROM ${table} x JOIN items i ON i.id = x.item_id JOIN documents d ON d.id = i.document_id WHERE d.is_primary = 1`,
      );
    const versions = await this.backend.all<{ v: string | null; n: number }>(
      "SELECT extractor_version AS v, COUNT(*) AS n FROM documents WHERE status = 'stored' GROUP BY extractor_version ORDER BY extractor_version",
    );
    const journal = await this.backend.get<{ journal_mode: string }>("PRAGMA journal_mode");
    const redacted = await this.backend.get<{ cpr: number | null; email: number | null; phone: number | null }>(
      "SELECT SUM(redacted_cpr) AS cpr, SUM(redacted_email) AS email, SUM(redacted_phone) AS phone FROM documents WHERE status = 'stored'",
    );
    return {
      path: this.path,
      schemaVersion: this.schemaVersion,
      journalMode: journal?.journal_mode ?? "unknown",
      totals: {
        documents: await count("SELECT COUNT(*) AS n FROM documents"),
        stored: await count("SELECT COUNT(*) AS n FROM documents WHERE status = 'stored'"),
        failed: await count("SELECT COUNT(*) AS n FROM documents WHERE status = 'failed'"),
        meetings: await count("SELECT COUNT(*) AS n FROM meetings"),
        items: await count("SELECT COUNT(*) AS n FROM items i JOIN documents d ON d.id = i.document_id WHERE d.is_primary = 1"),
        recommendations: await primary("recommendations"),
        decisions: await primary("decisions"),
        actions: await primary("actions"),
        persons: await count("SELECT COUNT(*) AS n FROM persons"),
        aliases: await count("SELECT COUNT(*) AS n FROM person_aliases"),
        warnings: await count("SELECT COUNT(*) AS n FROM warnings"),
      },
      redacted: { cpr: redacted?.cpr ?? 0, email: redacted?.email ?? 0, phone: redacted?.phone ?? 0 },
      extractorVersions: Object.fromEntries(versions.map((v) => [v.v ?? "unknown", v.n])),
      lock: await this.lockHolder(),
      runs: await this.runs(lastRuns),
    };
  }

  /** Closes the database (and, if this store still holds the write lock, lets go of it). */
  async close(): Promise<void> {
    if (this.held) {
      try {
        await this.unlock();
      } catch {
        // The database may already be unusable; the lock is then stale and taken over next time.
      }
    }
    await this.backend.close();
  }
}
