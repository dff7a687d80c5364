/**
 * Reading a PDF's text with pdfjs-dist, in whatever thread imports this module. Plain JavaScript
 * on purpose: it is loaded natively (not through the TypeScript loader), which for pdfjs' 8 MB of
 * bundles means 0.1 s and ~50 MB instead of ~1 s and ~350 MB. Two users: pdf-worker.mjs (ingest's
 * own pool of reader threads) and a batch pipeline's worker threads, which read PDFs in the same
 * thread that then extracts them (see `readPdfsInThisThread` in pdfjs.ts).
 *
 *   readPdfPages({ data, maxPages }) → { numPages, pages: [{ page, width, height, items, rotatedChars, hasImage }] } | { tooMany }
 *   renderPdfPage({ data, page, scale }) → { png }
 * Items are horizontal text runs in top-down page coordinates: { str, x, baseline, width, size }.
 * pdfjs' own errors are thrown as they are (PasswordException, InvalidPDFException, …).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// pdfjs' legacy build (the one that runs on Node 20) brings core-js, which replaces a few built-ins
// Node already has, for corners of the spec pdfjs never touches (push onto array-likes longer than
// 2³², JSON.parse's source text, toString of polyfills). The replacements are several times slower
// — Array.prototype.push alone was ~8 % of a reading thread's time — and slow down everything
// else in the thread too (extraction runs here in a pipeline worker). The natives go back.
const NATIVES = [
  [Array.prototype, "push"],
  [JSON, "parse"],
  [JSON, "stringify"],
  [Function.prototype, "toString"],
].map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)]);
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
// The worker half too, now rather than on the first document (it brings its own copy of core-js);
// pdfjs' in-thread ("fake") worker takes it from globalThis.pdfjsWorker.
globalThis.pdfjsWorker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
for (const [owner, key, native] of NATIVES) Object.defineProperty(owner, key, native);
const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const dir = (name) => join(root, name) + "/";

/** A page with fewer visible characters than this is checked for an image (a scan). */
const SCAN_MAX_TEXT_CHARS = 10;
const IMAGE_OPS = new Set([
  pdfjs.OPS.paintImageXObject,
  pdfjs.OPS.paintInlineImageXObject,
  pdfjs.OPS.paintImageMaskXObject,
  pdfjs.OPS.paintImageXObjectRepeat,
  pdfjs.OPS.paintImageMaskXObjectRepeat,
  pdfjs.OPS.paintInlineImageXObjectGroup,
  pdfjs.OPS.paintImageMaskXObjectGroup,
]);

function open(data) {
  return pdfjs.getDocument({
    data,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: dir("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: dir("standard_fonts"),
    wasmUrl: dir("wasm"),
  });
}

export async function readPdfPages({ data, maxPages }) {
  const task = open(data);
  const doc = await task.promise;
  try {
    if (doc.numPages > maxPages) return { tooMany: doc.numPages };
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      try {
        pages.push(await readPage(page, n));
      } finally {
        page.cleanup();
      }
    }
    return { numPages: doc.numPages, pages };
  } finally {
    await doc.destroy();
  }
}

async function readPage(page, n) {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = [];
  let chars = 0;
  let rotatedChars = 0;
  for (const it of content.items) {
    if (!("str" in it) || it.str === "") continue;
    // The viewport applies /Rotate and the crop box: x to the right, y down from the top.
    const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, it.transform);
    const visible = it.str.replace(/\s/g, "").length;
    // Only horizontal left-to-right text: rotated stamps and margin notes would scramble the lines.
    if (!(a > 0) || Math.abs(b) > 0.05 * a) {
      rotatedChars += visible;
      continue;
    }
    chars += visible;
    const size = Math.hypot(c, d);
    items.push({ str: it.str, x: e, baseline: f, width: it.width, size: size > 0 ? size : it.height });
  }
  let hasImage = false;
  if (chars < SCAN_MAX_TEXT_CHARS) {
    const ops = await page.getOperatorList();
    hasImage = ops.fnArray.some((fn) => IMAGE_OPS.has(fn));
  }
  return { page: n, width: viewport.width, height: viewport.height, items, rotatedChars, hasImage };
}

export async function renderPdfPage({ data, page: n, scale }) {
  const doc = await open(data).promise;
  try {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const { canvas } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas, viewport }).promise;
    page.cleanup();
    return { png: canvas.toBuffer("image/png") };
  } finally {
    await doc.destroy();
  }
}
