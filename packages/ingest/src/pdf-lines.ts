/**
 * Rebuilds reading lines from pdfjs text items. pdfjs' hasEOL is not enough: when the font changes
 * at a line end the break sits on a following empty item, and items of one visual line can come
 * in any order. So lines are rebuilt from geometry: items whose baselines agree form a line,
 * sorted by x, with a space wherever the gap between two items is as wide as a word space.
 */

/** One text run in page coordinates: x to the right, y downwards from the top of the page (points). */
export interface PlacedItem {
  str: string;
  x: number;
  baseline: number;
  /** Length along the baseline. */
  width: number;
  /** Font size (text height) in points. */
  size: number;
}

/** A rebuilt line with the geometry that layout hints are computed from. */
export interface PlacedLine {
  text: string;
  /** Left edge of the first glyph. */
  x: number;
  /** Top of the line (baseline minus the font size), for header/footer detection. */
  top: number;
  baseline: number;
  /** The size that most of the line's characters are set in. */
  size: number;
  /**
   * Mean advance per character (OCR only). Word-box heights grow with underlines (links), widths do
   * not: a heading estimated from heights must be set wider too.
   */
  charWidth?: number;
  /** Set when the line's text was drawn twice at nearly the same place (the "fake bold" of some writers). */
  bold?: boolean;
}

export interface PlacedPage {
  page: number;
  width: number;
  height: number;
  lines: PlacedLine[];
}

/** Fraction of the font size that separates two baselines of one line (superscripts sit ~0.33 em up). */
const BASELINE_TOLERANCE = 0.5;
/** A gap wider than this fraction of the font size is a word space (spaces are ~0.25–0.33 em). */
const SPACE_GAP = 0.15;

export function itemsToLines(items: PlacedItem[]): PlacedLine[] {
  const visible = items.filter((it) => it.str.length > 0 && it.size > 0);
  visible.sort((a, b) => a.baseline - b.baseline || a.x - b.x);

  // Group by baseline. The reference baseline is the one of the largest item seen so far, so a
  // superscript that sorts first does not drag the line's baseline away from the body text.
  const groups: { ref: number; refSize: number; items: PlacedItem[] }[] = [];
  for (const it of visible) {
    const g = groups.at(-1);
    if (g && Math.abs(it.baseline - g.ref) <= BASELINE_TOLERANCE * Math.max(it.size, g.refSize)) {
      g.items.push(it);
      if (it.size > g.refSize && it.str.trim() !== "") {
        g.ref = it.baseline;
        g.refSize = it.size;
      }
    } else {
      groups.push({ ref: it.baseline, refSize: it.size, items: [it] });
    }
  }

  const lines: PlacedLine[] = [];
  for (const g of groups) {
    const line = joinItems(g.items, g.ref);
    if (line) lines.push(line);
  }
  return lines;
}

function joinItems(items: PlacedItem[], baseline: number): PlacedLine | null {
  items.sort((a, b) => a.x - b.x);
  let text = "";
  let end = -Infinity;
  let prev: PlacedItem | undefined;
  let bold = false;
  const sizeChars = new Map<number, number>();
  let first: PlacedItem | undefined;
  for (const it of items) {
    // Fake bold and shadows: the same run drawn again a fraction of a point to the right.
    if (prev && it.str === prev.str && Math.abs(it.x - prev.x) < 0.2 * it.size) {
      bold = true;
      continue;
    }
    const isBlank = it.str.trim() === "";
    if (!first && isBlank) continue;
    if (prev) {
      const gap = it.x - end;
      const hasSpace = /\s$/.test(text) || /^\s/.test(it.str);
      if (!hasSpace && gap > SPACE_GAP * Math.min(it.size, prev.size)) text += " ";
    }
    text += it.str;
    end = Math.max(end, it.x + it.width);
    prev = it;
    first ??= it;
    if (!isBlank) {
      const size = Math.round(it.size * 2) / 2;
      sizeChars.set(size, (sizeChars.get(size) ?? 0) + it.str.length);
    }
  }
  text = text.replace(/\s+/g, " ").trim();
  if (!first || text === "") return null;
  let size = first.size;
  let best = -1;
  for (const [s, n] of sizeChars) {
    if (n > best || (n === best && s > size)) {
      best = n;
      size = s;
    }
  }
  return { text, x: first.x, top: baseline - size, baseline, size, ...(bold ? { bold: true } : {}) };
}
