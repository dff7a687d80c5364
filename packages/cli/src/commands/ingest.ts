/**
 * `minutes ingest PATH… [--db FILE] [--wait SECONDS] [--redact RULES] [--format text|json]`: every
 * file under the paths (recursively) through ingest → extract → store, one transaction per
 * document, as one recorded run. Exit 0 all stored or unchanged, 1 some file failed or the run
 * stopped (signal, full database), 2 usage, 3 store locked.
 *
 * `--redact cpr,email,phone` or `--redact none`: the private data replaced by markers before it
 * is stored (default cpr). `MINUTES_DB_MAX_PAGES=N`: the database may not grow beyond N pages of
 * 4 KiB (SQLite max_page_count), so a full disk can be tried out and a store kept within bounds.
 */
import { availableParallelism } from "node:os";
import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { openStore, parseRedactRules, StoreFullError, type OpenOptions, type Store } from "@minutes/store";
import type { IngestOptions } from "@minutes/ingest";
import type { Logger } from "pino";
import { listFiles, type FileStat } from "../files.ts";
import { lockedExit, runFiles, type RunSummary } from "../pipeline.ts";
import { logFor, Progress } from "../progress.ts";
import { summaryJson, summaryText } from "../summary.ts";
import { EXIT, pickFormat, UsageError } from "../usage.ts";

export const DEFAULT_DB = "minutes.db";

export interface StoreCommandOptions {
  db?: string;
  wait?: string;
  format?: string;
  redact?: string;
  jobs?: string;
  timeout?: string;
  "max-pages"?: string;
  "max-mb"?: string;
  /** Read and hash every file, even one stored with the same size and modification time. */
  checksum?: boolean;
}

/** --timeout SECONDS, --max-pages N, --max-mb N: the per-document limits (ingest's defaults otherwise). */
export function limitsOf(opts: StoreCommandOptions): IngestOptions {
  const num = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} ${v} is not a positive number`);
    return n;
  };
  const out: IngestOptions = {};
  const t = num(opts.timeout, "timeout");
  if (t !== undefined) out.timeoutMs = t * 1000;
  const p = num(opts["max-pages"], "max-pages");
  if (p !== undefined) out.maxPages = Math.floor(p);
  const mb = num(opts["max-mb"], "max-mb");
  if (mb !== undefined) out.maxBytes = Math.floor(mb * 1024 * 1024);
  return out;
}

/**
 * --jobs N: files parsed and extracted at once (default: the machine's cores, at most 8).
 * Parsing (pdfjs) is the pipeline's bottleneck; the store stays one writer.
 */
export function jobsOf(value: string | undefined): number {
  if (value === undefined) return Math.min(8, availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new UsageError(`--jobs ${value} is not a whole number from 1 to 8`);
  return n;
}

/** The store options of a writing command: --redact, and MINUTES_DB_MAX_PAGES from the environment. */
export function writeOptions(opts: StoreCommandOptions, env: NodeJS.ProcessEnv = process.env): OpenOptions {
  const out: OpenOptions = {};
  if (opts.redact !== undefined) {
    try {
      out.redact = parseRedactRules(opts.redact);
    } catch (err) {
      throw new UsageError(`--redact ${opts.redact}: ${(err as Error).message}`);
    }
  }
  const max = env.MINUTES_DB_MAX_PAGES;
  if (max !== undefined && max !== "") {
    const n = Number(max);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`MINUTES_DB_MAX_PAGES=${max} is not a whole number ≥ 1`);
    out.maxPages = n;
  }
  return out;
}

/** A run that could not go on: the store is locked (exit 3) or full (exit 1); anything else is rethrown. */
export function stoppedExit(err: unknown): number {
  return err instanceof StoreFullError ? runExit(err) : lockedExit(err);
}

/**
 * The exit code of a run, after saying on stderr why it stopped early when the database was
 * full. Also for a full database before the run began (the lock, the run record).
 */
export function runExit(summary: RunSummary | StoreFullError, stderr: NodeJS.WritableStream = process.stderr): number {
  if (summary instanceof StoreFullError) {
    stderr.write(`minutes: ${summary.message}: nothing was stored. Make room (or raise MINUTES_DB_MAX_PAGES) and run again.\n`);
    return EXIT.someFailed;
  }
  if (summary.stopped) {
    const tried = summary.new + summary.updated + summary.unchanged + summary.failed;
    stderr.write(
      `minutes: ${summary.stopped}: stopped after ${tried} of ${summary.files} files; ${summary.new + summary.updated} documents stored ` +
        `by this run, each whole; the one being written was rolled back, nothing partial. Make room (or raise ` +
        `MINUTES_DB_MAX_PAGES) and run again: stored files are skipped.\n`,
    );
  }
  return summary.failed > 0 || summary.status === "interrupted" ? EXIT.someFailed : EXIT.ok;
}

/** --wait SECONDS: a number ≥ 0 (default 0: do not wait). */
export function parseWait(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--wait ${value} is not a number of seconds ≥ 0`);
  return n;
}

/**
 * Files under the paths, without the database's own files (when it lives in the folder); `stats`
 * is filled with each file's size and mtime.
 */
export async function filesToIngest(paths: readonly string[], db: string, stats?: Map<string, FileStat>): Promise<string[]> {
  for (const p of paths) {
    if (!(await stat(p).catch(() => null))) throw new UsageError(`no such file or folder: ${p}`);
  }
  const own = new Set(["", "-wal", "-shm", "-journal"].map((s) => db + s));
  return (await listFiles(paths.map((p) => resolve(p)), { stats })).filter((f) => !own.has(f));
}

export async function ingestCommand(
  paths: readonly string[],
  opts: StoreCommandOptions,
  log: Logger,
  stdout: NodeJS.WritableStream,
): Promise<number> {
  const fmt = pickFormat(opts.format, ["text", "json"] as const, "text");
  const waitSeconds = parseWait(opts.wait);
  if (paths.length === 0) throw new UsageError("ingest takes one or more files or folders");
  const db = resolve(opts.db ?? DEFAULT_DB);
  if (!(await stat(dirname(db)).catch(() => null))?.isDirectory()) throw new UsageError(`--db ${opts.db}: no folder ${dirname(db)}`);
  const stats = new Map<string, FileStat>();
  const files = await filesToIngest(paths, db, stats);
  const progress = Progress.forTerminal();
  const options = writeOptions(opts);
  let store: Store;
  try {
    store = await openStore(db, options);
  } catch (err) {
    if (err instanceof StoreFullError) return runExit(err);
    throw err;
  }
  try {
    const summary = await runFiles(store, files, {
      command: "ingest",
      args: [...paths],
      log: logFor(progress, log),
      progress,
      waitSeconds,
      jobs: jobsOf(opts.jobs),
      limits: limitsOf(opts),
      checksum: opts.checksum ?? false,
      stats,
    });
    stdout.write(fmt === "json" ? summaryJson(summary) : summaryText(summary));
    return runExit(summary);
  } catch (err) {
    return stoppedExit(err);
  } finally {
    await store.close();
  }
}
