/**
 * The bare pdfjs-dist baseline of `pnpm bench`: one process, one document at a time,
 * getDocument({ data }) → getTextContent() of every page, nothing else. Plain JavaScript (no
 * tsx), as the pipeline's reader threads load pdfjs.
 *
 *   node scripts/bench/pdfjs-loop.mjs LIST.json [--natives]    (LIST: a JSON array of PDF paths)
 *
 * --natives: put back the built-ins that the legacy build's core-js replaces (as the pipeline's
 * reader, packages/ingest/src/pdf-read.mjs, does), to show how much of the pipeline's speed
 * over the bare loop comes from that alone.
 *
 * Prints { docs, pages, items, ms } on stdout (ms: the loop alone, after pdfjs is loaded).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// pdfjs-dist is a dependency of packages/ingest (pnpm keeps it out of the root's node_modules).
const ingestPkg = resolve(dirname(fileURLToPath(import.meta.url)), "../../packages/ingest/package.json");
const require = createRequire(ingestPkg);
const natives = process.argv.includes("--natives")
  ? [[Array.prototype, "push"], [JSON, "parse"], [JSON, "stringify"], [Function.prototype, "toString"]].map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)])
  : [];
const pdfjs = await import(pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.mjs")).href);
if (natives.length > 0) {
  // The worker half brings its own core-js: loaded now, so that its replacements are undone too.
  globalThis.pdfjsWorker = await import(pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href);
  for (const [o, k, d] of natives) Object.defineProperty(o, k, d);
}
const root = dirname(require.resolve("pdfjs-dist/package.json"));
const dir = (name) => join(root, name) + "/";

const files = JSON.parse(readFileSync(process.argv[2], "utf8"));
let pages = 0;
let items = 0;
const t0 = performance.now();
for (const file of files) {
  // The same document options as the pipeline's reader (packages/ingest/src/pdf-worker.mjs).
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: dir("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: dir("standard_fonts"),
    wasmUrl: dir("wasm"),
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  pages += doc.numPages;
  await doc.destroy();
}
process.stdout.write(JSON.stringify({ docs: files.length, pages, items, ms: performance.now() - t0 }) + "\n");
