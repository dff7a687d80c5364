/**
 * ingest → extract → store for a list of files, as one recorded run: the write lock, a `runs`
 * row with counts updated after every file, one transaction per document, failures recorded
 * with their stage and reason while the run goes on. Used by `minutes ingest`, `minutes
 * reextract` and `minutes demo`.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { extract, EXTRACTOR_VERSION } from "@minutes/extract";
import { ingest, IngestError, readSourceFile, setPdfReaderThreads, type IngestOptions, type Stage } from "@minutes/ingest";
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
} from "@minutes/store";
import type { Logger } from "pino";
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
  | { kind: "failed"; path: string; sha256: string | null; format: FileFormat | null; stage: Stage; code: string; message: string }
  | { kind: "ready"; path: string; sha256: string; bytes: number; doc: Awaited<ReturnType<typeof ingest>>; minutes: ReturnType<typeof extract> };

type FileFormat = "pdf" | "docx" | "txt" | "html";

function failureOf(err: unknown): { code: string; message: string } {
  const e = err as { code?: unknown; message?: string; name?: string };
  const code = err instanceof IngestError ? err.code : typeof e.code === "string" ? e.code : e.name === "ZodError" ? "invalid" : "error";
  return { code, message: (e.message ?? String(err)).split("\n")[0]!.slice(0, 500) };
}

/**
 * The parse half of a file's way through the pipeline: read, hash, skip when stored already,
 * ingest, extract. It writes nothing, so several files can be prepared at once while one writer
 * stores them (runFiles). `reextract`: prepare it even when its bytes are stored.
 */
export async function prepareFile(store: Store, path: string, reextract = false, limits: IngestOptions = {}): Promise<Prepared> {
  let stage: Stage = "ingest";
  let sha256: string | null = null;
  let format: FileFormat | null = null;
  try {
    const { bytes } = await readSourceFile(path, limits.maxBytes);
    sha256 = createHash("sha256").update(bytes).digest("hex");
    if (!reextract) {
      const skip = await alreadyStored(store, path, sha256);
      if (skip) return { kind: "done", outcome: skip };
    }
    const doc = await ingest({ bytes, name: basename(path) }, limits);
    format = doc.format;
    stage = "extract";
    const minutes = extract(doc);
    return { kind: "ready", path, sha256, bytes: bytes.byteLength, doc, minutes };
  } catch (err) {
    return { kind: "failed", path, sha256, format, stage, ...failureOf(err) };
  }
}

/** Unchanged: the same bytes at this path, or (a new path) the same bytes stored under another name. */
async function alreadyStored(store: Store, path: string, sha256: string): Promise<FileOutcome | null> {
  const here = await store.findByPath(path);
  if (here?.status === "stored" && here.sha256 === sha256) return { path, status: "unchanged" };
  // The same bytes under another name: stored once. (A changed file at a known path is an update.)
  const same = here?.status === "stored" ? null : await store.findBySha(sha256);
  if (same) return { path, status: "unchanged", duplicateOf: same.path };
  return null;
}

/** The store half: one transaction for the document, or the failure on record. */
export async function commitFile(store: Store, prepared: Prepared, runId: number, reextract = false): Promise<FileOutcome> {
  if (prepared.kind === "done") return prepared.outcome;
  const { path } = prepared;
  if (prepared.kind === "failed") {
    const { sha256, format, stage, code, message } = prepared;
    await store.recordFailure({ path, sha256, format, stage, code, message, runId });
    return { path, status: "failed", failure: { stage, code, message } };
  }
  try {
    // Prepared ahead: a file earlier in this run may have stored the same bytes meanwhile.
    if (!reextract) {
      const skip = await alreadyStored(store, path, prepared.sha256);
      if (skip) return skip;
    }
    const { doc } = prepared;
    const saved = await store.saveDocument({
      document: { path, sha256: prepared.sha256, format: doc.format, pages: doc.pages, bytes: prepared.bytes, ingestMeta: doc.meta },
      minutes: prepared.minutes,
      messages: doc.warnings,
      runId,
    });
    return { path, status: saved.status, sameMeetingAs: saved.sameMeetingAs, redacted: saved.redacted };
  } catch (err) {
    // A full database is not this file's fault: the run stops (runFiles), nothing is recorded on it.
    if (err instanceof StoreFullError) throw err;
    const f = failureOf(err);
    await store.recordFailure({ path, sha256: prepared.sha256, format: prepared.doc.format, stage: "store", code: f.code, message: f.message, runId });
    return { path, status: "failed", failure: { stage: "store", ...f } };
  }
}

/**
 * One file through the pipeline. `reextract`: store it again even when its bytes are stored
 * (the store replaces a version written by another extractor version).
 */
export async function processFile(store: Store, path: string, runId: number, reextract = false): Promise<FileOutcome> {
  return commitFile(store, await prepareFile(store, path, reextract), runId, reextract);
}

export interface RunOptions {
  command: string;
  args: readonly string[];
  log: Logger;
  progress?: Progress | null;
  /** Seconds to wait for another run's lock. */
  waitSeconds?: number;
  /** Per file; default: prepared `jobs` files ahead, stored in order. */
  each?: (path: string, runId: number) => Promise<FileOutcome>;
  /**
   * Files parsed and extracted at once (each PDF in its own pdfjs thread) while this thread
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
  try {
    const runId = await store.startRun({ command: opts.command, args: opts.args, extractorVersion: EXTRACTOR_VERSION });
    await store.updateRun(runId, counts);
    // Look-ahead: while file i is stored, files i+1 … i+jobs-1 are being read, parsed and
    // extracted (PDFs in parallel pdfjs threads). One writer: the store sees files in order.
    const jobs = Math.max(1, Math.min(8, Math.floor(opts.jobs ?? 1)));
    setPdfReaderThreads(jobs);
    const ahead = new Map<number, Promise<Prepared>>();
    const prepared = (k: number): Promise<Prepared> => {
      for (let j = k; j < Math.min(files.length, k + jobs); j++) if (!ahead.has(j)) ahead.set(j, prepareFile(store, files[j]!, false, opts.limits));
      const p = ahead.get(k)!;
      ahead.delete(k);
      return p;
    };
    let index = 0;
    const each = opts.each ?? (async (_path: string, id: number) => commitFile(store, await prepared(index), id));
    for (const [i, path] of files.entries()) {
      if (stop) break;
      index = i;
      opts.progress?.update(i, files.length, shown(path));
      const t = Date.now();
      try {
        const r = await each(path, runId);
        counts[r.status]++;
        if (r.sameMeetingAs?.length) sameMeeting++;
        if (r.redacted) addCounts(redacted, r.redacted);
        if (r.failure) {
          failures.push({ path, ...r.failure });
          log.error({ file: path, stage: r.failure.stage, code: r.failure.code, err: r.failure.message }, "failed");
        } else {
          const sameMeetingAs = r.sameMeetingAs?.length ? r.sameMeetingAs : undefined;
          const redactedHere = r.redacted && totalRedactions(r.redacted) > 0 ? r.redacted : undefined;
          log.info({ file: path, status: r.status, ms: Date.now() - t, duplicateOf: r.duplicateOf, sameMeetingAs, redacted: redactedHere }, r.status);
        }
        await store.updateRun(runId, counts);
      } catch (err) {
        if (!(err instanceof StoreFullError)) throw err;
        stopped = err.message;
        log.error({ file: path, err: err.message }, "the database is full: stopping");
        break;
      }
    }
    opts.progress?.done();
    const status = stop || stopped ? "interrupted" : "finished";
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
