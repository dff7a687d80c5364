/**
 * ingest(input) → SourceDocument: any minutes file (PDF, DOCX, text in any common encoding, HTML)
 * becomes the same positioned lines. This is the package's only public entry.
 */
import { createHash } from "node:crypto";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { detectFormat } from "./detect.ts";
import { normalizePages } from "./normalize.ts";
import type { ReadOptions, ReadResult } from "./raw.ts";
import { IngestError, SourceDocumentSchema, type SourceDocument } from "./schema.ts";

export * from "./schema.ts";
export { readPdfsInThisThread, setPdfReaderThreads, type PdfThreadReader } from "./pdfjs.ts";
export { ocrUnavailableReason, probeOcrTools } from "./ocr.ts";

export interface IngestOptions {
  /** OCR pages without a text layer when tesseract is installed ("auto", the default) or never. */
  ocr?: "auto" | "off";
  /** Refuse inputs larger than this many bytes before reading them (default 100 MiB). */
  maxBytes?: number;
  /** Refuse documents with more pages than this (default 2,000). */
  maxPages?: number;
  /**
   * Give up on a document after this many milliseconds (default 120 s): enforced on PDF reading
   * (the pdfjs thread is stopped) and OCR (the processes are killed). DOCX, HTML and text are read
   * in time linear in their size, which maxBytes and the zip limits bound.
   */
  timeoutMs?: number;
}

export type IngestInput = string | { bytes: Uint8Array; name?: string };

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 2000;
export const DEFAULT_TIMEOUT_MS = 120_000;

export async function ingest(input: IngestInput, options: IngestOptions = {}): Promise<SourceDocument> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { bytes, name: file } = typeof input === "string" ? await readSourceFile(input, maxBytes) : { bytes: input.bytes, name: input.name ?? "<bytes>" };
  if (bytes.byteLength === 0) throw new IngestError("empty", `${file}: the file is empty`, file);
  if (bytes.byteLength > maxBytes) {
    throw new IngestError("too-large", `${file}: ${bytes.byteLength} bytes is over the limit of ${maxBytes}`, file);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const format = detectFormat(bytes);
  if (!format) {
    throw new IngestError("unknown-format", `${file}: not a PDF, DOCX, HTML or text file (binary content)`, file);
  }
  const readOptions: ReadOptions = { ocr: options.ocr ?? "auto", maxPages: options.maxPages ?? DEFAULT_MAX_PAGES, file, deadline, timeoutMs };
  const read = await readFormat(format, bytes, readOptions);
  const normalized = normalizePages(read.pages, { fromPdf: read.format === "pdf" });
  // A document without a line of text is refused, not stored empty: once OCR is installed (or the
  // file is replaced) the next run reads it again, which it would not do for a stored document.
  if (normalized.lines.length === 0) throw noText(file, read);
  const doc: SourceDocument = {
    file,
    format: read.format,
    sha256,
    pages: read.pages.length,
    lines: normalized.lines,
    warnings: read.warnings,
    meta: {
      ...read.meta,
      removedHeaderFooterLines: normalized.removedHeaderFooterLines,
      joinedHyphens: normalized.joinedHyphens,
    },
  };
  return SourceDocumentSchema.parse(doc);
}

function noText(file: string, read: ReadResult): IngestError {
  const pages = read.pages.length;
  const what = read.format === "pdf" ? `${pages} page${pages === 1 ? "" : "s"}` : "the file";
  if (read.unreadScans) {
    const { pages: scans, reason } = read.unreadScans;
    return new IngestError(
      "no-text",
      `${file}: no text on ${what}: ${scans.length === pages ? "every page is" : `${scans.length} page(s) are`} an image without a text layer (a scan?) and was not read: ${reason}`,
      file,
    );
  }
  const ocrd = read.meta.ocrPages?.length ?? 0;
  if (ocrd > 0) return new IngestError("no-text", `${file}: no text on ${what}: OCR of ${ocrd} scanned page(s) found no text`, file);
  return new IngestError("no-text", `${file}: no text on ${what} (blank, or only white space and page numbers)`, file);
}

// Readers are loaded on demand: pdfjs and mammoth are heavy and a text-only run needs neither.
// Each import is remembered: a dynamic import costs ~0.1 ms per call even when loaded.
const READERS = {
  pdf: () => import("./pdf.ts").then((m) => m.readPdf),
  docx: () => import("./docx.ts").then((m) => m.readDocx),
  html: () => import("./html.ts").then((m) => m.readHtml),
  txt: () => import("./text.ts").then((m) => m.readText),
};
type Reader = (bytes: Uint8Array, options: ReadOptions) => Promise<ReadResult>;
const loaded = new Map<ReadResult["format"], Promise<Reader>>();

async function readFormat(format: ReadResult["format"], bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  let reader = loaded.get(format);
  if (!reader) loaded.set(format, (reader = READERS[format]() as Promise<Reader>));
  return (await reader)(bytes, options);
}

/**
 * Reads a file whose size is checked before anything is read: a 500 MB file is refused by its
 * stat, and a file that grows while it is read is cut off at the limit (and refused). Only regular
 * files are opened (a FIFO would block, a directory is no document). Every failure is an
 * IngestError: "not-found" (gone since it was listed), "unreadable" (permissions, not a file,
 * I/O error) or "too-large".
 */
export async function readSourceFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<{ bytes: Uint8Array; name: string }> {
  const name = basename(path);
  const tooLarge = (size: number | string) => new IngestError("too-large", `${path}: ${size} bytes is over the limit of ${maxBytes}`, name);
  try {
    const before = await stat(path);
    if (!before.isFile()) throw new IngestError("unreadable", `${path}: not a regular file`, name);
    if (before.size > maxBytes) throw tooLarge(before.size);
    const handle = await open(path, "r");
    try {
      const size = (await handle.stat()).size;
      if (size > maxBytes) throw tooLarge(size);
      // One byte more than allowed tells a file that grew past the limit since its stat.
      const buffer = new Uint8Array(Math.min(size, maxBytes) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) {
          if (length > maxBytes) throw tooLarge(`over ${maxBytes}`);
          throw new IngestError("unreadable", `${path}: the file grew from ${size} bytes while it was read; try again`, name);
        }
      }
      return { bytes: buffer.subarray(0, length), name };
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new IngestError("not-found", `${path}: no such file (gone since it was listed?)`, name, { cause: err });
    throw new IngestError("unreadable", `${path}: cannot read (${code ?? String(err)})`, name, { cause: err });
  }
}
