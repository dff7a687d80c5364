/**
 * pdfjs in a worker thread. Plain JavaScript on purpose: the thread starts without the parent's
 * loader hooks (tsx), so Node loads pdfjs' 8 MB of bundles natively: 0.1 s and ~50 MB instead of
 * ~1 s and ~350 MB through the TypeScript loader. It also keeps pdfjs' console output away from
 * the parent's stdout (stdout carries the CLI's answers) and a crash inside pdfjs away from the
 * parent process.
 *
 * Protocol (one request at a time per id, many in flight):
 *   { id, type: "read", data, maxPages }  → { id, ok: true, numPages, pages: [{ page, width, height, items, rotatedChars, hasImage }] }
 *   { id, type: "render", data, page, scale } → { id, ok: true, png }
 *   failures → { id, ok: false, name, message, tooMany?: numPages }
 * Items are horizontal text runs in top-down page coordinates: { str, x, baseline, width, size }.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parentPort } from "node:worker_threads";

// Nothing pdfjs prints may reach the parent's stdout (the CLI's answers) or stderr (the logs).
// Silenced here rather than piped: piped worker stdio holds a port that keeps the parent alive.
for (const k of ["log", "info", "warn", "error", "debug", "trace"]) console[k] = () => {};
process.stdout.write = () => true;
process.stderr.write = () => true;

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
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

async function read({ data, maxPages }) {
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

async function render({ data, page: n, scale }) {
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

parentPort.on("message", async (msg) => {
  try {
    const result = msg.type === "render" ? await render(msg) : await read(msg);
    parentPort.postMessage({ id: msg.id, ok: true, ...result });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, name: err?.name ?? "Error", message: err?.message ?? String(err) });
  }
});
parentPort.postMessage({ ready: true });
