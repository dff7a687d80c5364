/**
 * `minutes reextract [--db FILE] [--wait SECONDS] [--format text|json]`: documents stored by an
 * older extractor version are read again from their path and replace their old rows. A file that
 * is gone (or now fails) is recorded as failed; its stored version stays. Exit codes as ingest.
 */
import { resolve } from "node:path";
import { EXTRACTOR_VERSION } from "@minutes/extract";
import { openStore } from "@minutes/store";
import type { Logger } from "pino";
import { runFiles } from "../pipeline.ts";
import { logFor, Progress } from "../progress.ts";
import { summaryJson, summaryText } from "../summary.ts";
import { pickFormat } from "../usage.ts";
import { DEFAULT_DB, jobsOf, parseWait, runExit, stoppedExit, writeOptions, type StoreCommandOptions } from "./ingest.ts";

export async function reextractCommand(opts: StoreCommandOptions, log: Logger, stdout: NodeJS.WritableStream): Promise<number> {
  const fmt = pickFormat(opts.format, ["text", "json"] as const, "text");
  const waitSeconds = parseWait(opts.wait);
  const progress = Progress.forTerminal();
  const store = await openStore(resolve(opts.db ?? DEFAULT_DB), writeOptions(opts));
  try {
    const files = (await store.documentsNeedingReextract(EXTRACTOR_VERSION)).map((d) => d.path);
    const summary = await runFiles(store, files, {
      command: "reextract",
      args: [EXTRACTOR_VERSION],
      log: logFor(progress, log),
      progress,
      waitSeconds,
      reextract: true,
      jobs: jobsOf(undefined),
    });
    stdout.write(fmt === "json" ? summaryJson(summary) : summaryText(summary, `Re-extracted (extractor ${EXTRACTOR_VERSION})`));
    return runExit(summary);
  } catch (err) {
    return stoppedExit(err);
  } finally {
    await store.close();
  }
}
