/**
 * Normalisation shared by every format. Text files are often text once extracted from a PDF, so
 * they get the same treatment as PDFs:
 *  1. characters: NFC, soft hyphens, odd spaces and control characters out, trailing spaces off;
 *     leading white space becomes hints.indent (text only; a PDF reader measures it in points);
 *  2. blank lines go, the line after them gets gapBefore;
 *  3. running headers/footers and page numbers go (headers.ts);
 *  4. line-end hyphenation is undone across blank lines and page breaks (hyphens.ts);
 *  5. list markers are noted in hints.listMarker where the reader did not set one.
 * Line numbers stay the source's own: text line N is line N whatever was removed around it.
 */
import { cleanLine } from "./clean.ts";
import { removeHeadersFooters } from "./headers.ts";
import { joinHyphenation } from "./hyphens.ts";
import { buildLexicon } from "./lexicon.ts";
import { listMarkerOf } from "./list-marker.ts";
import type { RawPage } from "./raw.ts";
import type { LayoutHints, Line } from "./schema.ts";

export interface NormalizeResult {
  lines: Line[];
  removedHeaderFooterLines: number;
  joinedHyphens: number;
}

interface WorkLine {
  page: number;
  line: number;
  text: string;
  hints: LayoutHints;
  y?: number;
  softHyphenEnd?: boolean;
}

export function normalizePages(pages: RawPage[], opts: { fromPdf: boolean }): NormalizeResult {
  // 1–2: clean characters, drop blank lines.
  const cleaned: { page: number; lines: WorkLine[]; height?: number }[] = [];
  for (const p of pages) {
    const lines: WorkLine[] = [];
    let gap = false;
    for (let i = 0; i < p.lines.length; i++) {
      const raw = p.lines[i]!;
      const c = cleanLine(raw.text);
      if (c.text === "") {
        gap = true;
        continue;
      }
      // A copy: the reader's hints stay as read; this one is the line's own from here on.
      const hints: LayoutHints = { ...raw.hints };
      // A PDF reader measures indent in points from geometry; leading spaces in its text are noise.
      if (hints.indent === undefined && c.indent > 0 && !opts.fromPdf) hints.indent = c.indent;
      if (gap) hints.gapBefore = true;
      gap = false;
      const w: WorkLine = { page: p.page, line: raw.line ?? i + 1, text: c.text, hints };
      if (raw.y !== undefined) w.y = raw.y;
      if (c.softHyphenEnd) w.softHyphenEnd = true;
      lines.push(w);
    }
    cleaned.push(p.height !== undefined ? { page: p.page, lines, height: p.height } : { page: p.page, lines });
  }

  // 3: headers, footers, page numbers.
  const { pages: kept, removed } = removeHeadersFooters(cleaned);

  // 4: hyphenation, over the whole document so that a word may continue on the next page. The
  // lexicon reads the texts as they are before any join.
  const flat: WorkLine[] = [];
  const texts: string[] = [];
  for (const p of kept) {
    for (const l of p.lines) {
      flat.push(l);
      texts.push(l.text);
    }
  }
  const { lines: joinedLines, joined } = joinHyphenation(flat, buildLexicon(texts));

  // 5: list markers, and the public line shape. The hints object is the line's own copy (step 1).
  const lines: Line[] = [];
  for (const w of joinedLines) {
    const hints = w.hints;
    if (hints.listMarker === undefined) {
      const marker = listMarkerOf(w.text);
      if (marker !== undefined) hints.listMarker = marker;
    }
    if (hints.gapBefore === false) delete hints.gapBefore;
    lines.push({ page: w.page, line: w.line, text: w.text, hints });
  }
  return { lines, removedHeaderFooterLines: removed, joinedHyphens: joined };
}
