/**
 * `minutes report decisions|actions|person|topic|meeting …` and `minutes search TEXT`: the
 * analysts' questions, answered from the store, as a table on a terminal or --format
 * json|csv|md|xlsx. xlsx is binary: it goes to --out FILE (or to stdout when that is a pipe).
 */
import { stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { openStore } from "@minutes/store";
import {
  actionsReport,
  decisionsReport,
  FORMATS,
  isoDate,
  meetingTable,
  meetingView,
  parseCluster,
  parseOutcome,
  personReport,
  plainSnippet,
  QueryError,
  render,
  searchReport,
  topicReport,
  type Table,
} from "@minutes/report";
import { EXIT, pickFormat, UsageError } from "../usage.ts";
import { DEFAULT_DB } from "./ingest.ts";

export interface ReportOptions {
  db?: string;
  format?: string;
  out?: string;
  cluster?: string;
  body?: string;
  from?: string;
  to?: string;
  outcome?: string;
  search?: string;
  owner?: string;
  open?: boolean;
  overdue?: boolean;
  "due-before"?: string;
  today?: string;
  limit?: string;
}

const KINDS = ["decisions", "actions", "person", "topic", "meeting"] as const;

function limitOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit ${v} is not a positive whole number`);
  return n;
}

async function build(kind: string, args: string[], o: ReportOptions, store: Awaited<ReturnType<typeof openStore>>): Promise<Table> {
  const one = (what: string) => {
    const text = args.join(" ").trim();
    if (!text) throw new UsageError(`report ${kind} needs ${what}`);
    return text;
  };
  switch (kind) {
    case "decisions":
      if (args.length) throw new UsageError(`report decisions takes options, not "${args.join(" ")}"`);
      return decisionsReport(store, {
        cluster: parseCluster(o.cluster),
        body: o.body,
        from: isoDate(o.from, "from", "--from"),
        to: isoDate(o.to, "to", "--to"),
        outcome: parseOutcome(o.outcome),
        search: o.search,
        limit: limitOf(o.limit),
      });
    case "actions":
      if (args.length) throw new UsageError(`report actions takes options, not "${args.join(" ")}"`);
      return actionsReport(store, {
        owner: o.owner,
        open: o.open,
        overdue: o.overdue,
        dueBefore: isoDate(o["due-before"], "from", "--due-before"),
        cluster: parseCluster(o.cluster),
        body: o.body,
        from: isoDate(o.from, "from", "--from"),
        to: isoDate(o.to, "to", "--to"),
        today: isoDate(o.today, "from", "--today"),
        limit: limitOf(o.limit),
      });
    case "person":
      return personReport(store, one("a NAME"), { today: isoDate(o.today, "from", "--today") });
    case "topic":
      return topicReport(store, one("a TEXT"), { limit: limitOf(o.limit) });
    case "meeting":
      return meetingTable(await meetingView(store, one("a meeting ID or FILE")));
    case "search":
      return searchReport(store, one("a TEXT"), { limit: limitOf(o.limit) });
    default:
      throw new UsageError(`report "${kind}" is not one of: ${KINDS.join(", ")}`);
  }
}

/** `kind` is a report name, or "search" for `minutes search`. */
export async function reportCommand(kind: string, args: string[], o: ReportOptions, stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): Promise<number> {
  const format = pickFormat(o.format, FORMATS, "table");
  const db = resolve(o.db ?? DEFAULT_DB);
  if (!(await stat(db).catch(() => null))) throw new UsageError(`no store at ${db} (make one with: minutes ingest PATH --db FILE)`);
  if (format === "xlsx" && !o.out && stdout.isTTY) throw new UsageError("--format xlsx writes a binary file: give --out FILE.xlsx (or pipe stdout)");
  const store = await openStore(db, { readonly: true });
  try {
    let table: Table;
    try {
      table = await build(kind, args, o, store);
    } catch (err) {
      if (err instanceof QueryError) throw new UsageError(err.message);
      throw err;
    }
    // Search hits mark their words for the page; in text they show as «…».
    if (format !== "json" && format !== "xlsx") table = { ...table, rows: table.rows.map((r) => (typeof r.snippet === "string" ? { ...r, snippet: plainSnippet(r.snippet) } : r)) };
    else if (format === "xlsx") table = { ...table, rows: table.rows.map((r) => (typeof r.snippet === "string" ? { ...r, snippet: r.snippet.replace(/[\u0002\u0003]/g, "") } : r)) };
    const out = await render(table, format, { maxWidth: stdout.isTTY ? stdout.columns : undefined });
    if (o.out) await writeFile(o.out, out);
    else stdout.write(format === "table" && !o.out ? `${table.title}\n\n${out as string}` : out);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
