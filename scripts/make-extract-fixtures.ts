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
import { FONT_REGULAR, parseMarkup, renderDocx as renderDocxWith, renderPdfWrap as renderPdfWrapWith, type Parsed } from "./corpus/render.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "fixtures/extract/src");
const OUT = join(ROOT, "fixtures/extract");
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

// The markup (parseMarkup), pdf-wrap and docx renderers are shared with the corpus generator:
// scripts/corpus/render.ts.

async function renderPdfWrap(parsed: Parsed, outPath: string): Promise<void> {
  await renderPdfWrapWith(parsed, outPath, { creationDate: FIXED_DATE, producer: "make-extract-fixtures" });
}

async function renderDocx(parsed: Parsed, outPath: string): Promise<void> {
  await renderDocxWith(parsed, outPath, { creator: "make-extract-fixtures" });
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
