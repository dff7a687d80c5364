/**
 * ingest → extract → store for a list of files, as one recorded run: the write lock, a `runs`
 * row with counts updated as documents are written, one transaction per document, failures
 * recorded with their stage and reason while the run goes on. Files are parsed and extracted in
 * a pool of worker threads (parse-pool.ts) and stored by this thread alone, in order. Files
 * stored with the same size and modification time are skipped unread. Used by `minutes ingest`,
 * `minutes reextract` and `minutes demo`.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { EXTRACTOR_VERSION, type Minutes } from "@minutes/extract";
import { readSourceFile, type IngestOptions, type SourceDocument, type Stage } from "@minutes/ingest";
import {
  addCounts,
  formatRedactRules,
  LockedError,
  noRedactions,
  StoreFullError,
  totalRedactions,
  type RedactCounts,
  type RunCounts,
  type Store,
  type StoredFile,
  type TouchFile,
} from "@minutes/store";
import type { Logger } from "pino";
import type { FileStat } from "./files.ts";
import { failureOf, type ParsedDocument } from "./parse-job.ts";
import { ParsePool } from "./parse-pool.ts";
import type { Progress } from "./progress.ts";
import { shown } from "./summary.ts";

/** Exit code when another run holds the store's write lock (after --wait, if given). */
export const EXIT_LOCKED = 3;

export type FileStatus = "new" | "updated" | "unchanged" | "failed";

export interface FileOutcome {
  path: string;
  status: FileStatus;
  /** Another stored file of the same meeting (the same minutes in another format). */
  sameMeetingAs?: string[];
  /** For an unchanged file at a new path: the stored file with the same bytes. */
  duplicateOf?: string;
  /** Private data the store replaced by markers in this file's text. */
  redacted?: RedactCounts;
  failure?: { stage: Stage; code: string; message: string };
}

export interface RunSummary extends RunCounts {
  runId: number;
  db: string;
  status: "finished" | "interrupted";
  /** Why the run stopped before the end when not by a signal: the database is full. */
  stopped?: string;
  seconds: number;
  /** Private data replaced by markers in the documents this run stored (the store's rules). */
  redacted: RedactCounts;
  redactRules: string;
  /** Files that joined a meeting already stored from another file (another format). */
  sameMeeting: number;
  failures: { path: string; stage: string; code: string; message: string }[];
}


/** A file read, parsed and extracted, ready to be stored; or what ended it before the store. */
export type Prepared =
  | { kind: "done"; outcome: FileOutcome }
  | { kind: "failed"; path: string; sha256: string | null; format: FileFormat | null; mtimeMs?: number; stage: Stage; code: string; message: string }
  | { kind: "ready"; path: string; sha256: string; bytes: number; mtimeMs?: number; doc: ParsedDocument; minutes: Minutes };

type FileFormat = SourceDocument["format"];

/** What prepareFile needs besides the path: shared by every file of a run. */
export interface PrepareContext {
  store: Store;
  pool: ParsePool;
  /** Prepare every file, even when its bytes are stored (`minutes reextract`). */
  reextract: boolean;
  /** Read and hash every file, even when its size and modification time are as stored. */
  checksum: boolean;
  limits: IngestOptions;
  /** The store's files at the start of the run (storedFiles), or null to ask the store per file. */
  known: ReadonlyMap<string, StoredFile> | null;
  /** Size and mtime per path from the folder walk; a file not in it is stat'ed here. */
  stats: ReadonlyMap<string, FileStat> | undefined;
  /** Files whose bytes proved unchanged under a new mtime: recorded, so the next run need not read them. */
  touched: TouchFile[];
  /** sha256 → path of every document this run has stored so far. */
  storedThisRun: Map<string, string>;
}

/**
 * The parse half of a file's way through the pipeline: skip it when it is stored with the same
 * size and modification time (as rsync and make do; `checksum` turns that off), else read and
 * hash it here and skip it when its bytes are stored, else ingest + extract it in one of the
 * pool's threads. It writes nothing, so several files can be prepared at once while one writer
 * stores them (runFiles).
 */
export async function prepareFile(ctx: PrepareContext, path: string): Promise<Prepared> {
  let sha256: string | null = null;
  let mtimeMs: number | undefined;
  try {
    const seen = ctx.stats?.get(path) ?? (await stat(path).catch(() => undefined));
    mtimeMs = seen ? Math.trunc(seen.mtimeMs) : undefined;
    const here = ctx.known?.get(path);
    if (!ctx.reextract && !ctx.checksum && seen && here?.status === "stored" && here.bytes === seen.size && here.mtimeMs === mtimeMs) {
      return { kind: "done", outcome: { path, status: "unchanged" } };
    }
    const { bytes } = await readSourceFile(path, ctx.limits.maxBytes);
    sha256 = createHash("sha256").update(bytes).digest("hex");
    if (!ctx.reextract) {
      const skip = await alreadyStored(ctx, path, sha256);
      if (skip) {
        if (!skip.duplicateOf && mtimeMs !== undefined && here?.mtimeMs !== mtimeMs) ctx.touched.push({ path, mtimeMs, sha256 });
        return { kind: "done", outcome: skip };
      }
    }
    const size = bytes.byteLength;
    const parsed = await ctx.pool.parse(bytes, basename(path), ctx.limits);
    if (!parsed.ok) return { kind: "failed", path, sha256, format: parsed.format, mtimeMs, stage: parsed.stage, code: parsed.code, message: parsed.message };
    return { kind: "ready", path, sha256, bytes: size, mtimeMs, doc: parsed.doc, minutes: parsed.minutes };
  } catch (err) {
    return { kind: "failed", path, sha256, format: null, mtimeMs, stage: "ingest", ...failureOf(err) };
  }
}

/**
 * Unchanged: the same bytes at this path, or (a new path) the same bytes stored under another name
 * — before this run (the store) or by it (the writer's record, ctx.storedThisRun: files are
 * prepared ahead, so a file earlier in the run may have stored the same bytes meanwhile).
 */
async function alreadyStored(ctx: PrepareContext, path: string, sha256: string): Promise<FileOutcome | null> {
  const here = ctx.known ? ctx.known.get(path) : await ctx.store.findByPath(path);
  if (here?.status === "stored" && here.sha256 === sha256) return { path, status: "unchanged" };
  // A changed file at a known path is an update, whatever else holds its new bytes.
  if (here?.status === "stored") return null;
  const earlier = storedByThisRun(ctx, path, sha256);
  if (earlier) return earlier;
  const same = await ctx.store.findBySha(sha256);
  return same ? { path, status: "unchanged", duplicateOf: same.path } : null;
}

/** The same bytes stored by this run already, at this path or another. */
function storedByThisRun(ctx: PrepareContext, path: string, sha256: string): FileOutcome | null {
  const earlier = ctx.storedThisRun.get(sha256);
  if (earlier === undefined) return null;
  return earlier === path ? { path, status: "unchanged" } : { path, status: "unchanged", duplicateOf: earlier };
}

/** The store half: one transaction for the document, or the failure on record. */
export async function commitFile(ctx: PrepareContext, prepared: Prepared, runId: number): Promise<FileOutcome> {
  const { store } = ctx;
  if (prepared.kind === "done") return prepared.outcome;
  const { path } = prepared;
  if (prepared.kind === "failed") {
    const { sha256, format, mtimeMs, stage, code, message } = prepared;
    await store.recordFailure({ path, sha256, format, mtimeMs, stage, code, message, runId });
    return { path, status: "failed", failure: { stage, code, message } };
  }
  try {
    // Prepared ahead: a file earlier in this run may have stored the same bytes meanwhile.
    if (!ctx.reextract && ctx.known?.get(path)?.status !== "stored") {
      const skip = storedByThisRun(ctx, path, prepared.sha256);
      if (skip) return skip;
    }
    const { doc } = prepared;
    const saved = await store.saveDocument({
      document: { path, sha256: prepared.sha256, format: doc.format, pages: doc.pages, bytes: prepared.bytes, mtimeMs: prepared.mtimeMs, ingestMeta: doc.meta },
      minutes: prepared.minutes,
      messages: doc.warnings,
      runId,
    });
    if (saved.status !== "unchanged") ctx.storedThisRun.set(prepared.sha256, path);
    return { path, status: saved.status, sameMeetingAs: saved.sameMeetingAs, redacted: saved.redacted };
  } catch (err) {
    // A full database is not this file's fault: the run stops (runFiles), nothing is recorded on it.
    if (err instanceof StoreFullError) throw err;
    const f = failureOf(err);
    await store.recordFailure({ path, sha256: prepared.sha256, format: prepared.doc.format, mtimeMs: prepared.mtimeMs, stage: "store", code: f.code, message: f.message, runId });
    return { path, status: "failed", failure: { stage: "store", ...f } };
  }
}

export interface RunOptions {
  command: string;
  args: readonly string[];
  log: Logger;
  progress?: Progress | null;
  /** Seconds to wait for another run's lock. */
  waitSeconds?: number;
  /** Store every file again even when its bytes are stored (`minutes reextract`). */
  reextract?: boolean;
  /** Read and hash every file, even one stored with the same size and modification time. */
  checksum?: boolean;
  /** Size and mtime of the files, from the folder walk (files are stat'ed one by one otherwise). */
  stats?: ReadonlyMap<string, FileStat>;
  /**
   * Worker threads that read, parse and extract files at once while this thread, the one writer,
   * stores them one by one, in order. Default 1.
   */
  jobs?: number;
  /** Per-document limits (size, pages, seconds); ingest's defaults otherwise. */
  limits?: IngestOptions;
}

/**
 * Runs files through the pipeline under the store's write lock. SIGINT/SIGTERM stop it after
 * the current document (the run is recorded as interrupted). A full database (StoreFullError:
 * the disk, or the size limit) stops it too: the document being written was rolled back, the
 * ones before are whole; the run is recorded as interrupted with the reason where that still
 * fits, and the summary says `stopped`. Throws LockedError when the lock stays taken.
 */
export async function runFiles(store: Store, files: readonly string[], opts: RunOptions): Promise<RunSummary> {
  const { log } = opts;
  await store.lock({
    waitMs: (opts.waitSeconds ?? 0) * 1000,
    onWait: (h) => log.warn({ holder: h }, "another run is writing; waiting"),
  });
  const started = Date.now();
  const counts: RunCounts = { files: files.length, new: 0, updated: 0, unchanged: 0, failed: 0 };
  const failures: RunSummary["failures"] = [];
  const redacted = noRedactions();
  let sameMeeting = 0;
  let stop = false;
  let stopped: string | undefined;
  const onSignal = () => {
    stop = true;
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const pool = new ParsePool(Math.max(1, Math.min(8, Math.floor(opts.jobs ?? 1))));
  try {
    const reextract = opts.reextract ?? false;
    const ctx: PrepareContext = {
      store,
      pool,
      reextract,
      checksum: opts.checksum ?? false,
      limits: opts.limits ?? {},
      // One query for the whole archive instead of one per file: most files of a nightly run are unchanged.
      known: reextract ? null : await store.storedFiles(),
      stats: opts.stats,
      touched: [],
      storedThisRun: new Map(),
    };
    const runId = await store.startRun({ command: opts.command, args: opts.args, extractorVersion: EXTRACTOR_VERSION });
    await store.updateRun(runId, counts);
    // Look-ahead: while file i is stored, the next files are read and hashed here and parsed and
    // extracted in `jobs` worker threads. One writer: the store sees files in order. So that a long
    // document (40 pages take as long as ten short ones) does not leave the other threads idle
    // while the writer waits for it, up to 8 files per thread are under way; what waits is small
    // (the file's bytes, then its extracted minutes).
    const ahead = new Map<number, Promise<Prepared>>();
    const window = pool.size * 8;
    const prepared = (k: number): Promise<Prepared> => {
      for (let j = k; j < Math.min(files.length, k + window); j++) {
        if (!ahead.has(j)) ahead.set(j, prepareFile(ctx, files[j]!));
      }
      const p = ahead.get(k)!;
      ahead.delete(k);
      return p;
    };
    let countsAt = Date.now();
    for (const [i, path] of files.entries()) {
      if (stop) break;
      opts.progress?.update(i, files.length, shown(path));
      const t = Date.now();
      try {
        const r = await commitFile(ctx, await prepared(i), runId);
        counts[r.status]++;
        if (r.sameMeetingAs?.length) sameMeeting++;
        if (r.redacted) addCounts(redacted, r.redacted);
        if (r.failure) {
          failures.push({ path, ...r.failure });
          log.error({ file: path, stage: r.failure.stage, code: r.failure.code, err: r.failure.message }, "failed");
        } else {
          const sameMeetingAs = r.sameMeetingAs?.length ? r.sameMeetingAs : undefined;
          const redactedHere = r.redacted && totalRedactions(r.redacted) > 0 ? r.redacted : undefined;
          // Most files of a nightly run are unchanged: one line each only at debug level.
          const line = { file: path, status: r.status, ms: Date.now() - t, duplicateOf: r.duplicateOf, sameMeetingAs, redacted: redactedHere };
          if (r.status === "unchanged") log.debug(line, r.status);
          else log.info(line, r.status);
        }
        // The run's counts follow every document written; over a stretch of unchanged files, once a second.
        if (r.status !== "unchanged" || Date.now() - countsAt >= 1000) {
          await store.updateRun(runId, counts);
          countsAt = Date.now();
        }
        if (ctx.touched.length >= 1000) await store.touchFiles(ctx.touched.splice(0));
      } catch (err) {
        if (!(err instanceof StoreFullError)) throw err;
        stopped = err.message;
        log.error({ file: path, err: err.message }, "the database is full: stopping");
        break;
      }
    }
    opts.progress?.done();
    const status = stop || stopped ? "interrupted" : "finished";
    // Files that proved unchanged under a new mtime (copied, touched): the next run skips them unread.
    if (!stopped && ctx.touched.length > 0) await store.touchFiles(ctx.touched.splice(0));
    // A full disk may refuse even this; the run then stays "running" and the next run marks it aborted.
    await store.finishRun(runId, counts, status, stopped).catch((err: unknown) => {
      if (!(err instanceof StoreFullError)) throw err;
    });
    return {
      ...counts,
      runId,
      db: store.path,
      status,
      ...(stopped ? { stopped } : {}),
      seconds: (Date.now() - started) / 1000,
      sameMeeting,
      redacted,
      redactRules: formatRedactRules(store.redact),
      failures,
    };
  } finally {
    await pool.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    // Letting go is a delete; should a full disk refuse it, the lock of a process that has ended is taken over next time.
    await store.unlock().catch((err: unknown) => {
      if (!(err instanceof StoreFullError)) throw err;
    });
  }
}

/** Writes the lock message and returns EXIT_LOCKED, or rethrows anything else. */
export function lockedExit(err: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (!(err instanceof LockedError)) throw err;
  stderr.write(`minutes: ${err.message}.\nTry again later, or wait for it with --wait SECONDS.\n`);
  return EXIT_LOCKED;
}
