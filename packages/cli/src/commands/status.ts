/** `minutes status [--db FILE] [--format text|json]`: the store's totals, the lock and the last runs. */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { EXTRACTOR_VERSION } from "@minutes/extract";
import { compareVersions, openStore, SchemaError, type StoreStatus } from "@minutes/store";
import { shown } from "../summary.ts";
import { EXIT, pickFormat, UsageError } from "../usage.ts";
import { DEFAULT_DB, type StoreCommandOptions } from "./ingest.ts";

export async function statusCommand(opts: StoreCommandOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const fmt = pickFormat(opts.format, ["text", "json"] as const, "text");
  const db = resolve(opts.db ?? DEFAULT_DB);
  if (!(await stat(db).catch(() => null))) throw new UsageError(`no store at ${db} (make one with: minutes ingest PATH --db ${shown(db)})`);
  // Read-only, so it never waits for a run that is writing; an older schema is upgraded first.
  const store = await openStore(db, { readonly: true }).catch(async (err) => {
    if (!(err instanceof SchemaError)) throw err;
    await (await openStore(db)).close();
    return openStore(db, { readonly: true });
  });
  try {
    const s = await store.status(10);
    stdout.write(fmt === "json" ? JSON.stringify(s, null, 2) + "\n" : statusText(s));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function statusText(s: StoreStatus): string {
  const t = s.totals;
  const out = [
    `${shown(s.path)}  schema ${s.schemaVersion}, journal ${s.journalMode}`,
    `  documents ${t.documents} (${t.stored} stored, ${t.failed} failed)   meetings ${t.meetings}   items ${t.items}`,
    `  recommendations ${t.recommendations}   decisions ${t.decisions}   actions ${t.actions}   persons ${t.persons} (${t.aliases} names)   warnings ${t.warnings}`,
    `  redacted: ${s.redacted.cpr} CPR numbers, ${s.redacted.email} e-mail addresses, ${s.redacted.phone} phone numbers`,
  ];
  const older = Object.entries(s.extractorVersions)
    .filter(([v]) => compareVersions(v === "unknown" ? null : v, EXTRACTOR_VERSION) < 0)
    .reduce((n, [, c]) => n + c, 0);
  out.push(
    `  extractor versions: ${Object.entries(s.extractorVersions).map(([v, n]) => `${v} × ${n}`).join(", ") || "—"}` +
      (older > 0 ? `   (${older} older than ${EXTRACTOR_VERSION}: minutes reextract)` : ""),
  );
  out.push(s.lock ? `  lock: held by pid ${s.lock.pid} on ${s.lock.host} since ${s.lock.acquiredAt}${s.lock.runId ? ` (run ${s.lock.runId})` : ""}` : "  lock: free");
  if (s.runs.length === 0) out.push("No runs yet.");
  else {
    out.push("Last runs:");
    out.push("  run  started               status       files    new  updated  unchanged  failed  redacted  command");
    for (const r of s.runs) {
      const redacted = r.redacted.cpr + r.redacted.email + r.redacted.phone;
      out.push(
        `  ${String(r.id).padStart(3)}  ${r.startedAt.slice(0, 19).replace("T", " ")}   ${r.status.padEnd(11)} ${[r.files, r.new, r.updated, r.unchanged, r.failed, redacted]
          .map((n, i) => String(n).padStart([6, 6, 8, 10, 7, 9][i]!))
          .join(" ")}  ${r.command} ${r.args.join(" ")}`,
      );
    }
    const last = s.runs[0]!;
    if (last.stopReason) out.push(`    run ${last.id} stopped: ${last.stopReason}`);
    for (const f of last.failures.slice(0, 10)) out.push(`    run ${last.id} failed: ${shown(f.path)}  ${f.stage}/${f.code}: ${f.message}`);
  }
  return out.join("\n") + "\n";
}
