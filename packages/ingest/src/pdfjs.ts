/**
 * The one pdfjs of the process, in a worker thread (pdf-worker.mjs) that is started on first use
 * and reused by every later document: the ingest pipeline is long-running, and loading pdfjs is
 * its most expensive step. The thread starts without the parent's loader hooks, so pdfjs loads as
 * plain JavaScript (not through tsx), and its stdout is captured and dropped: pdfjs can never write
 * into the CLI's answers. A crash of the thread fails the documents in flight and the next
 * document starts a fresh one.
 *
 * Failures map onto IngestError codes: a password → "encrypted", anything structurally wrong
 * (truncated, garbage, bad xref) → "corrupt".
 */
import { Worker } from "node:worker_threads";
import { IngestError } from "./schema.ts";

/** A horizontal text run in top-down page coordinates (points). */
export interface PdfTextItem {
  str: string;
  x: number;
  baseline: number;
  width: number;
  size: number;
}

export interface PdfPageText {
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Visible characters left out because they run vertically or diagonally. */
  rotatedChars: number;
  /** Set for pages with (almost) no text: whether the page paints an image, i.e. is a scan. */
  hasImage: boolean;
}

interface Reply {
  id: number;
  ok: boolean;
  name?: string;
  message?: string;
  tooMany?: number;
  numPages?: number;
  pages?: PdfPageText[];
  png?: Uint8Array;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

function startWorker(): Worker {
  const w = new Worker(new URL("./pdf-worker.mjs", import.meta.url), {
    // No inherited --import/--require: pdfjs loads natively, not through the TypeScript loader.
    execArgv: [],
    stdout: true,
    stderr: true,
  });
  // pdfjs (and its wasm decoders) may print; none of it may reach our stdout or stderr.
  w.stdout.resume();
  w.stderr.resume();
  w.on("message", (msg: Reply | { ready: true }) => {
    if (!("id" in msg)) return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (pending.size === 0) w.unref();
    p.resolve(msg);
  });
  const fail = (err: Error) => {
    if (worker === w) worker = undefined;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(err);
    }
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`the PDF reader thread stopped (exit code ${code})`)));
  w.unref();
  return w;
}

/** Sends one request; the thread is kept referenced (the process stays alive) only while requests are open. */
function request(message: { type: string; data: Uint8Array } & Record<string, unknown>): Promise<Reply> {
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  return new Promise<Reply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    // The data is a private copy: hand it over instead of copying it once more.
    w.postMessage({ id, ...message }, [message.data.buffer as ArrayBuffer]);
  });
}

/** The reader thread's id, or undefined before the first PDF: one thread serves every document. */
export function readerThreadId(): number | undefined {
  return worker?.threadId;
}

/** Loads the reader thread ahead of the first document (optional: reading starts it anyway). */
export function warmUpPdfjs(): void {
  worker ??= startWorker();
}

/**
 * Reads the text items of every page. `bytes` is copied (the copy is handed over to the thread),
 * so the caller's array stays intact.
 */
export async function readPdfText(bytes: Uint8Array, file: string, maxPages: number): Promise<PdfPageText[]> {
  const data = bytes.slice();
  let reply: Reply;
  try {
    reply = await request({ type: "read", data, maxPages });
  } catch (err) {
    throw new IngestError("corrupt", `${file}: the PDF reader failed on this file (${(err as Error).message})`, file, { cause: err });
  }
  if (!reply.ok) throw pdfError(reply, file);
  if (reply.tooMany !== undefined) {
    throw new IngestError("too-large", `${file}: ${reply.tooMany} pages is over the limit of ${maxPages}`, file);
  }
  return reply.pages ?? [];
}

/** Renders one page to PNG (the OCR fallback when poppler's pdftoppm is not installed). */
export async function renderPdfPage(bytes: Uint8Array, page: number, scale: number): Promise<Buffer> {
  const reply = await request({ type: "render", data: bytes.slice(), page, scale });
  if (!reply.ok || !reply.png) throw new Error(`rendering page ${page} failed: ${reply.message ?? "no image"}`);
  return Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength);
}

function pdfError(reply: Reply, file: string): IngestError {
  if (reply.name === "PasswordException") {
    return new IngestError("encrypted", `${file}: the PDF is password-protected; save an unprotected copy and try again`, file);
  }
  return new IngestError("corrupt", `${file}: not a readable PDF (${reply.message}); the file may be truncated or damaged`, file);
}
