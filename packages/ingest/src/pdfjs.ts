/**
 * One pdfjs-dist module for the whole process. Importing the legacy build costs ~100 ms and the
 * ingest pipeline is long-running, so the module is loaded once and every document reuses it.
 * pdfjs must never write to stdout (stdout carries the CLI's answers): verbosity 0 silences its
 * info/warning console output, and we pass every data path it could otherwise warn about.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { IngestError } from "./schema.ts";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
export type PdfDocument = Awaited<ReturnType<Pdfjs["getDocument"]>["promise"]>;
export type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

let loaded: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  // getDocument({ verbosity }) sets pdfjs' global level; every call below passes ERRORS.
  loaded ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return loaded;
}

/** pdfjs wants directory URLs with a trailing slash; in Node plain paths are read with fs. */
function dataDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  const dir = (name: string) => join(root, name) + "/";
  return { cMapUrl: dir("cmaps"), standardFontDataUrl: dir("standard_fonts"), wasmUrl: dir("wasm") };
}
let dirs: ReturnType<typeof dataDirs> | undefined;

/**
 * Opens a PDF, mapping pdfjs' failures onto IngestError codes: a password → "encrypted",
 * anything structurally wrong (truncated, garbage, bad xref) → "corrupt".
 */
export async function openPdf(bytes: Uint8Array, file: string): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  dirs ??= dataDirs();
  const task = pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given; hand it a copy so the caller's bytes survive.
    data: bytes.slice(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapPacked: true,
    ...dirs,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw pdfOpenError(err, file);
  }
}

export function pdfOpenError(err: unknown, file: string): IngestError {
  const name = (err as { name?: string })?.name ?? "";
  const detail = (err as { message?: string })?.message ?? String(err);
  if (name === "PasswordException") {
    return new IngestError(
      "encrypted",
      `${file}: the PDF is password-protected; save an unprotected copy and try again`,
      file,
      { cause: err },
    );
  }
  return new IngestError("corrupt", `${file}: not a readable PDF (${detail}); the file may be truncated or damaged`, file, {
    cause: err,
  });
}
