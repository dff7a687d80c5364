/**
 * mammoth's document model → raw pages: one line per paragraph (and per soft line break in
 * it), list numbers and heading levels from the markers docx-annotate.ts put in, one line per
 * table row, footnotes at the end. See docx.ts for what counts as a page.
 */
import { isSpace } from "./char-class.ts";
import { extractMarks, type ParagraphMark } from "./docx-annotate.ts";
import { formatNumber } from "./docx-numbering.ts";
import type { RawLine, RawPage } from "./raw.ts";
import type { LayoutHints } from "./schema.ts";

export function bodyToPages(model: MNode): RawPage[] {
  const builder = new PageBuilder();
  const walker = new BodyWalker(builder, model);
  walker.blocks(model.children ?? []);
  walker.notes();
  return builder.finish();
}

/** mammoth's document model (lib/documents.js), as far as it is read here. */
export interface MNode {
  type: string;
  children?: MNode[];
  value?: string;
  breakType?: string;
  isBold?: boolean;
  checked?: boolean;
  noteType?: string;
  noteId?: string;
  numbering?: { isOrdered: boolean; level: string | number } | null;
  notes?: { findNoteByKey?: (key: string) => MNode | undefined; _notes?: Record<string, MNode> };
  body?: MNode[];
}

class PageBuilder {
  private readonly pages: RawPage[] = [];
  private current: RawLine[] = [];

  add(text: string, hints: LayoutHints): void {
    this.current.push({ text, hints, line: this.current.length + 1 });
  }

  /** A forced page break; a break on an empty page (consecutive breaks, a break at the top) is dropped. */
  pageBreak(): void {
    if (this.current.length === 0) return;
    this.pages.push({ page: this.pages.length + 1, lines: this.current });
    this.current = [];
  }

  finish(): RawPage[] {
    if (this.current.length > 0 || this.pages.length === 0) this.pages.push({ page: this.pages.length + 1, lines: this.current });
    this.current = [];
    return this.pages;
  }
}

interface Segment {
  text: string;
  boldChars: number;
  plainChars: number;
  /** A page break stands before this segment. */
  pageBreak: boolean;
}

/** A paragraph split at soft line breaks and page breaks, with bold tracked per line. */
interface ParagraphContent {
  segments: Segment[];
  nested: MNode[];
}

class BodyWalker {
  private readonly noteRefs: MNode[] = [];

  constructor(
    private readonly out: PageBuilder,
    private readonly doc: MNode,
  ) {}

  blocks(nodes: MNode[]): void {
    for (const node of nodes) {
      if (node.type === "paragraph") this.paragraph(node);
      else if (node.type === "table") this.table(node);
      else if (node.children) this.blocks(node.children);
    }
  }

  private paragraph(p: MNode): void {
    const content = this.collect(p);
    let mark: ParagraphMark = {};
    for (const s of content.segments) {
      const { text, mark: m } = extractMarks(s.text);
      s.text = text;
      if (m.heading !== undefined || m.list || m.pageBreakBefore) mark = m;
    }
    // A list paragraph whose numbering we could not rebuild: mammoth still knows it is a bullet.
    if (!mark.list && p.numbering && !p.numbering.isOrdered) {
      mark.list = { marker: "•", ordered: false, level: Number(p.numbering.level) || 0 };
    }
    if (mark.pageBreakBefore) this.out.pageBreak();
    let first = true;
    for (const s of content.segments) {
      if (s.pageBreak) this.out.pageBreak();
      let text = cleanText(s.text);
      if (text === "") continue;
      const hints: LayoutHints = {};
      if (first) {
        hints.gapBefore = true;
        if (mark.list) {
          text = `${mark.list.marker} ${text}`;
          hints.listMarker = mark.list.marker;
          hints.listLevel = mark.list.level;
        }
      }
      if (mark.heading !== undefined) hints.heading = mark.heading;
      if (s.boldChars > 0 && s.plainChars === 0) hints.bold = true;
      this.out.add(text, hints);
      first = false;
    }
    this.blocks(content.nested);
  }

  private collect(p: MNode): ParagraphContent {
    const segments: Segment[] = [{ text: "", boldChars: 0, plainChars: 0, pageBreak: false }];
    const nested: MNode[] = [];
    const cur = () => segments[segments.length - 1]!;
    const walk = (node: MNode, bold: boolean): void => {
      switch (node.type) {
        case "text": {
          const v = node.value ?? "";
          cur().text += v;
          const visible = visibleLength(v);
          if (bold) cur().boldChars += visible;
          else cur().plainChars += visible;
          return;
        }
        case "tab":
          cur().text += "\t";
          return;
        case "break":
          segments.push({ text: "", boldChars: 0, plainChars: 0, pageBreak: node.breakType === "page" });
          return;
        case "checkbox":
          cur().text += node.checked ? "☒ " : "☐ ";
          return;
        case "noteReference":
          this.noteRefs.push(node);
          return;
        case "paragraph":
        case "table":
          // A text box inside a run: its paragraphs follow this one.
          nested.push(node);
          return;
        case "run":
          for (const c of node.children ?? []) walk(c, !!node.isBold);
          return;
        default:
          for (const c of node.children ?? []) walk(c, bold);
      }
    };
    for (const c of p.children ?? []) walk(c, false);
    return { segments, nested };
  }

  /**
   * One line per row, cells joined " | ". Tables used only for layout are read as text
   * instead: a single-column table (a framed box), or a row whose cells hold whole sections
   * (several paragraphs, headings, lists) — joining those into one line would bury
   * headings and list items that segmentation needs.
   */
  private table(t: MNode): void {
    const rows = (t.children ?? []).filter((r) => r.type === "tableRow");
    const cellsOf = (r: MNode) => (r.children ?? []).filter((c) => c.type === "tableCell");
    const singleColumn = rows.every((r) => cellsOf(r).length <= 1);
    let firstRow = true;
    for (const row of rows) {
      const cells = cellsOf(row);
      if (singleColumn || cells.some(isLayoutCell)) {
        for (const c of cells) this.blocks(c.children ?? []);
        firstRow = true;
        continue;
      }
      const texts = cells.map((c) => cellText(c));
      if (texts.every((x) => x === "")) continue;
      const hints: LayoutHints = { tableRow: true };
      if (firstRow) hints.gapBefore = true;
      this.out.add(texts.join(" | "), hints);
      firstRow = false;
    }
  }

  /** Footnotes and endnotes go after the body, in the order they are referenced, as "[n] text". */
  notes(): void {
    const notes = this.doc.notes;
    const counters: Record<string, number> = {};
    for (const ref of this.noteRefs) {
      const key = `${ref.noteType}-${ref.noteId}`;
      const note = notes?.findNoteByKey?.(key) ?? notes?._notes?.[key];
      if (!note) continue;
      const n = (counters[ref.noteType ?? ""] = (counters[ref.noteType ?? ""] ?? 0) + 1);
      const label = ref.noteType === "endnote" ? formatNumber(n, "lowerRoman") : String(n);
      const texts = blockTexts(note.body ?? []);
      texts.forEach((text, i) => this.out.add(i === 0 ? `[${label}] ${text}` : text, { gapBefore: i === 0 }));
    }
  }
}

function isLayoutCell(cell: MNode): boolean {
  const blocks = cell.children ?? [];
  const paragraphs = blocks.filter((b) => b.type === "paragraph" && cleanText(plainText(b)) !== "");
  if (paragraphs.length >= 3) return true;
  return blocks.some((b) => {
    if (b.type === "table") return true;
    const { mark } = extractMarks(plainText(b));
    return mark.heading !== undefined || mark.pageBreakBefore === true;
  });
}

/** A cell's text on one line: paragraphs joined by a space, list numbers kept. */
function cellText(cell: MNode): string {
  return blockTexts(cell.children ?? []).join(" ");
}

function blockTexts(blocks: MNode[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === "table") {
      for (const row of b.children ?? []) out.push((row.children ?? []).map((c) => cellText(c)).join(" | "));
      continue;
    }
    const { text, mark } = extractMarks(plainText(b));
    const clean = cleanText(text);
    if (clean === "") continue;
    out.push(mark.list ? `${mark.list.marker} ${clean}` : clean);
  }
  return out;
}

function plainText(node: MNode): string {
  if (node.type === "text") return node.value ?? "";
  if (node.type === "tab") return "\t";
  if (node.type === "break") return " ";
  if (node.type === "checkbox") return node.checked ? "☒ " : "☐ ";
  return (node.children ?? []).map(plainText).join("");
}

/**
 * Characters that print: v.replace(/\s|\uE000[^\uE001]*\uE001/g, "").length without building the
 * string. White space does not count, nor a marker (docx-annotate.ts) from its opening character
 * to the first closing one; an opening character without a closing one counts.
 */
function visibleLength(v: string): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === 0xe000) {
      const close = v.indexOf("\uE001", i + 1);
      if (close >= 0) {
        i = close;
        continue;
      }
    }
    n++;
  }
  return n;
}

/** Characters cleanText replaces; most paragraphs have none, and then only trimming is left. */
const TO_CLEAN = /[\u00ad\u2011\uE000\uE001]/;

/** Soft hyphens are invisible unless Word breaks there; a non-breaking hyphen prints as "-". */
function cleanText(s: string): string {
  if (!TO_CLEAN.test(s)) return s.trim();
  return s
    .replace(/\u00ad/g, "")
    .replace(/\u2011/g, "-")
    .replace(/[\uE000\uE001]/g, "")
    .trim();
}
