/**
 * CPU time of ingest per document, for the "Speed" figures in ../README.md.
 *
 *   npx tsx packages/ingest/bench/speed.ts SET [SECONDS] [CORPUS]
 *
 * SET: seeds (fixtures/seeds/*.txt), txt (the first 300 corpus texts of at most 17 KB), docx (the
 * first 100 corpus DOCX), pdf-own (the first 200 corpus PDFs: pdfjs reads each once, untimed; the
 * loop times what ingest does with its text items: lines, layout hints, normalisation and the
 * final schema check). CORPUS: a folder made by `pnpm corpus` (default
 * $TMPDIR/minutes-bench/corpus-5000-1, which `pnpm bench --full` makes). Each set: two warm-up
 * passes, then passes until SECONDS (default 4) have gone by; CPU time from process.cpuUsage (the
 * machine may be shared). Prints one JSON line.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { ingest, SourceDocumentSchema } from "../src/index.ts";
import { placedPagesToRaw } from "../src/layout-hints.ts";
import { normalizePages } from "../src/normalize.ts";
import { itemsToLines, type PlacedPage } from "../src/pdf-lines.ts";
import { readPdfText, type PdfPageText } from "../src/pdfjs.ts";

const [set = "seeds", secondsArg = "4", corpusArg] = process.argv.slice(2);
const seconds = Number(secondsArg);
const corpus = corpusArg ?? join(tmpdir(), "minutes-bench", "corpus-5000-1");
const root = new URL("../../../", import.meta.url).pathname;

function corpusFiles(ext: string, count: number, maxBytes = Infinity): string[] {
  const names = readdirSync(corpus).filter((f) => f.endsWith(`.${ext}`)).sort();
  return names.map((f) => join(corpus, f)).filter((p) => statSync(p).size <= maxBytes).slice(0, count);
}

const files =
  set === "seeds"
    ? readdirSync(join(root, "fixtures/seeds")).filter((f) => f.endsWith(".txt")).sort().map((f) => join(root, "fixtures/seeds", f))
    : set === "txt"
      ? corpusFiles("txt", 300, 17 * 1024)
      : set === "docx"
        ? corpusFiles("docx", 100)
        : set === "pdf-own"
          ? corpusFiles("pdf", 200)
          : [];
if (files.length === 0) throw new Error(`unknown set ${set}, or no files in ${corpus}`);
const inputs = files.map((p) => ({ bytes: new Uint8Array(readFileSync(p)), name: basename(p) }));

let pass: () => Promise<void>;
if (set === "pdf-own") {
  const options = { ocr: "off" as const, maxPages: 2000, file: "", deadline: Date.now() + 3_600_000, timeoutMs: 3_600_000 };
  const texts: PdfPageText[][] = [];
  for (const f of inputs) texts.push(await readPdfText(f.bytes, { ...options, file: f.name }));
  // The steps of pdf.ts and index.ts after pdfjs (the corpus has no scans, so no OCR).
  pass = async () => {
    for (const doc of texts) {
      const placed: PlacedPage[] = doc.map((t) => ({ page: t.page, width: t.width, height: t.height, lines: itemsToLines(t.items) }));
      // pdf.ts counts each page's visible characters to tell scans.
      for (const p of placed) p.lines.reduce((n, l) => n + l.text.replace(/\s/g, "").length, 0);
      const pages = placedPagesToRaw(placed);
      const n = normalizePages(pages, { fromPdf: true });
      SourceDocumentSchema.parse({
        file: "x.pdf",
        format: "pdf",
        sha256: "0".repeat(64),
        pages: pages.length,
        lines: n.lines,
        warnings: [],
        meta: { removedHeaderFooterLines: n.removedHeaderFooterLines, joinedHyphens: n.joinedHyphens },
      });
    }
  };
} else {
  pass = async () => {
    for (const f of inputs) await ingest(f, { ocr: "off" });
  };
}

await pass();
await pass();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let passes = 0;
do {
  await pass();
  passes++;
} while (performance.now() - t0 < seconds * 1000);
const cpu = process.cpuUsage(cpu0);
const docs = inputs.length * passes;
const cpuMsPerDoc = (cpu.user + cpu.system) / 1000 / docs;
process.stdout.write(JSON.stringify({ set, docs: inputs.length, passes, cpuMsPerDoc: Number(cpuMsPerDoc.toFixed(3)) }) + "\n");
process.exit(0);
