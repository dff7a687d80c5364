/** The one-screen summary of a run (text or JSON) on stdout. */
import { relative, isAbsolute } from "node:path";
import type { RunSummary } from "./pipeline.ts";

/** A path as the user would type it: relative to the working folder when inside it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** At most this many failures are listed in text; JSON lists them all. */
const MAX_FAILURES = 12;

export function summaryText(s: RunSummary, verb = "Ingested"): string {
  const lines = [
    `${verb} ${s.files} file${s.files === 1 ? "" : "s"} into ${shown(s.db)} in ${s.seconds.toFixed(1)} s (run ${s.runId}${s.status === "interrupted" ? ", interrupted" : ""})`,
    `  new        ${String(s.new).padStart(6)}`,
    `  updated    ${String(s.updated).padStart(6)}`,
    `  unchanged  ${String(s.unchanged).padStart(6)}`,
    `  failed     ${String(s.failed).padStart(6)}`,
  ];
  if (s.sameMeeting > 0) {
    lines.push(
      `  ${s.sameMeeting} file${s.sameMeeting === 1 ? "" : "s"} joined a meeting already stored from another file (its PDF beside its DOCX): each meeting counts once`,
    );
  }
  const redacted = s.redacted.cpr + s.redacted.email + s.redacted.phone;
  if (redacted > 0) {
    const parts = [
      [s.redacted.cpr, "CPR number"],
      [s.redacted.email, "e-mail address"],
      [s.redacted.phone, "phone number"],
    ] as const;
    lines.push(`  redacted   ${String(redacted).padStart(6)}  (${parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}${n === 1 ? "" : "s"}`).join(", ")}; rules: ${s.redactRules})`);
  }
  if (s.status === "interrupted") {
    lines.push(`  stopped early${s.stopped ? ` (${s.stopped})` : ""}: ${s.files - s.new - s.updated - s.unchanged - s.failed} files not tried`);
  }
  if (s.failures.length > 0) {
    lines.push("Failed:");
    for (const f of s.failures.slice(0, MAX_FAILURES)) lines.push(`  ${shown(f.path)}  ${f.stage}/${f.code}: ${f.message}`);
    if (s.failures.length > MAX_FAILURES) lines.push(`  … and ${s.failures.length - MAX_FAILURES} more (minutes status --format json)`);
  }
  return lines.join("\n") + "\n";
}

export function summaryJson(s: RunSummary): string {
  return JSON.stringify(s, null, 2) + "\n";
}
