/**
 * PDF reader: pdfjs text items → lines rebuilt by geometry, with layout hints (size, heading, gap,
 * indent, top position). Pages without a text layer are OCR'd when tesseract is installed, else
 * they are reported with a "no-text-layer" warning (and when no page has text, ingest refuses the
 * document with "no-text"). Pages are kept as the PDF has them. Reading and OCR together stop at
 * the document's deadline ("timeout").
 */
import { placedPagesToRaw } from "./layout-hints.ts";
import { ingestWarning } from "./messages.ts";
import { ocrPdfPages, ocrUnavailableReason, probeOcrTools } from "./ocr.ts";
import { itemsToLines, type PlacedPage } from "./pdf-lines.ts";
import { readPdfText } from "./pdfjs.ts";
import type { RawPage, ReadOptions, ReadResult } from "./raw.ts";
import { IngestError, type Message } from "./schema.ts";

/** A page with fewer visible characters than this and an image on it is a scan. */
const SCAN_MAX_TEXT_CHARS = 10;

const WHITE = /\s/;

/** Whether the page has at least `n` characters other than white space (counted up to n, no copies). */
function hasVisibleChars(page: PlacedPage, n: number): boolean {
  let count = 0;
  for (const l of page.lines) {
    // By UTF-16 unit, as the length of the text without white space would count them.
    for (let i = 0; i < l.text.length; i++) if (!WHITE.test(l.text[i]!) && ++count >= n) return true;
  }
  return false;
}

export async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const texts = await readPdfText(bytes, options);
  const warnings: Message[] = [];
  const textPages: PlacedPage[] = [];
  const scans = new Map<number, { width: number; height: number }>();

  for (const t of texts) {
    const placed: PlacedPage = { page: t.page, width: t.width, height: t.height, lines: itemsToLines(t.items) };
    if (t.hasImage && !hasVisibleChars(placed, SCAN_MAX_TEXT_CHARS)) scans.set(t.page, { width: t.width, height: t.height });
    else textPages.push(placed);
    if (t.rotatedChars > 0) {
      warnings.push(
        ingestWarning("rotated-text", `page ${t.page}: ${t.rotatedChars} characters of vertical or rotated text were left out`, t.page),
      );
    }
  }

  const ocrPlaced: PlacedPage[] = [];
  let unreadScans: ReadResult["unreadScans"];
  if (scans.size > 0) {
    const tools = await probeOcrTools();
    const unavailable = options.ocr === "off" ? "OCR is turned off" : ocrUnavailableReason(tools);
    const results = unavailable ? null : await ocrPdfPages(bytes, scans, tools, options.deadline);
    for (const [n, size] of scans) {
      const r = results?.get(n);
      if (r && !(r instanceof Error)) {
        ocrPlaced.push(r);
        continue;
      }
      if (r && Date.now() >= options.deadline) {
        const limit = `${Math.round(options.timeoutMs / 100) / 10} s`;
        throw new IngestError("timeout", `${options.file}: reading the PDF and OCR of its scanned pages took over ${limit}; gave up`, options.file);
      }
      const why = unavailable ?? `OCR failed: ${r?.message ?? "no result"}`;
      warnings.push(ingestWarning("no-text-layer", `page ${n} has no text layer (a scan?) and was not read: ${why}`, n));
      textPages.push({ page: n, ...size, lines: [] });
      unreadScans ??= { pages: [], reason: why };
      unreadScans.pages.push(n);
    }
  }

  // Text-layer pages and OCR'd pages are measured separately: OCR sizes are estimates in other units.
  const pages: RawPage[] = [...placedPagesToRaw(textPages), ...placedPagesToRaw(ocrPlaced, { estimated: true })];
  pages.sort((a, b) => a.page - b.page);
  const ocrPages = ocrPlaced.map((p) => p.page).sort((a, b) => a - b);
  return { format: "pdf", pages, warnings, meta: ocrPages.length > 0 ? { ocrPages } : {}, ...(unreadScans ? { unreadScans } : {}) };
}
