/**
 * ingest(input) → SourceDocument: any minutes file (PDF, DOCX, text in any common encoding, HTML)
 * becomes the same positioned lines. This is the package's only public entry.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { detectFormat } from "./detect.ts";
import { normalizePages } from "./normalize.ts";
import type { ReadOptions, ReadResult } from "./raw.ts";
import { IngestError, SourceDocumentSchema, type SourceDocument } from "./schema.ts";

export * from "./schema.ts";

export interface IngestOptions {
  /** OCR pages without a text layer when tesseract is installed ("auto", the default) or never. */
  ocr?: "auto" | "off";
  /** Refuse inputs larger than this many bytes before reading them (default 100 MiB). */
  maxBytes?: number;
  /** Refuse documents with more pages than this (default 2,000). */
  maxPages?: number;
}

export type IngestInput = string | { bytes: Uint8Array; name?: string };

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 2000;

export async function ingest(input: IngestInput, options: IngestOptions = {}): Promise<SourceDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { bytes, name } = await readInput(input, maxBytes);
  const file = name;
  if (bytes.byteLength === 0) throw new IngestError("empty", `${file}: the file is empty`, file);
  if (bytes.byteLength > maxBytes) {
    throw new IngestError("too-large", `${file}: ${bytes.byteLength} bytes is over the limit of ${maxBytes}`, file);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const format = detectFormat(bytes);
  if (!format) {
    throw new IngestError("unknown-format", `${file}: not a PDF, DOCX, HTML or text file (binary content)`, file);
  }
  const readOptions: ReadOptions = { ocr: options.ocr ?? "auto", maxPages: options.maxPages ?? DEFAULT_MAX_PAGES, file };
  const read = await readFormat(format, bytes, readOptions);
  const normalized = normalizePages(read.pages, { fromPdf: read.format === "pdf" });
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

async function readFormat(format: ReadResult["format"], bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  // Readers are loaded on demand: pdfjs and mammoth are heavy and a text-only run needs neither.
  switch (format) {
    case "pdf":
      return (await import("./pdf.ts")).readPdf(bytes, options);
    case "docx":
      return (await import("./docx.ts")).readDocx(bytes, options);
    case "html":
      return (await import("./html.ts")).readHtml(bytes, options);
    case "txt":
      return (await import("./text.ts")).readText(bytes, options);
  }
}

async function readInput(input: IngestInput, maxBytes: number): Promise<{ bytes: Uint8Array; name: string }> {
  if (typeof input !== "string") return { bytes: input.bytes, name: input.name ?? "<bytes>" };
  const name = basename(input);
  let size: number;
  try {
    const s = await stat(input);
    if (!s.isFile()) throw new IngestError("unreadable", `${input}: not a regular file`, name);
    size = s.size;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new IngestError("not-found", `${input}: no such file`, name, { cause: err });
    throw new IngestError("unreadable", `${input}: cannot read (${code ?? String(err)})`, name, { cause: err });
  }
  // Refuse by size before reading: a 500 MB file must never be pulled into memory.
  if (size > maxBytes) throw new IngestError("too-large", `${input}: ${size} bytes is over the limit of ${maxBytes}`, name);
  try {
    return { bytes: new Uint8Array(await readFile(input)), name };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new IngestError("unreadable", `${input}: cannot read (${code ?? String(err)})`, name, { cause: err });
  }
}
