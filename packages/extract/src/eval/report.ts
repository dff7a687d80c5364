/**
 * The text report of an evaluation run: one row per document with every figure, then totals per
 * set, per set and format, per format and over everything; with --verbose, what did not match.
 */
import { DIFF_LEGEND, renderDiff } from "./diff.ts";
import type { DocResult, EvalReport } from "./run.ts";
import { FIGURES, precision, recall, type DocScore, type F1Counts } from "./score.ts";

export interface ReportOptions {
  verbose?: boolean;
}

const FIG_WIDTH = 6;

export function formatFigure(x: number | null): string {
  return x === null ? "–" : x.toFixed(2);
}

export function renderReport(report: EvalReport, options: ReportOptions = {}): string {
  const out: string[] = [];
  out.push(`minutes-eval v1 · extractor ${report.extractor ?? "(failed to load)"} · ${report.documents.length} documents`);
  if (report.extractorError) out.push(`The extractor failed to load: ${report.extractorError}`);
  out.push("");

  const docNames = report.documents.map((d) => displayName(d.document));
  const totalRows = totalsRows(report);
  const nameWidth = Math.max(8, ...docNames.map((n) => n.length), ...totalRows.map((r) => r.label.length));
  const setWidth = Math.max(3, ...report.documents.map((d) => d.set.length), ...totalRows.map((r) => r.set.length));
  const fmtWidth = Math.max(4, ...report.documents.map((d) => d.format.length));

  const head = (label: string, set: string, fmt: string) =>
    `${label.padEnd(nameWidth)}  ${set.padEnd(setWidth)}  ${fmt.padEnd(fmtWidth)}`;
  const figures = (s: DocScore) => FIGURES.map((f) => formatFigure(s.figures[f.name]).padStart(FIG_WIDTH)).join("");
  const header = head("document", "set", "fmt") + FIGURES.map((f) => f.label.padStart(FIG_WIDTH)).join("");
  out.push(header);
  out.push("─".repeat(header.length));

  report.documents.forEach((d, k) => {
    const lead = head(docNames[k]!, d.set, d.format);
    if (d.error) {
      const full = d.error.code === "load" && report.extractorError ? "(see above)" : d.error.message;
      const message = full.length > 90 ? `${full.slice(0, 89)}…` : full;
      out.push(`${lead}  ${d.error.stage} failed${d.error.code ? ` (${d.error.code})` : ""}: ${message}`);
    } else if (d.score) {
      out.push(lead + figures(d.score));
    }
  });
  if (report.documents.length === 0) out.push("(no documents selected)");

  if (totalRows.length > 0) {
    out.push("─".repeat(header.length));
    for (const r of totalRows) out.push(head(r.label, r.set, r.format) + figures(r.score));
  }

  out.push("");
  out.push(
    "F1 (micro over a total): items recs decs acts parts · dtext: mean sim of decisionText over matched items ·",
    "accuracy: outc (matched items) owner dline (matched actions) meet (5 fields per document) · –: nothing to measure.",
  );
  const failed = report.documents.filter((d) => d.status === "failed");
  if (failed.length > 0) {
    const unscored = failed.filter((d) => d.score === null).length;
    out.push(
      `${failed.length} of ${report.documents.length} documents failed; in the totals they count as empty predictions` +
        (unscored > 0 ? ` (${unscored} with unreadable gold are left out).` : "."),
    );
  }
  for (const s of report.skipped) out.push(`Skipped set "${s.set}" (${s.entries} documents): ${s.reason}.`);

  if (options.verbose) {
    out.push("");
    out.push("Counts of the totals (tp/fp/fn, precision, recall):");
    for (const r of totalRows) {
      out.push(`  ${r.label} ${r.set} ${r.format}`.trimEnd());
      out.push(`    ${countsLine(r.score)}`);
    }
    out.push("");
    out.push(`Differences per document. ${DIFF_LEGEND}`);
    report.documents.forEach((d, k) => {
      out.push("");
      out.push(`━━ ${docNames[k]}  (gold ${d.gold})`);
      if (d.ingestWarnings.length > 0) out.push(`ingest warnings: ${[...new Set(d.ingestWarnings)].join(", ")}`);
      if (d.error) {
        out.push(`${d.error.stage} failed${d.error.code ? ` (${d.error.code})` : ""}: ${d.error.message}`);
        if (d.error.at) out.push(`  at ${d.error.at}`);
        return;
      }
      if (!d.diff) return;
      const lines = renderDiff(d.diff);
      if (lines.length === 0) out.push("(matches gold on every figure)");
      else out.push(...lines);
    });
  }
  return out.join("\n") + "\n";
}

interface TotalRow {
  label: string;
  set: string;
  format: string;
  score: DocScore;
}

function totalsRows(report: EvalReport): TotalRow[] {
  const rows: TotalRow[] = [];
  const failedIn = (pred: (d: DocResult) => boolean) =>
    report.documents.filter((d) => pred(d) && d.status === "failed" && d.score !== null).length;
  const label = (s: DocScore, failed: number) => `total ${s.documents}${failed ? ` (${failed} failed)` : ""}`;
  const sets = Object.entries(report.totals.sets);
  for (const [set, t] of sets) {
    const formats = Object.entries(t.formats);
    if (formats.length > 1) {
      for (const [format, s] of formats) {
        rows.push({ label: label(s, failedIn((d) => d.set === set && d.format === format)), set, format, score: s });
      }
    }
    rows.push({ label: label(t.all, failedIn((d) => d.set === set)), set, format: "*", score: t.all });
  }
  if (sets.length > 1) {
    const formats = Object.entries(report.totals.formats);
    if (formats.length > 1) {
      for (const [format, s] of formats) {
        rows.push({ label: label(s, failedIn((d) => d.format === format)), set: "*", format, score: s });
      }
    }
    rows.push({ label: label(report.totals.all, failedIn(() => true)), set: "*", format: "*", score: report.totals.all });
  }
  return rows;
}

function countsLine(s: DocScore): string {
  const parts: string[] = [];
  for (const f of FIGURES) {
    const c = s.counts[f.name];
    if (f.kind === "f1") {
      const k = c as F1Counts;
      parts.push(`${f.label} ${k.tp}/${k.fp}/${k.fn} P ${formatFigure(precision(k))} R ${formatFigure(recall(k))}`);
    } else if (f.kind === "accuracy") {
      const k = c as { correct: number; total: number };
      parts.push(`${f.label} ${k.correct}/${k.total}`);
    } else {
      const k = c as { sum: number; n: number };
      parts.push(`${f.label} ${k.sum.toFixed(2)}/${k.n}`);
    }
  }
  return parts.join(" · ");
}

/** "fixtures/seeds/000.txt" → "seeds/000.txt". */
export function displayName(document: string): string {
  return document.replace(/^(\.\/)?fixtures\//, "");
}
