/**
 * A pipeline worker thread: reads a document (PDFs with pdfjs in this same thread), rebuilds its
 * lines and extracts it (parse-job.ts), and sends the result to the one writer in the main thread
 * (parse-pool.ts). Plain JavaScript, so that pdfjs is loaded natively (ingest's pdf-read.mjs);
 * only our own TypeScript goes through tsx's scoped loader (tsImport), whatever loader the parent
 * runs under (tsx, vitest).
 *
 * Protocol: { id, bytes, name, limits } → { id, result: ParseResult }; { ready: true } once loaded.
 */
import { parentPort } from "node:worker_threads";

// Nothing a library prints (pdfjs, natural) may reach the parent's stdout (the CLI's answers) or
// stderr (the logs). Silenced rather than piped: piped worker stdio keeps the parent alive.
for (const k of ["log", "info", "warn", "error", "debug", "trace"]) console[k] = () => {};
process.stdout.write = () => true;
process.stderr.write = () => true;

const { tsImport } = await import("tsx/esm/api");
const job = await tsImport("./parse-job.ts", import.meta.url);
// pdfjs is loaded on the first PDF (natively, from here): a run of text files never pays for it.
let pdfRead;
const pdf = () => (pdfRead ??= import("@minutes/ingest/pdf-read"));
job.readPdfsInThisThread({
  readPdfPages: async (request) => (await pdf()).readPdfPages(request),
  renderPdfPage: async (request) => (await pdf()).renderPdfPage(request),
});

parentPort.on("message", async (msg) => {
  const result = await job.parseFile(msg);
  parentPort.postMessage({ id: msg.id, result });
});
parentPort.postMessage({ ready: true });
