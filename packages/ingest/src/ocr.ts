/**
 * OCR for PDF pages without a text layer (scans): render the page to a grey PNG at 200 dpi and
 * read it with `tesseract -l dan`. pdftoppm (poppler) renders fastest and most faithfully; without
 * it the page is rendered with pdfjs onto @napi-rs/canvas. Tesseract's TSV output carries word
 * boxes, so OCR'd lines get the same geometry (and thus the same layout hints) as a text layer.
 *
 * Measured (notes/dependencies.md): OMP_THREAD_LIMIT=1 makes tesseract 8× faster on the same text,
 * so pages run as separate single-threaded processes, one per core.
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import type { PlacedLine, PlacedPage } from "./pdf-lines.ts";
import { renderPdfPage } from "./pdfjs.ts";

export const OCR_DPI = 200;
const PROCESS_TIMEOUT_MS = 120_000;

/** A process's time limit: its own, or what is left of the document's if that is less. */
const limit = (deadline: number) => Math.max(1, Math.min(PROCESS_TIMEOUT_MS, deadline - Date.now()));

export interface OcrTools {
  tesseract: boolean;
  /** Tesseract has Danish language data (without it æ/ø/å are lost, so we do not OCR). */
  danish: boolean;
  pdftoppm: boolean;
}

let probed: Promise<OcrTools> | undefined;

/** Which OCR tools are installed; probed once per process. */
export function probeOcrTools(): Promise<OcrTools> {
  probed ??= (async () => {
    const langs = await run("tesseract", ["--list-langs"], undefined, 10_000).catch(() => null);
    const pdftoppm = await run("pdftoppm", ["-v"], undefined, 10_000).then(
      () => true,
      (err: RunError) => err.exitCode !== undefined, // it ran (older versions exit 99 on -v)
    );
    const listed = langs ? (langs.stdout.toString() + langs.stderr.toString()).split(/\s+/) : [];
    return { tesseract: langs !== null, danish: listed.includes("dan"), pdftoppm };
  })();
  return probed;
}

/** Why OCR cannot run, in words for a warning; null when it can. */
export function ocrUnavailableReason(tools: OcrTools): string | null {
  if (!tools.tesseract) return "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-dan)";
  if (!tools.danish) return "tesseract has no Danish language data (apt-get install tesseract-ocr-dan)";
  return null;
}

/**
 * OCRs the given pages of a PDF (page number → size in points). Returns one result per page: its
 * lines, or the error that stopped it (a failed page must not fail the document). Processes still
 * running at `deadline` (Date.now() time) are killed; pages not started by then are not started.
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  pages: Map<number, { width: number; height: number }>,
  tools: OcrTools,
  deadline = Infinity,
): Promise<Map<number, PlacedPage | Error>> {
  const results = new Map<number, PlacedPage | Error>();
  const queue = [...pages.keys()];
  const worker = async () => {
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      try {
        if (Date.now() >= deadline) throw new Error("the document's time limit passed");
        const png = tools.pdftoppm ? await renderWithPdftoppm(bytes, n, deadline) : await renderWithPdfjs(bytes, n, deadline);
        results.set(n, { page: n, ...pages.get(n)!, lines: await ocrImage(png, OCR_DPI, deadline) });
      } catch (err) {
        results.set(n, err instanceof Error ? err : new Error(String(err)));
      }
    }
  };
  const cores = Math.max(1, Math.min(availableParallelism(), pages.size));
  await Promise.all(Array.from({ length: cores }, worker));
  return results;
}

/** pdftoppm reads the PDF from stdin and writes one PNG to stdout: no temporary files. */
export async function renderWithPdftoppm(bytes: Uint8Array, pageNumber: number, deadline = Infinity): Promise<Buffer> {
  const args = ["-r", String(OCR_DPI), "-gray", "-png", "-f", String(pageNumber), "-l", String(pageNumber), "-"];
  return (await run("pdftoppm", args, bytes, limit(deadline))).stdout;
}

/** Fallback renderer: pdfjs onto the canvas pdfjs itself uses in Node (@napi-rs/canvas). */
export function renderWithPdfjs(bytes: Uint8Array, pageNumber: number, deadline = Date.now() + PROCESS_TIMEOUT_MS): Promise<Buffer> {
  return renderPdfPage(bytes, pageNumber, OCR_DPI / 72, Math.min(deadline, Date.now() + PROCESS_TIMEOUT_MS));
}

/** Runs tesseract on one image and turns its TSV word boxes into placed lines (points, 72/inch). */
export async function ocrImage(png: Uint8Array, dpi = OCR_DPI, deadline = Infinity): Promise<PlacedLine[]> {
  const { stdout } = await run("tesseract", ["-", "-", "-l", "dan", "--dpi", String(dpi), "tsv"], png, limit(deadline), {
    OMP_THREAD_LIMIT: "1",
  });
  return tsvToLines(stdout.toString("utf8"), 72 / dpi);
}

interface Word {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Groups TSV words by (block, paragraph, line). The font size is estimated from word heights:
 * a word's box spans its tallest and lowest glyph, so its height divided by the share of the em
 * that its letters cover (ascenders ~0.72 em, with descenders ~0.93 em) estimates the em.
 */
export function tsvToLines(tsv: string, scale: number): PlacedLine[] {
  const lines = new Map<string, Word[]>();
  for (const row of tsv.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f[0] !== "5" || f.length < 12) continue;
    const text = f.slice(11).join("\t").trim();
    if (text === "") continue;
    const key = `${f[1]}.${f[2]}.${f[3]}.${f[4]}`;
    const word: Word = { text, left: +f[6]!, top: +f[7]!, width: +f[8]!, height: +f[9]! };
    const list = lines.get(key);
    if (list) list.push(word);
    else lines.set(key, [word]);
  }
  const out: PlacedLine[] = [];
  for (const words of lines.values()) {
    words.sort((a, b) => a.left - b.left);
    const ems = words.map(emEstimate).filter((e): e is number => e !== null).sort((a, b) => a - b);
    const bottoms = words.filter((w) => !DESCENDER.test(w.text)).map((w) => w.top + w.height);
    const baseline = bottoms.length > 0 ? Math.max(...bottoms) : Math.max(...words.map((w) => w.top + w.height));
    out.push({
      text: words.map((w) => w.text).join(" "),
      x: words[0]!.left * scale,
      top: Math.min(...words.map((w) => w.top)) * scale,
      baseline: baseline * scale,
      size: ems.length > 0 ? ems[Math.floor(ems.length / 2)]! * scale : NaN,
      charWidth: (words.reduce((n, w) => n + w.width, 0) / words.reduce((n, w) => n + w.text.length, 0)) * scale,
    });
  }
  // Lines with no measurable word ("nærmere:", "om.") take the page's median size.
  const known = out.map((l) => l.size).filter((s) => !Number.isNaN(s)).sort((a, b) => a - b);
  const median = known.length > 0 ? known[Math.floor(known.length / 2)]! : 12;
  for (const l of out) if (Number.isNaN(l.size)) l.size = median;
  return out;
}

// Letters that reach the ascender or cap height, and those that hang below the baseline.
// æ and ø are x-height letters; the ring of å reaches about the ascender.
const ASCENDER = /[A-ZÆØÅÄÖÜÉ0-9bdfhkltåäöüé!?]/;
const DESCENDER = /[gjpqyQ,;]/;
/** Brackets, slashes and quotes reach beyond both: their boxes say nothing about the em. */
const OUTSIZED = /[()[\]{}\/|\\"'“”‘’„«»§$@]/;

function emEstimate(w: Word): number | null {
  if (w.text.length < 2 || OUTSIZED.test(w.text)) return null;
  const asc = ASCENDER.test(w.text);
  const desc = DESCENDER.test(w.text);
  if (asc && desc) return w.height / 0.93;
  if (asc) return w.height / 0.73;
  return null; // x-height-only words are too short to measure reliably
}

interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
}
interface RunError extends Error {
  exitCode?: number;
}

/** Spawns a tool with optional stdin, collecting stdout/stderr (never inherited: stdout is the CLI's). */
function run(cmd: string, args: string[], input: Uint8Array | undefined, timeoutMs: number, env?: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = { stdout: Buffer.concat(out), stderr: Buffer.concat(err) };
      if (code === 0) return resolve(result);
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      const e: RunError = new Error(`${cmd} failed (${why}): ${result.stderr.toString().trim().slice(0, 300)}`);
      if (code !== null) e.exitCode = code;
      reject(e);
    });
    // A tool that exits early closes its stdin; the resulting EPIPE is reported through "close".
    child.stdin.on("error", () => undefined);
    child.stdin.end(input ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : undefined);
  });
}
