/** MINIMAL PLACEHOLDER — to be replaced: running headers/footers, page numbers, line-end hyphenation. */
import type { RawPage } from "./raw.ts";
import type { Line } from "./schema.ts";

export interface NormalizeResult {
  lines: Line[];
  removedHeaderFooterLines: number;
  joinedHyphens: number;
}

export function normalizePages(pages: RawPage[], _opts: { fromPdf: boolean }): NormalizeResult {
  const lines: Line[] = [];
  for (const p of pages) {
    let gap = false;
    p.lines.forEach((raw, i) => {
      const text = raw.text.replace(/\u00ad/g, "").replace(/[\u00a0\t]/g, " ").replace(/\s+$/, "");
      if (text.trim() === "") {
        gap = true;
        return;
      }
      lines.push({ page: p.page, line: raw.line ?? i + 1, text, hints: { ...raw.hints, ...(gap ? { gapBefore: true } : {}) } });
      gap = false;
    });
  }
  return { lines, removedHeaderFooterLines: 0, joinedHyphens: 0 };
}
