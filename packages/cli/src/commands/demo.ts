/**
 * `minutes demo`: the main job on the bundled fixtures — every seed and own fixture (PDF, DOCX,
 * text) through ingest → extract → store into a fresh SQLite file (default out/demo.db), then a
 * short report read back from the store: meetings (the same minutes in several formats counted
 * once), persons found under several names, "til næste møde" deadlines resolved, a search.
 */
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ocrUnavailableReason, probeOcrTools } from "@minutes/ingest";
import { plainSnippet } from "@minutes/report";
import { openStore, type Store } from "@minutes/store";
import type { Logger } from "pino";
import { listFiles } from "../files.ts";
import { lockedExit, runFiles, type RunSummary } from "../pipeline.ts";
import { jobsOf } from "./ingest.ts";
import { summaryText, shown } from "../summary.ts";
import { pickFormat } from "../usage.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const FIXTURES = join(ROOT, "fixtures/seeds");
export const OWN_FIXTURES = join(ROOT, "fixtures/extract");
export const DEMO_DB = join(ROOT, "out/demo.db");
const DEMO_QUERY = "sundhedshuse";

export async function demoCommand(
  format: string | undefined,
  log: Logger,
  out: NodeJS.WritableStream,
  db: string = DEMO_DB,
): Promise<number> {
  const fmt = pickFormat(format, ["text", "json"] as const, "text");
  const path = resolve(db);
  await mkdir(dirname(path), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) await rm(path + suffix, { force: true });
  // The documents themselves, not fixtures/extract/src (the markup they were rendered from).
  const files = (await listFiles([FIXTURES, OWN_FIXTURES])).filter(
    (f) => /\.(txt|pdf|docx)$/i.test(f) && [FIXTURES, OWN_FIXTURES].includes(dirname(f)),
  );
  // Without tesseract (Danish) a scanned PDF cannot be read: it is recorded as "no-text" like in
  // any run, but on a machine without OCR that is no failure of the demo.
  const noOcr = ocrUnavailableReason(await probeOcrTools());
  const store = await openStore(path);
  try {
    // A line per file is for nightly logs; the demo's answer is its report (warnings still show).
    const quiet = process.env.MINUTES_LOG_LEVEL ? log : log.child({}, { level: "warn" });
    const summary = await runFiles(store, files, { command: "demo", args: [], log: quiet, jobs: jobsOf(undefined) });
    const report = await demoReport(store, summary);
    out.write(fmt === "json" ? JSON.stringify(report, null, 2) + "\n" : demoText(report, summary));
    const failed = summary.failures.filter((f) => !(noOcr && f.code === "no-text"));
    if (noOcr && failed.length < summary.failures.length) log.warn(`scanned PDFs were not read: ${noOcr}`);
    return failed.length > 0 ? 1 : 0;
  } catch (err) {
    return lockedExit(err);
  } finally {
    await store.close();
  }
}

async function demoReport(store: Store, summary: RunSummary) {
  const decisions = await store.decisions();
  const actions = await store.actions();
  const count = (list: { meeting: { id: number } }[], id: number) => list.filter((x) => x.meeting.id === id).length;
  const meetings = (await store.meetings()).map((m) => ({
    date: m.date ?? "—",
    body: m.body ?? "—",
    files: m.documents.map((d) => d.format).join("+"),
    items: m.items,
    decisions: count(decisions, m.id),
    actions: count(actions, m.id),
  }));
  const persons = (await store.persons())
    .filter((p) => p.aliases.length > 1)
    .map((p) => ({ name: p.name, also: p.aliases.filter((a) => a.name !== p.name).map((a) => ({ name: a.name, rule: a.rule, detail: a.detail })) }));
  const nextMeeting = actions
    .filter((a) => a.deadlineRule === "next-meeting")
    .map((a) => ({
      meeting: `${a.meeting.body} ${a.meeting.date}`,
      deadlineText: a.deadlineText,
      resolved: a.deadlineResolved,
      owners: a.owners.map((o) => o.name),
      text: a.text,
    }));
  const search = (await store.search(DEMO_QUERY, { limit: 5 })).map((h) => ({
    at: `${shown(h.source.path)}:${h.source.page}:${h.source.line}`,
    kind: h.kind,
    snippet: plainSnippet(h.snippet),
  }));
  return { db: shown(summary.db), run: summary, totals: (await store.status(1)).totals, meetings, persons, nextMeeting, search };
}

function demoText(r: Awaited<ReturnType<typeof demoReport>>, summary: RunSummary): string {
  const t = r.totals;
  const parts = [
    summaryText(summary, "Stored"),
    `Store: ${t.meetings} meetings from ${t.stored} files, ${t.items} items, ${t.recommendations} recommendations, ${t.decisions} decisions, ${t.actions} actions, ${t.persons} persons`,
    "",
    "Meetings (one row per meeting, however many files hold it):",
    table(r.meetings),
    "Persons found under more than one name:",
    ...r.persons.flatMap((p) => p.also.map((a) => `  ${p.name}  ←  ${a.name}  (${a.rule}${a.detail ? `: ${a.detail}` : ""})`)),
    "",
    '"til næste møde" deadlines, resolved to the body\'s next stored meeting:',
    ...r.nextMeeting.map((a) => `  ${a.meeting}  "${a.deadlineText}" → ${a.resolved ?? "(no later meeting stored)"}  ${a.owners.join(", ")}: ${clip(a.text, 60)}`),
    "",
    `Search "${DEMO_QUERY}":`,
    ...r.search.map((h) => `  ${h.at}  ${h.kind}: ${clip(h.snippet, 90)}`),
    "",
    `Query it: pnpm -s minutes status --db ${r.db}`,
  ];
  return parts.join("\n") + "\n";
}

function clip(text: string, n: number): string {
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

export function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return "(no rows)\n";
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (typeof rows[0]![cols[j]!] === "number" ? c.padStart(width[j]!) : c.padEnd(width[j]!))).join("  ").trimEnd() + "\n";
  return line(cols) + line(width.map((w) => "-".repeat(w))) + rows.map((r) => line(cols.map((c) => String(r[c])))).join("");
}

