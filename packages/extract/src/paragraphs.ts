/**
 * Rebuilds paragraphs and list points from layout lines: a PDF wraps sentences over lines,
 * a DOCX gives one line per paragraph, a text extracted from a PDF has both. A new paragraph
 * starts at a list marker, a gap, or a capitalised line after a short (not wrapped) line;
 * a line that starts in lower case continues what stood before it, even across a gap.
 */
import type { XLine } from "./lines.ts";
import { squash } from "./text.ts";

export interface Paragraph {
  lines: XLine[];
  /** The paragraph's text, layout breaks joined, list marker dropped. */
  text: string;
  /** The list marker of a list point ("•", "1.", "-"), or null for running text. */
  marker: string | null;
}

/** Typical length of a full (wrapped) line, so that a clearly shorter line ends its paragraph. */
export function fullLineLength(lines: XLine[]): number {
  const lengths = lines.map((l) => l.text.length).filter((n) => n > 20).sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return lengths[Math.floor(lengths.length * 0.8)] ?? 80;
}

const LOWER_START = /^[\p{Ll}(]/u;

export function startsParagraph(prev: XLine | null, l: XLine, fullLength: number): boolean {
  if (!prev) return true;
  if (l.marker) return true;
  if (LOWER_START.test(l.body)) return false;
  if (l.gapBefore) return true;
  if (l.heading !== null || prev.heading !== null) return true;
  // A text block that starts further in than the line before (text extracted from a PDF marks
  // a new block that way).
  if (l.indent > prev.indent && /^\p{Lu}/u.test(l.body)) return true;
  const prevShort = prev.text.length < fullLength * 0.72;
  if (prevShort) return true;
  // A full line that ends a sentence may still wrap into the next one; keep them together.
  return false;
}

export function buildParagraphs(lines: XLine[], fullLength: number): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: XLine[] = [];
  const flush = () => {
    if (cur.length === 0) return;
    out.push({ lines: cur, text: paragraphText(cur), marker: cur[0]!.marker });
    cur = [];
  };
  for (const l of lines) {
    if (startsParagraph(cur.at(-1) ?? null, l, fullLength)) flush();
    cur.push(l);
  }
  flush();
  return out;
}

export function paragraphText(lines: XLine[]): string {
  return squash(lines.map((l, j) => (j === 0 ? l.body : l.text)).join(" ")).trim();
}
