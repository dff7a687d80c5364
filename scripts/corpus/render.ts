/**
 * Shared renderers of a small block model to PDF (PDFKit), DOCX (`docx`) and text.
 *
 * Used by scripts/make-extract-fixtures.ts (hand-written fixtures, from a line markup) and by the
 * corpus generator (scripts/corpus/, blocks built directly). The fixtures' output must not change:
 * every option below defaults to what the fixtures were rendered with.
 *
 * parseMarkup reads the line markup described at the top of scripts/make-extract-fixtures.ts.
 */
import { createWriteStream, writeFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import PDFDocument from "pdfkit";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LeaderType,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";

export const FONT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
export const FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// ---------------------------------------------------------------------------------------------
// blocks and markup

export type Block =
  | {
      kind: "title" | "h1" | "h2" | "label" | "para" | "bullet" | "num";
      text: string;
      tight: boolean;
      /** Headings: the item number, printed before the text, or made by Word numbering (docx autoNumber). */
      num?: string;
      /** bullet only: the marker printed in PDF and text (default "•"). */
      marker?: string;
    }
  | { kind: "table"; rows: string[][]; header: boolean; tight: boolean }
  | { kind: "toc"; level: 1 | 2; text: string; page: string; tight: boolean }
  | { kind: "pagebreak"; tight: boolean };

export interface Parsed {
  directives: Map<string, string>;
  blocks: Block[];
}

export function parseMarkup(source: string): Parsed {
  const directives = new Map<string, string>();
  const blocks: Block[] = [];
  let afterBlank = true;
  for (const raw of source.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (line === "") {
      afterBlank = true;
      continue;
    }
    const tight = !afterBlank;
    afterBlank = false;
    const directive = /^%(\w+)\s*(.*)$/.exec(line);
    if (directive) {
      directives.set(directive[1] ?? "", directive[2] ?? "");
      continue;
    }
    if (line === "---") {
      blocks.push({ kind: "pagebreak", tight });
      continue;
    }
    const heading = /^(#{1,4}) (.*)$/.exec(line);
    if (heading) {
      const kinds = ["title", "h1", "h2", "label"] as const;
      blocks.push({ kind: kinds[(heading[1] ?? "#").length - 1] ?? "para", text: heading[2] ?? "", tight });
      continue;
    }
    if (line.startsWith("|")) {
      const header = line.startsWith("|=");
      const cells = line
        .replace(/^\|=?/, "")
        .replace(/\|$/, "")
        .split("|")
        .map((c) => c.trim());
      const last = blocks[blocks.length - 1];
      if (last && last.kind === "table" && tight) last.rows.push(cells);
      else blocks.push({ kind: "table", rows: [cells], header, tight });
      continue;
    }
    const toc = /^@toc(2?) (.*)\t(\S+)$/.exec(line);
    if (toc) {
      blocks.push({ kind: "toc", level: toc[1] === "2" ? 2 : 1, text: toc[2] ?? "", page: toc[3] ?? "", tight });
      continue;
    }
    if (line.startsWith("- ")) {
      blocks.push({ kind: "bullet", text: line.slice(2), tight });
      continue;
    }
    if (/^\d+\. /.test(line)) {
      blocks.push({ kind: "num", text: line, tight });
      continue;
    }
    blocks.push({ kind: "para", text: line, tight });
  }
  return { directives, blocks };
}

export function fillPageFields(template: string, page: number, pages: number): string {
  return template.replace("{page}", String(page)).replace("{pages}", String(pages));
}

/** The printed text of a heading: its number (if kept apart) and its text. */
export function headingText(block: { text: string; num?: string }): string {
  return block.num ? `${block.num} ${block.text}` : block.text;
}

// ---------------------------------------------------------------------------------------------
// wrapping with line-end hyphenation

const VOWELS = new Set([..."aeiouyæøåéAEIOUYÆØÅÉ"]);

/** Candidate hyphenation points of a plain word: before a consonant that is followed by a vowel. */
export function hyphenPoints(word: string): number[] {
  const core = /^(\p{L}+)[.,;:]?$/u.exec(word)?.[1];
  if (!core || core.length < 8) return [];
  const points: number[] = [];
  for (let i = 3; i <= core.length - 3; i++) {
    const c = core[i] ?? "";
    const next = core[i + 1] ?? "";
    if (!VOWELS.has(c) && VOWELS.has(next) && [...core.slice(0, i)].some((ch) => VOWELS.has(ch))) points.push(i);
  }
  return points;
}

/** Greedy wrapping; a word that does not fit is hyphenated at its last point that fits. */
export function wrapWith(fits: (s: string) => boolean, text: string, hyphenate = true): string[] {
  const words = text.split(/ +/);
  const lines: string[] = [];
  let current = "";
  for (let k = 0; k < words.length; k++) {
    let word = words[k] ?? "";
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    // try to hyphenate the word that does not fit
    const prefix = current ? `${current} ` : "";
    let split = -1;
    for (const p of hyphenate ? hyphenPoints(word).reverse() : []) {
      if (fits(`${prefix}${word.slice(0, p)}-`)) {
        split = p;
        break;
      }
    }
    if (split > 0) {
      lines.push(`${prefix}${word.slice(0, split)}-`);
      word = word.slice(split);
    } else if (current) {
      lines.push(current);
    }
    current = word;
  }
  if (current) lines.push(current);
  return lines;
}

/** Word widths by font and size, kept across documents (fastMeasure). */
const WIDTHS = new Map<string, number>();

/**
 * The width of a string in the document's current font: PDFKit's own measure, or (fastMeasure)
 * the sum of cached word and space widths — kerning across a space is ignored, which moves a line
 * end by a fraction of a point at most and makes long documents many times faster.
 */
function measurer(doc: PDFKit.PDFDocument, fast: boolean) {
  let key = "";
  const set = (font: "R" | "B", size: number) => {
    doc.font(font).fontSize(size);
    key = `${font}${size}|`;
  };
  const width = (s: string): number => {
    if (!fast) return doc.widthOfString(s);
    let w = 0;
    let spaces = -1;
    for (const word of s.split(" ")) {
      spaces++;
      let x = WIDTHS.get(key + word);
      if (x === undefined) {
        x = doc.widthOfString(word);
        WIDTHS.set(key + word, x);
      }
      w += x;
    }
    if (spaces > 0) {
      let sp = WIDTHS.get(`${key} `);
      if (sp === undefined) {
        sp = doc.widthOfString(" ");
        WIDTHS.set(`${key} `, sp);
      }
      w += spaces * sp;
    }
    return w;
  };
  const wrap = (text: string, max: number, hyphenate = true) => wrapWith((s) => width(s) <= max, text, hyphenate);
  return { set, wrap };
}

// ---------------------------------------------------------------------------------------------
// pdf-wrap: PDFKit with own wrapping and hyphenation

interface Run {
  text: string;
  font: "R" | "B";
  size: number;
  x: number;
  /** gap before the line, in points */
  gap: number;
  lineHeight: number;
  /** several runs on one line (table cells) */
  sameLineAsPrevious?: boolean;
  pageBreakBefore?: boolean;
  color?: string;
}

/** A parsed fontkit font, which PDFKit accepts in place of a file. */
export interface FontObject {
  layout: (...args: never[]) => unknown;
}
export interface PdfFonts {
  regular: string | Buffer | FontObject;
  bold: string | Buffer | FontObject;
}

export interface PdfOptions {
  /** Info dictionary dates and producer (fixed, so output is byte-identical between runs). */
  creationDate: Date;
  producer: string;
  /** Font files, their bytes or parsed fontkit fonts (default DejaVu Sans files). */
  fonts?: PdfFonts;
  /** First page (1-based) that carries the running header (default 2). */
  headerFrom?: number;
  /** Footer alignment (default right). */
  footerAlign?: "right" | "center" | "left";
  /** Body font size (default 10.5). */
  bodySize?: number;
  /** Measure by cached word widths (see measurer). */
  fastMeasure?: boolean;
}

/** Lays out and writes the blocks; resolves to the number of pages. */
export async function renderPdfWrap(parsed: Parsed, out: string | NodeJS.WritableStream, options: PdfOptions): Promise<number> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 0, bottom: 0, left: 0, right: 0 }, autoFirstPage: false, info: { CreationDate: options.creationDate, Producer: options.producer } });
  // PDFKit's typings know files and bytes only; it takes a fontkit font object as well
  doc.registerFont("R", (options.fonts?.regular ?? FONT_REGULAR) as string);
  doc.registerFont("B", (options.fonts?.bold ?? FONT_BOLD) as string);
  const left = 70;
  const width = 595 - 2 * left;
  const top = 80;
  const bottom = 842 - 75;
  const kvWidth = Number(parsed.directives.get("kvwidth") ?? "120");
  const body = options.bodySize ?? 10.5;
  const m = measurer(doc, options.fastMeasure ?? false);

  // 1. blocks → runs
  const runs: Run[] = [];
  const style = {
    title: { font: "B", size: 18, gap: 10 },
    h1: { font: "B", size: 14, gap: 14 },
    h2: { font: "B", size: 11.5, gap: 12 },
    label: { font: "B", size: body, gap: 9 },
    para: { font: "R", size: body, gap: 7 },
    bullet: { font: "R", size: body, gap: 3 },
    num: { font: "R", size: body, gap: 3 },
  } as const;
  let pendingBreak = false;
  for (const block of parsed.blocks) {
    if (block.kind === "pagebreak") {
      pendingBreak = true;
      continue;
    }
    if (block.kind === "toc") continue; // not used by pdf-wrap documents
    if (block.kind === "table") {
      const cols = block.rows.reduce((m, r) => Math.max(m, r.length), 0);
      const colX = cols === 2 ? [0, kvWidth] : Array.from({ length: cols }, (_, i) => (i * width) / cols);
      let firstRow = true;
      for (const row of block.rows) {
        const cellLines = row.map((cell, i) => {
          const w = (colX[i + 1] ?? width) - (colX[i] ?? 0) - 6;
          m.set("R", body);
          return cell ? m.wrap(cell, w) : [];
        });
        const height = cellLines.reduce((m, l) => Math.max(m, l.length), 0);
        for (let ln = 0; ln < Math.max(height, 1); ln++) {
          let firstOnLine = true;
          row.forEach((_, i) => {
            const text = cellLines[i]?.[ln];
            if (text === undefined) return;
            runs.push({
              text,
              font: "R",
              size: body,
              x: left + (colX[i] ?? 0),
              gap: firstOnLine ? (firstRow && ln === 0 && !block.tight ? 8 : 1.5) : 0,
              lineHeight: body === 10.5 ? 13.5 : body * 1.29,
              sameLineAsPrevious: !firstOnLine,
              pageBreakBefore: firstOnLine && pendingBreak,
            });
            if (firstOnLine) pendingBreak = false;
            firstOnLine = false;
          });
        }
        firstRow = false;
      }
      continue;
    }
    const s = style[block.kind];
    m.set(s.font, s.size);
    let indent = 0;
    let text = block.kind === "bullet" || block.kind === "num" ? block.text : headingText(block);
    let marker: string | null = null;
    if (block.kind === "bullet") {
      marker = block.marker ?? "•";
      indent = 16;
    } else if (block.kind === "num") {
      const m = /^(\S+) (.*)$/.exec(text);
      marker = m?.[1] ?? null;
      text = m?.[2] ?? text;
      indent = 18;
    }
    const lines = m.wrap(text, width - indent, block.kind === "para" || block.kind === "bullet" || block.kind === "num");
    lines.forEach((line, i) => {
      if (i === 0 && marker) {
        runs.push({ text: marker, font: s.font, size: s.size, x: left + 2, gap: block.tight ? 2 : s.gap, lineHeight: s.size * 1.32, pageBreakBefore: pendingBreak });
        runs.push({ text: line, font: s.font, size: s.size, x: left + indent, gap: 0, lineHeight: s.size * 1.32, sameLineAsPrevious: true });
      } else {
        runs.push({ text: line, font: s.font, size: s.size, x: left + indent, gap: i === 0 ? (block.tight ? 2 : s.gap) : 0, lineHeight: s.size * 1.32, pageBreakBefore: i === 0 && pendingBreak });
      }
      pendingBreak = false;
    });
  }

  // 2. runs → pages
  interface Placed { run: Run; y: number }
  const pages: Placed[][] = [[]];
  let y = top;
  for (const run of runs) {
    let page = pages[pages.length - 1] ?? [];
    if (!run.sameLineAsPrevious) {
      const atTop = page.length === 0;
      if (run.pageBreakBefore && !atTop) {
        page = [];
        pages.push(page);
        y = top;
      } else if (y + (atTop ? 0 : run.gap) + run.lineHeight > bottom) {
        page = [];
        pages.push(page);
        y = top;
      } else if (!atTop) {
        y += run.gap;
      }
      page.push({ run, y });
      y += run.lineHeight;
    } else {
      const prev = page[page.length - 1];
      page.push({ run, y: prev ? prev.y : y });
    }
  }

  // 3. write
  const header = parsed.directives.get("header") ?? "";
  const footer = parsed.directives.get("footer") ?? "";
  const headerFrom = options.headerFrom ?? 2;
  const done = new Promise<void>((res, rej) => {
    const stream: NodeJS.WritableStream = typeof out === "string" ? createWriteStream(out) : out;
    stream.on("finish", () => res());
    stream.on("error", rej);
    doc.pipe(stream);
  });
  pages.forEach((page, i) => {
    doc.addPage({ size: "A4", margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    if (header && i + 1 >= headerFrom) doc.font("R").fontSize(8).fillColor("#555555").text(fillPageFields(header, i + 1, pages.length), left, 40, { lineBreak: false });
    if (footer) {
      const f = fillPageFields(footer, i + 1, pages.length);
      doc.font("R").fontSize(8).fillColor("#555555");
      const w = doc.widthOfString(f);
      const align = options.footerAlign ?? "right";
      const x = align === "right" ? left + width - w : align === "center" ? left + (width - w) / 2 : left;
      doc.text(f, x, 800, { lineBreak: false });
    }
    doc.fillColor("#000000");
    for (const { run, y: ry } of page) doc.font(run.font).fontSize(run.size).text(run.text, run.x, ry, { lineBreak: false });
  });
  doc.end();
  await done;
  return pages.length;
}

/** renderPdfWrap into memory. */
export async function pdfWrapBytes(parsed: Parsed, options: PdfOptions): Promise<{ bytes: Buffer; pages: number }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const pages = await renderPdfWrap(parsed, sink, options);
  return { bytes: Buffer.concat(chunks), pages };
}

// ---------------------------------------------------------------------------------------------
// docx

function pageFieldRuns(template: string): TextRun {
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const part of template.split(/(\{page\}|\{pages\})/)) {
    if (part === "{page}") children.push(PageNumber.CURRENT);
    else if (part === "{pages}") children.push(PageNumber.TOTAL_PAGES);
    else if (part) children.push(part);
  }
  return new TextRun({ children, size: 16, color: "555555" });
}

export interface DocxOptions {
  creator: string;
  /** Item headings (h1 with num) numbered by Word's automatic numbering, not in the text. */
  autoNumber?: boolean;
  /** Document font (default Calibri). */
  font?: string;
}

export async function docxBytes(parsed: Parsed, options: DocxOptions): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let pendingBreak = false;
  const spacing = (tight: boolean, before: number) => ({ before: tight ? 0 : before, after: 0 });
  for (const block of parsed.blocks) {
    if (block.kind === "pagebreak") {
      pendingBreak = true;
      continue;
    }
    const pageBreakBefore = pendingBreak;
    pendingBreak = false;
    // an item heading numbered by Word: the number is not in the text
    const auto = options.autoNumber === true && "num" in block && block.num !== undefined;
    const numbered = auto ? { numbering: { reference: "items", level: 0 } } : {};
    switch (block.kind) {
      case "title":
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)], pageBreakBefore, spacing: { after: 120 } }));
        break;
      case "h1":
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(auto ? block.text : headingText(block))], ...numbered, pageBreakBefore, spacing: { before: 280, after: 80 } }));
        break;
      case "h2":
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(auto ? block.text : headingText(block))], ...numbered, pageBreakBefore, spacing: { before: 220, after: 60 } }));
        break;
      case "label":
        children.push(new Paragraph({ children: [new TextRun({ text: auto ? block.text : headingText(block), bold: true })], ...numbered, pageBreakBefore, spacing: spacing(block.tight, 160), keepNext: true }));
        break;
      case "para":
        children.push(new Paragraph({ children: [new TextRun(block.text)], pageBreakBefore, spacing: spacing(block.tight, 120) }));
        break;
      case "bullet":
        children.push(new Paragraph({ children: [new TextRun(block.text)], numbering: { reference: "bullets", level: 0 }, pageBreakBefore, spacing: spacing(true, 0) }));
        break;
      case "num":
        children.push(new Paragraph({ children: [new TextRun(block.text)], indent: { left: 360, hanging: 360 }, pageBreakBefore, spacing: spacing(true, 0) }));
        break;
      case "toc":
        children.push(
          new Paragraph({
            children: [new TextRun(`${block.text}\t${block.page}`)],
            tabStops: [{ type: TabStopType.RIGHT, position: 9638, leader: LeaderType.DOT }],
            indent: block.level === 2 ? { left: 567 } : undefined,
            pageBreakBefore,
            spacing: { before: 40, after: 40 },
          }),
        );
        break;
      case "table": {
        const cols = block.rows.reduce((m, r) => Math.max(m, r.length), 0);
        // a two-column table without header row is a label/value block: narrow label column, no lines
        const keyValue = cols === 2 && !block.header;
        const widths = keyValue ? [2268, 7370] : Array.from({ length: cols }, () => Math.floor(9638 / cols));
        const border = keyValue ? { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } : { style: BorderStyle.SINGLE, size: 4, color: "999999" };
        children.push(
          new Table({
            width: { size: 9638, type: WidthType.DXA },
            columnWidths: widths,
            rows: block.rows.map(
              (row, r) =>
                new TableRow({
                  tableHeader: block.header && r === 0,
                  children: Array.from({ length: cols }, (_, c) =>
                    new TableCell({
                      width: { size: widths[c] ?? 0, type: WidthType.DXA },
                      borders: { top: border, bottom: border, left: border, right: border },
                      children: [new Paragraph({ children: [new TextRun({ text: row[c] ?? "", bold: block.header && r === 0 })] })],
                    }),
                  ),
                }),
            ),
          }),
        );
        children.push(new Paragraph({ children: [] }));
        break;
      }
    }
  }
  const header = parsed.directives.get("header");
  const footer = parsed.directives.get("footer");
  const numberingConfig = [
    { reference: "bullets", levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
    ...(options.autoNumber
      ? [{ reference: "items", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 432, hanging: 432 } } } }] }]
      : []),
  ];
  const document = new Document({
    creator: options.creator,
    title: parsed.blocks.flatMap((b) => (b.kind === "h1" ? [b.text] : []))[0] ?? "Referat",
    styles: { default: { document: { run: { font: options.font ?? "Calibri", size: 22 } } } },
    numbering: { config: numberingConfig },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1134, right: 1134 } } },
        headers: header ? { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: header, size: 16, color: "555555" })] })] }) } : undefined,
        footers: footer ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [pageFieldRuns(footer)] })] }) } : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

export async function renderDocx(parsed: Parsed, outPath: string, options: DocxOptions): Promise<void> {
  writeFileSync(outPath, await docxBytes(parsed, options));
}
