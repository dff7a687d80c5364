/**
 * DOCX → raw pages. mammoth reads the body (runs, fields, hyperlinks, tracked insertions,
 * tables, text boxes); its document model (not its HTML) is walked here, because the model
 * keeps soft line breaks, page breaks and bold runs that HTML would blur. What mammoth loses —
 * Word's printed list numbers, outline levels, page breaks set as paragraph properties — is
 * computed from the package XML beforehand and carried through mammoth inside each paragraph
 * (see docx-annotate.ts).
 *
 * Pages: a DOCX has no pages until Word lays it out, so everything is page 1 except where the
 * author forced a break: w:br w:type="page", "page break before" (direct or from the style) and
 * section breaks that start a new page. w:lastRenderedPageBreak is ignored: it records where
 * some earlier renderer happened to break, is missing from generated files and goes stale
 * with every edit. Consecutive breaks do not produce empty pages. Line numbers count the
 * emitted lines within each page.
 */
import { zipSync, type Zippable } from "fflate";
import { annotateDocument, extractMarks, type ParagraphMark } from "./docx-annotate.ts";
import { formatNumber, parseNumbering, parseStyles } from "./docx-numbering.ts";
import type { RawLine, RawPage, ReadOptions, ReadResult } from "./raw.ts";
import { IngestError, type LayoutHints } from "./schema.ts";
import { listZip, readZipEntry, type ZipEntry } from "./zip.ts";
import { parseXml, type XmlElement } from "./xml.ts";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export async function readDocx(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const file = options.file;
  const parts = unpack(bytes, file);
  const mainPath = findMainDocument(parts, file);
  const related = (type: string, fallback: string) => relatedPart(parts, mainPath, type) ?? fallback;
  const stylesPath = related("styles", "word/styles.xml");
  const numberingPath = related("numbering", "word/numbering.xml");

  const documentXml = xmlText(parts.get(mainPath)!);
  let annotated: string;
  try {
    const styles = parseStyles(optionalXml(parts, stylesPath, file));
    const numbering = parseNumbering(optionalXml(parts, numberingPath, file));
    annotated = annotateDocument(documentXml, parseXml(documentXml), styles, numbering);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError("corrupt", `${file}: damaged Word document (${mainPath}: ${errorText(err)})`, file, { cause: err });
  }
  parts.set(mainPath, new TextEncoder().encode(annotated));

  // mammoth gets a package rebuilt from the checked entries (stored, not compressed): it never
  // sees the original zip, so it cannot be made to inflate more than we allowed.
  const zippable: Zippable = {};
  for (const [name, data] of parts) zippable[name] = [data, { level: 0 }];
  const repacked = zipSync(zippable);

  const mammoth = (await import("mammoth")).default;
  let model: MNode | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      {
        // The model is all we need; hand mammoth an empty body so it renders no HTML.
        transformDocument: (doc: MNode) => {
          model = doc;
          return { ...doc, children: [] };
        },
      },
    );
  } catch (err) {
    throw new IngestError("corrupt", `${file}: damaged Word document (${errorText(err)})`, file, { cause: err });
  }
  if (!model) throw new IngestError("corrupt", `${file}: mammoth returned no document`, file);

  const builder = new PageBuilder();
  const walker = new BodyWalker(builder, model);
  walker.blocks(model.children ?? []);
  walker.notes();
  const pages = builder.finish();
  if (pages.length > options.maxPages) {
    throw new IngestError("too-large", `${file}: ${pages.length} pages is over the limit of ${options.maxPages}`, file);
  }
  return { format: "docx", pages, warnings: [], meta: {} };
}

/** Inflates every part mammoth may read; images and embedded objects are left empty (never read). */
function unpack(bytes: Uint8Array, file: string): Map<string, Uint8Array> {
  const entries: ZipEntry[] = listZip(bytes, file);
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const skip = /^word\/(media|embeddings)\//i.test(e.name) || /\.(png|jpe?g|gif|emf|wmf|tiff?|bmp|bin)$/i.test(e.name);
    parts.set(e.name, skip ? new Uint8Array(0) : readZipEntry(bytes, e, file));
  }
  return parts;
}

function findMainDocument(parts: Map<string, Uint8Array>, file: string): string {
  const fromRels = relationshipTargets(parts, "", "_rels/.rels", "officeDocument").find((p) => parts.has(p));
  const main = fromRels ?? "word/document.xml";
  if (!parts.has(main)) {
    throw new IngestError("corrupt", `${file}: a zip without word/document.xml is not a Word document`, file);
  }
  return main;
}

function relatedPart(parts: Map<string, Uint8Array>, mainPath: string, type: string): string | undefined {
  const dir = mainPath.includes("/") ? mainPath.slice(0, mainPath.lastIndexOf("/") + 1) : "";
  const relsPath = `${dir}_rels/${mainPath.slice(dir.length)}.rels`;
  return relationshipTargets(parts, dir, relsPath, type).find((p) => parts.has(p));
}

function relationshipTargets(parts: Map<string, Uint8Array>, baseDir: string, relsPath: string, type: string): string[] {
  const data = parts.get(relsPath);
  if (!data) return [];
  let root: XmlElement;
  try {
    root = parseXml(xmlText(data));
  } catch {
    return []; // mammoth falls back to the default part names too
  }
  const rels = root.children.find((c) => c.name.endsWith("Relationships"));
  return (rels?.children ?? [])
    .filter((r) => r.attrs["Type"] === REL + type && r.attrs["TargetMode"] !== "External")
    .map((r) => resolvePath(baseDir, r.attrs["Target"] ?? ""));
}

function resolvePath(baseDir: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : baseDir + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

function optionalXml(parts: Map<string, Uint8Array>, path: string, file: string): XmlElement | undefined {
  const data = parts.get(path);
  if (!data) return undefined;
  try {
    return parseXml(xmlText(data));
  } catch (err) {
    throw new IngestError("corrupt", `${file}: damaged Word document (${path}: ${errorText(err)})`, file, { cause: err });
  }
}

/** Package parts are UTF-8 unless they start with a UTF-16 byte order mark. */
function xmlText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
  return new TextDecoder("utf-8").decode(data);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------
// mammoth's document model (lib/documents.js), as far as it is read here.

interface MNode {
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

/** Splits the text of a paragraph at soft line breaks and page breaks, tracking bold per line. */
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
          const visible = v.replace(/\s|\uE000[^\uE001]*\uE001/g, "").length;
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

/** Soft hyphens are invisible unless Word breaks there; a non-breaking hyphen prints as "-". */
function cleanText(s: string): string {
  return s
    .replace(/\u00ad/g, "")
    .replace(/\u2011/g, "-")
    .replace(/[\uE000\uE001]/g, "")
    .trim();
}
