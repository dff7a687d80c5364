/**
 * Rebuilds reading lines from pdfjs text items. pdfjs' hasEOL is not enough: when the font changes
 * at a line end the break sits on a following empty item, and items of one visual line can come
 * in any order. So lines are rebuilt from geometry: items whose baselines agree form a line,
 * sorted by x, with a space wherever the gap between two items is as wide as a word space.
 */
import { isSpace } from "./char-class.ts";

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
  let g: { ref: number; refSize: number; items: PlacedItem[] } | undefined;
  for (const it of visible) {
    if (g && Math.abs(it.baseline - g.ref) <= BASELINE_TOLERANCE * Math.max(it.size, g.refSize)) {
      g.items.push(it);
      if (it.size > g.refSize && !isBlank(it.str)) {
        g.ref = it.baseline;
        g.refSize = it.size;
      }
    } else {
      g = { ref: it.baseline, refSize: it.size, items: [it] };
      groups.push(g);
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
  if (items.length > 1) items.sort((a, b) => a.x - b.x);
  let text = "";
  // Whether text ends in white space (/\s$/), kept up to date instead of testing the growing string.
  let endsInSpace = false;
  let end = -Infinity;
  let prev: PlacedItem | undefined;
  let bold = false;
  // Characters per size (rounded to half points), in order of first appearance: a line has one
  // size or a few, so two small arrays do what a Map would.
  const sizes: number[] = [];
  const chars: number[] = [];
  let first: PlacedItem | undefined;
  for (const it of items) {
    // Fake bold and shadows: the same run drawn again a fraction of a point to the right.
    if (prev && it.str === prev.str && Math.abs(it.x - prev.x) < 0.2 * it.size) {
      bold = true;
      continue;
    }
    const blank = isBlank(it.str);
    if (!first && blank) continue;
    if (prev) {
      const gap = it.x - end;
      const hasSpace = endsInSpace || isSpace(it.str.charCodeAt(0));
      if (!hasSpace && gap > SPACE_GAP * Math.min(it.size, prev.size)) text += " ";
    }
    text += it.str;
    endsInSpace = isSpace(it.str.charCodeAt(it.str.length - 1));
    end = Math.max(end, it.x + it.width);
    prev = it;
    first ??= it;
    if (!blank) {
      const size = Math.round(it.size * 2) / 2;
      const k = sizes.indexOf(size);
      if (k >= 0) chars[k]! += it.str.length;
      else {
        sizes.push(size);
        chars.push(it.str.length);
      }
    }
  }
  if (UNTIDY.test(text)) text = text.replace(/\s+/g, " ").trim();
  if (!first || text === "") return null;
  let size = first.size;
  let best = -1;
  for (let k = 0; k < sizes.length; k++) {
    const s = sizes[k]!;
    const n = chars[k]!;
    if (n > best || (n === best && s > size)) {
      best = n;
      size = s;
    }
  }
  const line: PlacedLine = { text, x: first.x, top: baseline - size, baseline, size };
  if (bold) line.bold = true;
  return line;
}

/** str.trim() === "" without the copy: every character white space. */
function isBlank(str: string): boolean {
  for (let i = 0; i < str.length; i++) if (!isSpace(str.charCodeAt(i))) return false;
  return true;
}

/**
 * Text that text.replace(/\s+/g, " ").trim() would change: white space at either end, two in a
 * row, or any other than a plain space. Most lines have none; testing is cheaper than replacing.
 */
const UNTIDY = /\s\s|[^\S ]|^\s|\s$/;
