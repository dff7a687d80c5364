/**
 * Layout hints from line geometry (PDF text layers and OCR alike): which lines are set larger than
 * the body text (headings), where a paragraph break stands (a vertical gap clearly wider than the
 * line pitch), and how far a line is indented from the page's common left margin. Every measure is
 * relative to the document itself, so it holds for any font, size or line spacing.
 */
import type { PlacedLine, PlacedPage } from "./pdf-lines.ts";
import type { RawPage } from "./raw.ts";
import type { LayoutHints } from "./schema.ts";

/** A heading is set at least this much larger than the body text... */
const HEADING_RATIO = 1.12;
/** ...and at least this many points larger (tiny documents in 8 pt would otherwise qualify at 9 pt). */
const HEADING_MIN_STEP = 1;
/** Longer lines are text set large, not headings. */
const HEADING_MAX_CHARS = 160;
/** An indent smaller than this share of the body size is jitter, not layout. */
const INDENT_MIN_EM = 0.25;

export interface HintOptions {
  /**
   * Sizes and positions are estimates (OCR word boxes), not exact font sizes: the body size is
   * taken as a median rather than the most common value, and heading levels merge wider steps.
   */
  estimated?: boolean;
}

export function placedPagesToRaw(pages: PlacedPage[], options: HintOptions = {}): RawPage[] {
  const all = pages.flatMap((p) => p.lines);
  const body = options.estimated ? medianSize(all) : bodySize(all);
  const pitch = bodyPitch(pages, body);
  const levels = options.estimated ? headingLevels(all, body, 1.1, 1.5) : headingLevels(all, body, HEADING_RATIO, 0.75);
  const minIndent = INDENT_MIN_EM * body;
  // Estimated sizes come from box heights, which an underline inflates; a larger size must show in
  // the width of the letters as well.
  const widths = all.map((l) => l.charWidth).filter((w): w is number => w !== undefined).sort((a, b) => a - b);
  const bodyWidth = widths[Math.floor(widths.length / 2)];
  const widthAgrees = (l: PlacedLine) =>
    !options.estimated || l.charWidth === undefined || bodyWidth === undefined || l.charWidth >= 1.2 * bodyWidth;

  return pages.map((p) => {
    const margin = leftMargin(p.lines, all);
    const ordered = [...p.lines].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
    return {
      page: p.page,
      height: p.height,
      lines: ordered.map((l, i) => {
        const hints: LayoutHints = { fontSize: round1(l.size) };
        const level = levels(l.size);
        if (level && l.text.length <= HEADING_MAX_CHARS && widthAgrees(l)) hints.heading = level;
        if (l.bold) hints.bold = true;
        const prev = ordered[i - 1];
        // The first line of a page gets no gap: a page break usually falls inside a paragraph.
        if (prev && l.baseline - prev.baseline > gapThreshold(l.size, pitch)) hints.gapBefore = true;
        const indent = l.x - margin;
        if (indent >= minIndent) hints.indent = round1(indent);
        return { text: l.text, hints, line: i + 1, y: round1(l.top) };
      }),
    };
  });
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const sizeKey = (n: number) => Math.round(n * 2) / 2;

/** The size at the middle of all characters. */
function medianSize(lines: PlacedLine[]): number {
  const sorted = [...lines].sort((a, b) => a.size - b.size);
  const total = sorted.reduce((n, l) => n + l.text.length, 0);
  let seen = 0;
  for (const l of sorted) {
    seen += l.text.length;
    if (seen >= total / 2) return l.size;
  }
  return 12;
}

/** The size most characters are set in. */
function bodySize(lines: PlacedLine[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(sizeKey(l.size), (chars.get(sizeKey(l.size)) ?? 0) + l.text.length);
  let best = 0;
  let size = 12;
  for (const [s, n] of chars) if (n > best) [best, size] = [n, s];
  return size;
}

/**
 * Line pitch as a multiple of the body size: the tightest baseline distance that is common between
 * consecutive body lines (paragraph gaps are wider; in a document of one-line paragraphs they are
 * the most common distance, so the mode would mistake them for the pitch).
 */
function bodyPitch(pages: PlacedPage[], body: number): number {
  const list: number[] = [];
  for (const p of pages) {
    const ordered = [...p.lines].sort((a, b) => a.baseline - b.baseline);
    for (let i = 1; i < ordered.length; i++) {
      const a = ordered[i - 1]!;
      const b = ordered[i]!;
      if (Math.abs(a.size - body) > 0.1 * body || Math.abs(b.size - body) > 0.1 * body) continue;
      const d = b.baseline - a.baseline;
      if (d > 0.8 * body) list.push(d);
    }
  }
  if (list.length === 0) return 1.2;
  // A typed array sorts numbers natively, without a comparator call per step (the deltas are
  // positive finite numbers, for which both orders agree).
  const deltas = Float64Array.from(list).sort();
  const need = Math.max(2, Math.ceil(deltas.length * 0.15));
  // The smallest delta with at least `need` deltas within 0.1 em of it.
  for (let i = 0; i < deltas.length; i++) {
    let n = 0;
    for (let j = i; j < deltas.length && deltas[j]! - deltas[i]! <= 0.1 * body; j++) n++;
    if (n >= need) return deltas[i + Math.floor(n / 2)]! / body;
  }
  return deltas[0]! / body;
}

/**
 * A paragraph break: the baseline distance is over 1.5 line heights, and also clearly over the
 * document's own pitch (a document set with 1.5 line spacing has 1.75 em between every line).
 */
function gapThreshold(size: number, pitchRatio: number): number {
  return Math.max(1.5, pitchRatio + 0.3) * size;
}

/**
 * Sizes clearly larger than the body, largest first → heading levels 1..6. Sizes closer than
 * `merge` points are one level (exact fonts: 0.75; estimated sizes scatter more, so OCR uses a
 * wider merge and, since its body estimate is a median of exact-ish values, a slightly lower ratio).
 */
function headingLevels(
  lines: PlacedLine[],
  body: number,
  ratio: number,
  merge: number,
): (size: number) => number | undefined {
  const isHeading = (s: number) => s >= body * ratio && s - body >= HEADING_MIN_STEP;
  const sizes = [...new Set(lines.map((l) => round1(l.size)))].filter(isHeading).sort((a, b) => b - a);
  const levels = new Map<number, number>();
  let level = 0;
  let last = Infinity;
  for (const s of sizes) {
    if (last - s > merge) level++;
    levels.set(s, Math.min(level, 6));
    last = s;
  }
  return (size) => levels.get(round1(size));
}

/**
 * The page's common left margin: the leftmost x that several lines start at (a single stray line
 * further left, such as a hanging number, does not move it). Pages with too few lines use the
 * document's margin.
 */
function leftMargin(lines: PlacedLine[], all: PlacedLine[]): number {
  const pick = (ls: PlacedLine[]): number | undefined => {
    if (ls.length === 0) return undefined;
    const counts = new Map<number, number>();
    for (const l of ls) counts.set(Math.round(l.x), (counts.get(Math.round(l.x)) ?? 0) + 1);
    const need = Math.max(2, Math.ceil(ls.length * 0.1));
    const shared = [...counts].filter(([, n]) => n >= need).map(([x]) => x);
    return shared.length > 0 ? Math.min(...shared) - 0.5 : Math.min(...ls.map((l) => l.x));
  };
  return (lines.length >= 4 ? pick(lines) : undefined) ?? pick(all) ?? 0;
}
