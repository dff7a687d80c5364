/**
 * pdfjs in a worker thread (the reading itself is pdf-read.mjs). The thread starts without the
 * parent's loader hooks (tsx), so pdfjs loads natively. It also keeps pdfjs' console output away
 * from the parent's stdout (stdout carries the CLI's answers) and a crash inside pdfjs away from
 * the parent process.
 *
 * Protocol (one request at a time per id, many in flight):
 *   { id, type: "read", data, maxPages }  → { id, ok: true, numPages, pages: [{ page, width, height, items, rotatedChars, hasImage }] }
 *   { id, type: "render", data, page, scale } → { id, ok: true, png }
 *   failures → { id, ok: false, name, message, tooMany?: numPages }
 * Items are horizontal text runs in top-down page coordinates: { str, x, baseline, width, size }.
 */
import { parentPort } from "node:worker_threads";

// Nothing pdfjs prints may reach the parent's stdout (the CLI's answers) or stderr (the logs).
// Silenced here rather than piped: piped worker stdio holds a port that keeps the parent alive.
for (const k of ["log", "info", "warn", "error", "debug", "trace"]) console[k] = () => {};
process.stdout.write = () => true;
process.stderr.write = () => true;

const { readPdfPages, renderPdfPage } = await import("./pdf-read.mjs");

parentPort.on("message", async (msg) => {
  try {
    const result = msg.type === "render" ? await renderPdfPage(msg) : await readPdfPages(msg);
    parentPort.postMessage({ id: msg.id, ok: true, ...result });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, name: err?.name ?? "Error", message: err?.message ?? String(err) });
  }
});
parentPort.postMessage({ ready: true });
