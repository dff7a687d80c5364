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
import { DEFAULT_MAX_BYTES, ingest, IngestError, type Stage } from "@minutes/ingest";
import { LockedError, type RunCounts, type Store } from "@minutes/store";
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
  failure?: { stage: Stage; code: string; message: string };
}

export interface RunSummary extends RunCounts {
  runId: number;
  db: string;
  status: "finished" | "interrupted";
  seconds: number;
  /** Files that joined a meeting already stored from another file (another format). */
  sameMeeting: number;
  failures: { path: string; stage: string; code: string; message: string }[];
}

async function readBytes(path: string): Promise<Uint8Array> {
  const name = basename(path);
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new IngestError("unreadable", `${path}: not a regular file`, name);
    if (s.size > DEFAULT_MAX_BYTES) throw new IngestError("too-large", `${path}: ${s.size} bytes is over the limit of ${DEFAULT_MAX_BYTES}`, name);
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new IngestError("not-found", `${path}: no such file`, name, { cause: err });
    throw new IngestError("unreadable", `${path}: cannot read (${code ?? String(err)})`, name, { cause: err });
  }
}

/**
 * One file through the pipeline. `reextract`: store it again even when its bytes are stored
 * (the store replaces a version written by another extractor version).
 */
export async function processFile(store: Store, path: string, runId: number, reextract = false): Promise<FileOutcome> {
  let stage: Stage = "ingest";
  let sha256: string | null = null;
  let format: "pdf" | "docx" | "txt" | "html" | null = null;
  try {
    const bytes = await readBytes(path);
    sha256 = createHash("sha256").update(bytes).digest("hex");
    if (!reextract) {
      const here = await store.findByPath(path);
      if (here?.status === "stored" && here.sha256 === sha256) return { path, status: "unchanged" };
      // The same bytes under another name: stored once. (A changed file at a known path is an update.)
      const same = here?.status === "stored" ? null : await store.findBySha(sha256);
      if (same) return { path, status: "unchanged", duplicateOf: same.path };
    }
    const doc = await ingest({ bytes, name: basename(path) });
    format = doc.format;
    stage = "extract";
    const minutes = extract(doc);
    stage = "store";
    const saved = await store.saveDocument({
      document: { path, sha256, format: doc.format, pages: doc.pages, bytes: bytes.byteLength, ingestMeta: doc.meta },
      minutes,
      messages: doc.warnings,
      runId,
    });
    return { path, status: saved.status, sameMeetingAs: saved.sameMeetingAs };
  } catch (err) {
    const e = err as { code?: unknown; message?: string; name?: string };
    const code = err instanceof IngestError ? err.code : typeof e.code === "string" ? e.code : e.name === "ZodError" ? "invalid" : "error";
    const message = (e.message ?? String(err)).split("\n")[0]!.slice(0, 500);
    await store.recordFailure({ path, sha256, format, stage, code, message, runId });
    return { path, status: "failed", failure: { stage, code, message } };
  }
}

export interface RunOptions {
  command: string;
  args: readonly string[];
  log: Logger;
  progress?: Progress | null;
  /** Seconds to wait for another run's lock. */
  waitSeconds?: number;
  /** Per file; default processFile. */
  each?: (path: string, runId: number) => Promise<FileOutcome>;
}

/**
 * Runs files through the pipeline under the store's write lock. SIGINT/SIGTERM stop it after
 * the current document (the run is recorded as interrupted). Throws LockedError when the lock
 * stays taken.
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
  let sameMeeting = 0;
  let stop = false;
  const onSignal = () => {
    stop = true;
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const runId = await store.startRun({ command: opts.command, args: opts.args, extractorVersion: EXTRACTOR_VERSION });
    await store.updateRun(runId, counts);
    const each = opts.each ?? ((path: string, id: number) => processFile(store, path, id));
    for (const [i, path] of files.entries()) {
      if (stop) break;
      opts.progress?.update(i, files.length, shown(path));
      const t = Date.now();
      const r = await each(path, runId);
      counts[r.status]++;
      if (r.sameMeetingAs?.length) sameMeeting++;
      if (r.failure) {
        failures.push({ path, ...r.failure });
        log.error({ file: path, stage: r.failure.stage, code: r.failure.code, err: r.failure.message }, "failed");
      } else {
        log.info({ file: path, status: r.status, ms: Date.now() - t, duplicateOf: r.duplicateOf, sameMeetingAs: r.sameMeetingAs?.length ? r.sameMeetingAs : undefined }, r.status);
      }
      await store.updateRun(runId, counts);
    }
    opts.progress?.done();
    const status = stop ? "interrupted" : "finished";
    await store.finishRun(runId, counts, status);
    return { ...counts, runId, db: store.path, status, seconds: (Date.now() - started) / 1000, sameMeeting, failures };
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await store.unlock();
  }
}

/** Writes the lock message and returns EXIT_LOCKED, or rethrows anything else. */
export function lockedExit(err: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (!(err instanceof LockedError)) throw err;
  stderr.write(`minutes: ${err.message}.\nTry again later, or wait for it with --wait SECONDS.\n`);
  return EXIT_LOCKED;
}
