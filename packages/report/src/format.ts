/**
 * One answer, many outputs: every report is a `Table` (typed columns, plain rows) and is printed
 * as a terminal table, JSON, CSV, Markdown or an Excel workbook. Dates are ISO in the data and in
 * json/csv, and Danish ("13. aug. 2021") where a person reads them (table, md, xlsx as real dates).
 */
import ExcelJS from "exceljs";

export type ColumnKind = "text" | "date" | "number" | "source";

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
  /** Long text the terminal table may cut to fit the screen. */
  wide?: boolean;
}

/** Where a fact stands in its document. */
export interface Source {
  file: string;
  path: string;
  page: number | null;
  line: number | null;
}

export type Cell = string | number | null | Source;
export type Row = Record<string, Cell>;

export interface Table {
  title: string;
  columns: Column[];
  rows: Row[];
}

export const FORMATS = ["table", "json", "csv", "md", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];

const MONTHS = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];

/** "2021-08-13" → "13. aug. 2021"; anything else is returned as it is. */
export function danishDate(iso: string | null): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export function sourceText(s: Source | null): string {
  if (!s) return "";
  return [s.file, s.page !== null ? `s. ${s.page}` : null, s.line !== null ? `l. ${s.line}` : null].filter(Boolean).join(" ");
}

function isSource(c: Cell): c is Source {
  return typeof c === "object" && c !== null && "file" in c;
}

/** The text a person reads in a cell. */
function display(col: Column, c: Cell): string {
  if (c === null || c === undefined) return "";
  if (col.kind === "date") return danishDate(String(c));
  if (isSource(c)) return sourceText(c);
  return String(c).replace(/\s+/g, " ");
}

const WIDE_MAX = 60;

/** Display width: combining marks take no column. */
function width(s: string): number {
  return [...s.normalize("NFC")].length;
}

function cut(s: string, max: number): string {
  const chars = [...s.normalize("NFC")];
  return chars.length <= max ? s : chars.slice(0, Math.max(1, max - 1)).join("") + "…";
}

function pad(s: string, w: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/**
 * A fixed-width table. With `maxWidth` (a terminal's columns), wide text columns are cut so that
 * a row fits on one line; without it every cell is printed whole.
 */
export function renderTable(t: Table, maxWidth?: number): string {
  const cells = t.rows.map((r) => t.columns.map((c) => display(c, r[c.key] ?? null)));
  // Without a terminal width (a pipe, a file), long text is cut at WIDE_MAX characters a cell:
  // the table stays a table; --format json/csv/md/xlsx carry the whole text.
  const widths = t.columns.map((c, k) => Math.min(c.wide ? WIDE_MAX : Infinity, Math.max(width(c.label), ...cells.map((row) => width(row[k]!)))));
  if (maxWidth) {
    const gap = 2 * (t.columns.length - 1);
    let over = widths.reduce((a, b) => a + b, 0) + gap - maxWidth;
    // Shrink the widest cuttable column first, down to 12 characters.
    while (over > 0) {
      let k = -1;
      t.columns.forEach((c, j) => {
        if (c.wide && widths[j]! > 12 && (k < 0 || widths[j]! > widths[k]!)) k = j;
      });
      if (k < 0) break;
      const take = Math.min(over, widths[k]! - 12);
      widths[k]! -= take;
      over -= take;
    }
  }
  const right = t.columns.map((c) => c.kind === "number");
  const line = (row: string[]) =>
    row
      .map((s, k) => pad(cut(s, widths[k]!), widths[k]!, right[k]!))
      .join("  ")
      .trimEnd();
  const out = [line(t.columns.map((c) => c.label)), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)];
  out.push(`${t.rows.length} ${t.rows.length === 1 ? "række" : "rækker"}`);
  return out.join("\n") + "\n";
}

/** JSON: the rows as data (ISO dates, sources as objects), with the title and columns. */
export function renderJson(t: Table): string {
  return JSON.stringify({ title: t.title, columns: t.columns.map(({ key, label, kind }) => ({ key, label, kind })), rows: t.rows }, null, 2) + "\n";
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (RFC 4180): ISO dates; a source becomes three columns (file, page, line). */
export function renderCsv(t: Table): string {
  const head: string[] = [];
  for (const c of t.columns) {
    if (c.kind === "source") head.push(`${c.key}_file`, `${c.key}_page`, `${c.key}_line`);
    else head.push(c.key);
  }
  const lines = [head.map(csvField).join(",")];
  for (const r of t.rows) {
    const fields: string[] = [];
    for (const c of t.columns) {
      const v = r[c.key] ?? null;
      if (c.kind === "source") {
        const s = isSource(v) ? v : null;
        fields.push(s?.file ?? "", s?.page?.toString() ?? "", s?.line?.toString() ?? "");
      } else fields.push(v === null ? "" : String(v));
    }
    lines.push(fields.map(csvField).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

function mdCell(s: string): string {
  // Markdown table cells: pipes and line breaks would end the cell; HTML is escaped so that a
  // rendered report shows document text as text.
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\s+/g, " ");
}

export function renderMarkdown(t: Table): string {
  const out = [`## ${mdCell(t.title)}`, "", `| ${t.columns.map((c) => mdCell(c.label)).join(" | ")} |`];
  out.push(`| ${t.columns.map((c) => (c.kind === "number" ? "---:" : "---")).join(" | ")} |`);
  for (const r of t.rows) out.push(`| ${t.columns.map((c) => mdCell(display(c, r[c.key] ?? null))).join(" | ")} |`);
  return out.join("\n") + "\n";
}

/** An Excel workbook: real dates (shown Danish), numbers as numbers, a source as three columns. */
export async function renderXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "minutes";
  const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/?*[\]:]/g, " ") || "Rapport");
  const cols: { header: string; key: string; width: number; style?: Partial<ExcelJS.Style> }[] = [];
  for (const c of t.columns) {
    if (c.kind === "source") {
      cols.push({ header: `${c.label}: fil`, key: `${c.key}_file`, width: 24 }, { header: "side", key: `${c.key}_page`, width: 6 }, { header: "linje", key: `${c.key}_line`, width: 6 });
    } else {
      cols.push({ header: c.label, key: c.key, width: c.wide ? 60 : c.kind === "date" ? 14 : 18, style: c.kind === "date" ? { numFmt: "d. mmm yyyy" } : undefined });
    }
  }
  ws.columns = cols;
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of t.rows) {
    const row: Record<string, unknown> = {};
    for (const c of t.columns) {
      const v = r[c.key] ?? null;
      if (c.kind === "source") {
        const s = isSource(v) ? v : null;
        row[`${c.key}_file`] = s?.file ?? null;
        row[`${c.key}_page`] = s?.page ?? null;
        row[`${c.key}_line`] = s?.line ?? null;
      } else if (c.kind === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        row[c.key] = new Date(`${v}T00:00:00Z`);
      } else row[c.key] = v;
    }
    ws.addRow(row);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Renders to text or bytes; xlsx is binary. */
export async function render(t: Table, format: Format, opts: { maxWidth?: number } = {}): Promise<string | Buffer> {
  switch (format) {
    case "table":
      return renderTable(t, opts.maxWidth);
    case "json":
      return renderJson(t);
    case "csv":
      return renderCsv(t);
    case "md":
      return renderMarkdown(t);
    case "xlsx":
      return renderXlsx(t);
  }
}
