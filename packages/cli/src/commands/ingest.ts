/**
 * `minutes ingest PATH… [--db FILE] [--wait SECONDS] [--format text|json]`: every file under the
 * paths (recursively) through ingest → extract → store, one transaction per document, as one
 * recorded run. Exit 0 all stored or unchanged, 1 some file failed, 2 usage, 3 store locked.
 */
import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { openStore } from "@minutes/store";
import type { Logger } from "pino";
import { listFiles } from "../files.ts";
import { lockedExit, runFiles } from "../pipeline.ts";
import { logFor, Progress } from "../progress.ts";
import { summaryJson, summaryText } from "../summary.ts";
import { EXIT, pickFormat, UsageError } from "../usage.ts";

export const DEFAULT_DB = "minutes.db";

export interface StoreCommandOptions {
  db?: string;
  wait?: string;
  format?: string;
}

/** --wait SECONDS: a number ≥ 0 (default 0: do not wait). */
export function parseWait(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--wait ${value} is not a number of seconds ≥ 0`);
  return n;
}

/** Files under the paths, without the database's own files (when it lives in the folder). */
export async function filesToIngest(paths: readonly string[], db: string): Promise<string[]> {
  for (const p of paths) {
    if (!(await stat(p).catch(() => null))) throw new UsageError(`no such file or folder: ${p}`);
  }
  const own = new Set(["", "-wal", "-shm", "-journal"].map((s) => db + s));
  return (await listFiles(paths.map((p) => resolve(p)))).filter((f) => !own.has(f));
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
  const files = await filesToIngest(paths, db);
  const progress = Progress.forTerminal();
  const store = await openStore(db);
  try {
    const summary = await runFiles(store, files, {
      command: "ingest",
      args: [...paths],
      log: logFor(progress, log),
      progress,
      waitSeconds,
    });
    stdout.write(fmt === "json" ? summaryJson(summary) : summaryText(summary));
    return summary.failed > 0 || summary.status === "interrupted" ? EXIT.someFailed : EXIT.ok;
  } catch (err) {
    return lockedExit(err);
  } finally {
    await store.close();
  }
}
