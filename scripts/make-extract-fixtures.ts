/**
 * Builds the hand-written extraction fixtures in fixtures/extract/ from their sources in
 * fixtures/extract/src/*.txt.
 *
 *   npx tsx scripts/make-extract-fixtures.ts [name …]            render the documents
 *   npx tsx scripts/make-extract-fixtures.ts --check [name …]    check gold strings against the sources
 *
 * Renderers (one per fixture, see FIXTURES below):
 *   txt         the source is the document: copied as is.
 *   pdf-wrap    PDFKit, A4, own line wrapping with line-end hyphenation, running header and
 *               "Side X af Y" footer on every page (what pdftotext gives back is the messy text).
 *   pdf-flat    PDFKit on a very wide page: every source line becomes ONE text line, so the
 *               text layer has run-on lines (several items can share a line).
 *   docx        the `docx` package: headings as Heading styles, bullets as Word lists, tables,
 *               header/footer with page fields.
 *   docx-pdf    as docx, then printed to PDF by LibreOffice (soffice --headless).
 *
 * Source markup (one block per line; a blank line only adds space):
 *   %header T / %footer T   running header / footer; {page} and {pages} are replaced
 *   %kvwidth N              width of the label column of two-column tables (pdf-wrap)
 *   %page                   page break (pdf-flat)
 *   # T, ## T, ### T        title, heading 1, heading 2
 *   #### T                  bold label paragraph ("Indstilling:")
 *   - T                     bullet
 *   N. T                    numbered line (the number is part of the text)
 *   | a | b |, |= a | b |   table row, header row
 *   @toc T<TAB>P, @toc2 …   table-of-contents line with dot leader to page P (level 1/2)
 *   ---                     page break
 *   anything else           a paragraph of its own
 *
 * The gold files (fixtures/gold/own-*.json) are written by hand from the sources; this script
 * only renders the documents.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, createWriteStream, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
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

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "fixtures/extract/src");
const OUT = join(ROOT, "fixtures/extract");
const FONT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const FIXED_DATE = new Date("2024-06-01T12:00:00Z");

type Renderer = "txt" | "pdf-wrap" | "pdf-flat" | "docx" | "docx-pdf";
const FIXTURES: { name: string; render: Renderer }[] = [
  { name: "own-kommune-udvalg", render: "pdf-wrap" },
  { name: "own-toc", render: "docx-pdf" },
  { name: "own-godkendt", render: "txt" },
  { name: "own-flattened", render: "pdf-flat" },
  { name: "own-dagsorden", render: "docx" },
  { name: "own-direktorforum", render: "docx" },
];

// ---------------------------------------------------------------------------------------------
// markup

type Block =
  | { kind: "title" | "h1" | "h2" | "label" | "para" | "bullet" | "num"; text: string; tight: boolean }
  | { kind: "table"; rows: string[][]; header: boolean; tight: boolean }
  | { kind: "toc"; level: 1 | 2; text: string; page: string; tight: boolean }
  | { kind: "pagebreak"; tight: boolean };

interface Parsed {
  directives: Map<string, string>;
  blocks: Block[];
}

function parseMarkup(source: string): Parsed {
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

function fillPageFields(template: string, page: number, pages: number): string {
  return template.replace("{page}", String(page)).replace("{pages}", String(pages));
}

// ---------------------------------------------------------------------------------------------
// pdf-wrap: PDFKit with own wrapping and hyphenation

const VOWELS = new Set([..."aeiouyæøåéAEIOUYÆØÅÉ"]);

/** Candidate hyphenation points of a plain word: before a consonant that is followed by a vowel. */
function hyphenPoints(word: string): number[] {
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

function wrap(doc: PDFKit.PDFDocument, text: string, width: number, hyphenate = true): string[] {
  const words = text.split(/ +/);
  const lines: string[] = [];
  let current = "";
  const avail = width;
  const fits = (s: string) => doc.widthOfString(s) <= avail;
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

async function renderPdfWrap(parsed: Parsed, outPath: string): Promise<void> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 0, bottom: 0, left: 0, right: 0 }, autoFirstPage: false, info: { CreationDate: FIXED_DATE, Producer: "make-extract-fixtures" } });
  doc.registerFont("R", FONT_REGULAR);
  doc.registerFont("B", FONT_BOLD);
  const left = 70;
  const width = 595 - 2 * left;
  const top = 80;
  const bottom = 842 - 75;
  const kvWidth = Number(parsed.directives.get("kvwidth") ?? "120");

  // 1. blocks → runs
  const runs: Run[] = [];
  const style = {
    title: { font: "B", size: 18, gap: 10 },
    h1: { font: "B", size: 14, gap: 14 },
    h2: { font: "B", size: 11.5, gap: 12 },
    label: { font: "B", size: 10.5, gap: 9 },
    para: { font: "R", size: 10.5, gap: 7 },
    bullet: { font: "R", size: 10.5, gap: 3 },
    num: { font: "R", size: 10.5, gap: 3 },
  } as const;
  let pendingBreak = false;
  for (const block of parsed.blocks) {
    if (block.kind === "pagebreak") {
      pendingBreak = true;
      continue;
    }
    if (block.kind === "toc") continue; // not used by pdf-wrap fixtures
    if (block.kind === "table") {
      const cols = block.rows.reduce((m, r) => Math.max(m, r.length), 0);
      const colX = cols === 2 ? [0, kvWidth] : Array.from({ length: cols }, (_, i) => (i * width) / cols);
      let firstRow = true;
      for (const row of block.rows) {
        const cellLines = row.map((cell, i) => {
          const w = (colX[i + 1] ?? width) - (colX[i] ?? 0) - 6;
          doc.font("R").fontSize(10.5);
          return cell ? wrap(doc, cell, w) : [];
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
              size: 10.5,
              x: left + (colX[i] ?? 0),
              gap: firstOnLine ? (firstRow && ln === 0 && !block.tight ? 8 : 1.5) : 0,
              lineHeight: 13.5,
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
    doc.font(s.font).fontSize(s.size);
    let indent = 0;
    let text = block.text;
    let marker: string | null = null;
    if (block.kind === "bullet") {
      marker = "•";
      indent = 16;
    } else if (block.kind === "num") {
      const m = /^(\d+\.) (.*)$/.exec(text);
      marker = m?.[1] ?? null;
      text = m?.[2] ?? text;
      indent = 18;
    }
    const lines = wrap(doc, text, width - indent, block.kind === "para" || block.kind === "bullet" || block.kind === "num");
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
  const done = new Promise<void>((res, rej) => {
    const stream = createWriteStream(outPath);
    stream.on("finish", () => res());
    stream.on("error", rej);
    doc.pipe(stream);
  });
  pages.forEach((page, i) => {
    doc.addPage({ size: "A4", margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    if (header && i > 0) doc.font("R").fontSize(8).fillColor("#555555").text(header, left, 40, { lineBreak: false });
    if (footer) {
      const f = fillPageFields(footer, i + 1, pages.length);
      doc.font("R").fontSize(8).fillColor("#555555");
      doc.text(f, left + width - doc.widthOfString(f), 800, { lineBreak: false });
    }
    doc.fillColor("#000000");
    for (const { run, y: ry } of page) doc.font(run.font).fontSize(run.size).text(run.text, run.x, ry, { lineBreak: false });
  });
  doc.end();
  await done;
}

// ---------------------------------------------------------------------------------------------
// pdf-flat: each source line is one long text line

async function renderPdfFlat(source: string, outPath: string): Promise<void> {
  const size = 7;
  const doc = new PDFDocument({ size: [10000, 400], margins: { top: 0, bottom: 0, left: 0, right: 0 }, autoFirstPage: false, info: { CreationDate: FIXED_DATE, Producer: "make-extract-fixtures" } });
  doc.registerFont("R", FONT_REGULAR);
  const done = new Promise<void>((res, rej) => {
    const stream = createWriteStream(outPath);
    stream.on("finish", () => res());
    stream.on("error", rej);
    doc.pipe(stream);
  });
  const pages: string[][] = [[]];
  for (const line of source.split("\n")) {
    if (line.trim() === "") continue;
    if (line.trim() === "%page") pages.push([]);
    else pages[pages.length - 1]?.push(line);
  }
  for (const lines of pages) {
    doc.addPage({ size: [10000, 400], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    doc.font("R").fontSize(size);
    let y = 30;
    for (const line of lines) {
      if (doc.widthOfString(line) > 10000 - 60) throw new Error(`line too long for pdf-flat: ${line.slice(0, 60)}…`);
      doc.text(line, 30, y, { lineBreak: false });
      y += size * 2.2;
    }
  }
  doc.end();
  await done;
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

async function renderDocx(parsed: Parsed, outPath: string): Promise<void> {
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
    switch (block.kind) {
      case "title":
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)], pageBreakBefore, spacing: { after: 120 } }));
        break;
      case "h1":
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)], pageBreakBefore, spacing: { before: 280, after: 80 } }));
        break;
      case "h2":
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)], pageBreakBefore, spacing: { before: 220, after: 60 } }));
        break;
      case "label":
        children.push(new Paragraph({ children: [new TextRun({ text: block.text, bold: true })], pageBreakBefore, spacing: spacing(block.tight, 160), keepNext: true }));
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
  const document = new Document({
    creator: "make-extract-fixtures",
    title: parsed.blocks.flatMap((b) => (b.kind === "h1" ? [b.text] : []))[0] ?? "Referat",
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    numbering: {
      config: [{ reference: "bullets", levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1134, right: 1134 } } },
        headers: header ? { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: header, size: 16, color: "555555" })] })] }) } : undefined,
        footers: footer ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [pageFieldRuns(footer)] })] }) } : undefined,
        children,
      },
    ],
  });
  writeFileSync(outPath, await Packer.toBuffer(document));
}

function docxToPdf(docxPath: string, outPath: string): void {
  const work = mkdtempSync(join(tmpdir(), "make-extract-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${work}/profile`, "--headless", "--convert-to", "pdf", "--outdir", work, docxPath], { stdio: "pipe" });
    const produced = join(work, docxPath.replace(/^.*\//, "").replace(/\.docx$/, ".pdf"));
    copyFileSync(produced, outPath);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function build(name: string, render: Renderer): Promise<string> {
  const source = readFileSync(join(SRC, `${name}.txt`), "utf8");
  switch (render) {
    case "txt": {
      const out = join(OUT, `${name}.txt`);
      writeFileSync(out, source);
      return out;
    }
    case "pdf-wrap": {
      const out = join(OUT, `${name}.pdf`);
      await renderPdfWrap(parseMarkup(source), out);
      return out;
    }
    case "pdf-flat": {
      const out = join(OUT, `${name}.pdf`);
      await renderPdfFlat(source, out);
      return out;
    }
    case "docx": {
      const out = join(OUT, `${name}.docx`);
      await renderDocx(parseMarkup(source), out);
      return out;
    }
    case "docx-pdf": {
      const work = mkdtempSync(join(tmpdir(), "make-extract-docx-"));
      try {
        const docx = join(work, `${name}.docx`);
        await renderDocx(parseMarkup(source), docx);
        const out = join(OUT, `${name}.pdf`);
        docxToPdf(docx, `${out}.tmp`);
        renameSync(`${out}.tmp`, out);
        return out;
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// --check: every text value of a gold file must occur in its source (whitespace collapsed, markup
// and list markers removed). A consistency check of hand-written gold after editing a source.

interface GoldFile {
  meeting: { body: string | null; location: string | null };
  participants: { name: string; title: string | null; organization: string | null }[];
  items: {
    number: string;
    title: string;
    presenter: string | null;
    attachments: string[];
    recommendations: string[];
    decisionText: string | null;
    decisions: string[];
    actions: { text: string; owners: string[]; deadlineText: string | null }[];
  }[];
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function checkGold(name: string): string[] {
  const goldPath = join(ROOT, "fixtures/gold", `${name}.json`);
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as GoldFile;
  const source = collapse(
    readFileSync(join(SRC, `${name}.txt`), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("%"))
      .map((l) => l.trim().replace(/^(#{1,4} |- |@toc2? |\|=?)/, "").replace(/\|/g, " ").replace(/\t/g, " "))
      .join(" "),
  );
  const problems: string[] = [];
  const names = new Set(gold.participants.map((p) => p.name));
  const need = (value: string | null, what: string) => {
    if (value !== null && !source.includes(collapse(value))) problems.push(`${name}: ${what} not in source: ${value.slice(0, 80)}`);
  };
  need(gold.meeting.body, "meeting.body");
  need(gold.meeting.location, "meeting.location");
  for (const p of gold.participants) {
    need(p.name, "participant");
    need(p.title, "title");
    need(p.organization, "organization");
  }
  for (const item of gold.items) {
    const at = `item ${item.number}`;
    need(item.title, `${at} title`);
    need(item.presenter, `${at} presenter`);
    item.attachments.forEach((a) => need(a, `${at} attachment`));
    item.recommendations.forEach((r) => need(r, `${at} recommendation`));
    need(item.decisionText, `${at} decisionText`);
    for (const d of item.decisions) {
      need(d, `${at} decision`);
      if (!collapse(item.decisionText ?? "").includes(collapse(d))) problems.push(`${name}: ${at} decision outside decisionText: ${d.slice(0, 80)}`);
    }
    for (const a of item.actions) {
      need(a.text, `${at} action`);
      need(a.deadlineText, `${at} deadlineText`);
      for (const o of a.owners) if (!names.has(o) && o !== o.toLowerCase()) problems.push(`${name}: ${at} owner is neither a participant nor lower case: ${o}`);
    }
  }
  return problems;
}

const args = process.argv.slice(2);
const check = args.includes("--check");
const wanted = args.filter((a) => a !== "--check");
let failed = false;
for (const { name, render } of FIXTURES) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  if (check) {
    const problems = checkGold(name);
    problems.forEach((p) => console.log(p));
    console.log(`${name}: ${problems.length === 0 ? "gold consistent with source" : `${problems.length} problem(s)`}`);
    failed ||= problems.length > 0;
    continue;
  }
  const out = await build(name, render);
  console.log(`${render.padEnd(9)} ${out.replace(`${ROOT}/`, "")}`);
}
if (failed) process.exitCode = 1;
