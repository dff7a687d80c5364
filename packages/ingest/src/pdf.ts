/**
 * PDF reader: pdfjs text items → lines rebuilt by geometry, with layout hints (size, heading, gap,
 * indent, top position). Pages without a text layer are OCR'd when tesseract is installed, else
 * they are reported with a "no-text-layer" warning. Pages are kept as the PDF has them.
 */
import { ingestWarning } from "./messages.ts";
import { probeOcrTools, ocrPdfPages, ocrUnavailableReason } from "./ocr.ts";
import { placedPagesToRaw } from "./layout-hints.ts";
import { itemsToLines, type PlacedItem, type PlacedPage } from "./pdf-lines.ts";
import { loadPdfjs, openPdf, pdfOpenError, type PdfDocument, type PdfPage } from "./pdfjs.ts";
import type { ReadOptions, ReadResult, RawPage } from "./raw.ts";
import { IngestError, type Message } from "./schema.ts";

/** A page with fewer visible characters than this, and an image on it, is treated as a scan. */
const SCAN_MAX_TEXT_CHARS = 10;

export async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const doc = await openPdf(bytes, options.file);
  try {
    if (doc.numPages > options.maxPages) {
      throw new IngestError(
        "too-large",
        `${options.file}: ${doc.numPages} pages is over the limit of ${options.maxPages}`,
        options.file,
      );
    }
    return await readPages(bytes, doc, options);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw pdfOpenError(err, options.file);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

async function readPages(bytes: Uint8Array, doc: PdfDocument, options: ReadOptions): Promise<ReadResult> {
  const warnings: Message[] = [];
  const textPages: PlacedPage[] = [];
  const scans: number[] = [];
  const emptyPages: PlacedPage[] = [];

  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    try {
      const placed = await placedPage(page, n);
      const chars = placed.lines.reduce((sum, l) => sum + l.text.replace(/\s/g, "").length, 0);
      if (chars < SCAN_MAX_TEXT_CHARS && (await paintsImage(page))) {
        scans.push(n);
        emptyPages.push({ ...placed, lines: [] });
      } else {
        textPages.push(placed);
      }
    } finally {
      page.cleanup();
    }
  }

  const ocrPages: number[] = [];
  const ocrPlaced: PlacedPage[] = [];
  if (scans.length > 0) {
    const tools = await probeOcrTools();
    const unavailable = options.ocr === "off" ? "OCR is turned off" : ocrUnavailableReason(tools);
    if (unavailable) {
      for (const n of scans) {
        warnings.push(ingestWarning("no-text-layer", `page ${n} has no text layer (a scan?) and was not read: ${unavailable}`, n));
      }
      textPages.push(...emptyPages);
    } else {
      const results = await ocrPdfPages(bytes, doc, scans, tools);
      for (const blank of emptyPages) {
        const r = results.get(blank.page);
        if (r instanceof Error || !r) {
          warnings.push(ingestWarning("ocr-failed", `page ${blank.page} has no text layer and OCR failed: ${r?.message ?? "no result"}`, blank.page));
          textPages.push(blank);
        } else {
          ocrPages.push(blank.page);
          ocrPlaced.push(r);
        }
      }
    }
  }

  // Text-layer pages and OCR'd pages are measured separately: OCR sizes are estimates in other units.
  const raw = new Map<number, RawPage>();
  for (const p of placedPagesToRaw(textPages)) raw.set(p.page, p);
  for (const p of placedPagesToRaw(ocrPlaced, { estimated: true })) raw.set(p.page, p);
  const pages = [...raw.values()].sort((a, b) => a.page - b.page);
  return { format: "pdf", pages, warnings, meta: ocrPages.length > 0 ? { ocrPages: ocrPages.sort((a, b) => a - b) } : {} };
}

/** Text items in top-down page coordinates (the viewport applies /Rotate and the crop box). */
async function placedPage(page: PdfPage, n: number): Promise<PlacedPage> {
  const { Util } = await loadPdfjs();
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PlacedItem[] = [];
  for (const it of content.items) {
    if (!("str" in it) || it.str === "") continue;
    const [a, b, c, d, e, f] = Util.transform(viewport.transform, it.transform) as number[];
    // Only horizontal left-to-right text: rotated stamps and margin notes would scramble the lines.
    if (!(a! > 0) || Math.abs(b!) > 0.05 * a!) continue;
    const size = Math.hypot(c!, d!);
    items.push({ str: it.str, x: e!, baseline: f!, width: it.width, size: size > 0 ? size : it.height });
  }
  return { page: n, width: viewport.width, height: viewport.height, lines: itemsToLines(items) };
}

/** Whether the page paints an image: tells a scan from a page that is simply blank. */
async function paintsImage(page: PdfPage): Promise<boolean> {
  const { OPS } = await loadPdfjs();
  const imageOps = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
  ]);
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn) => imageOps.has(fn));
}
