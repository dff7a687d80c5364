/**
 * PDF ingest speed: pages per second of our ingest() next to poppler's `pdftotext` on the same
 * files, in one run.
 *
 *   pnpm bench:ingest [--repeat N]      (default N = 20)
 *
 * - cold: a fresh Node process reads every fixture PDF once (pdfjs is loaded and JIT-compiled on
 *   the way, as in a one-shot CLI call);
 * - warm: this process reads all files N times after one warm-up pass (a long-running pipeline);
 * - pdftotext: one `pdftotext` process per file, N times (how a shell pipeline would use it).
 * Scanned PDFs (no text layer) are left out of these figures: OCR is timed on its own line.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ingest, IngestError } from "../packages/ingest/src/index.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const repeat = Number(args[args.indexOf("--repeat") + 1]) || 20;

function fixturePdfs(): string[] {
  const dirs = ["fixtures/seeds", "fixtures/ingest"].map((d) => join(root, d));
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".pdf")).map((f) => join(d, f))).sort();
}

async function ingestAll(files: string[]): Promise<{ pages: number; ms: number }> {
  let pages = 0;
  const t0 = performance.now();
  for (const f of files) pages += (await ingest(f, { ocr: "off" })).pages;
  return { pages, ms: performance.now() - t0 };
}

// Child mode: the cold pass, in a process that has not loaded pdfjs yet.
if (args[0] === "--cold-child") {
  const result = await ingestAll(JSON.parse(args[1]!) as string[]);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

// PDFs by content (a fixture named .pdf may be something else), split into those with a text layer
// and scans (ingest with OCR off warns about a scan's pages, or refuses a PDF of scans: no-text).
const textPdfs: string[] = [];
const scans: string[] = [];
for (const f of fixturePdfs()) {
  const doc = await ingest(f, { ocr: "off" }).catch((err: unknown) => {
    if (err instanceof IngestError && err.code === "no-text") return null;
    throw err;
  });
  if (doc && doc.format !== "pdf") continue;
  (!doc || doc.warnings.some((w) => w.code === "no-text-layer") ? scans : textPdfs).push(f);
}

// Cold: a fresh process (same loader flags as this one, so tsx runs it).
const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--cold-child", JSON.stringify(textPdfs)], {
  encoding: "utf8",
});
if (child.status !== 0) throw new Error(`cold run failed: ${child.stderr}`);
const cold = JSON.parse(child.stdout) as { pages: number; ms: number };

// Warm: one pass to warm up, then N timed passes.
await ingestAll(textPdfs);
let warm = { pages: 0, ms: 0 };
for (let i = 0; i < repeat; i++) {
  const r = await ingestAll(textPdfs);
  warm = { pages: warm.pages + r.pages, ms: warm.ms + r.ms };
}
const rssMb = process.memoryUsage().rss / 2 ** 20;

// pdftotext on the same files, one process per file.
let poppler: { pages: number; ms: number } | null = null;
try {
  const pagesOf = (f: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [f], { encoding: "utf8" }))?.[1] ?? 0);
  const pagesPerPass = textPdfs.reduce((n, f) => n + pagesOf(f), 0);
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) for (const f of textPdfs) execFileSync("pdftotext", ["-q", f, "-"], { stdio: ["ignore", "ignore", "ignore"] });
  poppler = { pages: pagesPerPass * repeat, ms: performance.now() - t0 };
} catch (err) {
  process.stderr.write(`pdftotext/pdfinfo unavailable (${(err as Error).message}); install poppler-utils\n`);
}

// OCR: the scans once, with OCR on.
let ocr: { pages: number; ms: number } | null = null;
if (scans.length > 0) {
  const t0 = performance.now();
  let pages = 0;
  for (const f of scans) pages += (await ingest(f, { ocr: "auto" }).catch(() => null))?.meta.ocrPages?.length ?? 0;
  if (pages > 0) ocr = { pages, ms: performance.now() - t0 };
}

const rate = (r: { pages: number; ms: number }) => r.pages / (r.ms / 1000);
const ref = poppler ? rate(poppler) : null;
const rows: [string, { pages: number; ms: number }][] = [
  ["ingest() cold (fresh process, 1 pass)", cold],
  [`ingest() warm (same process, ${repeat} passes)`, warm],
];
if (poppler) rows.push([`pdftotext (process per file, ${repeat} passes)`, poppler]);
const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
const out = [
  `PDF ingest on ${textPdfs.length} fixture PDFs with a text layer (${textPdfs.map((f) => relative(root, f)).join(", ")})`,
  "",
  line(["run".padEnd(44), "pages".padStart(6), "seconds".padStart(8), "pages/s".padStart(8), "vs pdftotext".padStart(12)]),
  line(["-".repeat(44), "-".repeat(6), "-".repeat(8), "-".repeat(8), "-".repeat(12)]),
  ...rows.map(([name, r]) =>
    line([
      name.padEnd(44),
      String(r.pages).padStart(6),
      (r.ms / 1000).toFixed(2).padStart(8),
      rate(r).toFixed(0).padStart(8),
      (ref ? `${(rate(r) / ref).toFixed(2)}×` : "n/a").padStart(12),
    ]),
  ),
  "",
  `memory after the warm passes: ${rssMb.toFixed(0)} MB RSS`,
];
if (ocr) out.push(`OCR (tesseract -l dan, ${scans.map((f) => relative(root, f)).join(", ")}): ${(ocr.ms / 1000 / ocr.pages).toFixed(2)} s per page over ${ocr.pages} pages`);
process.stdout.write(out.join("\n") + "\n");
