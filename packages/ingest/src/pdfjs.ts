/**
 * pdfjs in worker threads (pdf-worker.mjs), started on first use and reused by every later
 * document: the ingest pipeline is long-running, and loading pdfjs is its most expensive step.
 * One thread by default; `setPdfReaderThreads(n)` lets a batch run read n PDFs at once (parsing
 * is the pipeline's bottleneck, so n = the number of cores uses them all). A request goes to
 * the least busy thread, and a new thread is started while all are busy and the pool has room. The thread starts without the parent's loader hooks, so pdfjs loads as
 * plain JavaScript (not through tsx), and its stdout is captured and dropped: pdfjs can never write
 * into the CLI's answers. A document that keeps pdfjs busy past its time limit fails with
 * "timeout" and the thread is replaced; other documents in flight on it are retried once. The
 * thread's heap is capped (PDF_READER_HEAP_MB): a document that needs more fails with "too-large"
 * instead of taking the whole process down.
 *
 * Failures map onto IngestError codes: a password → "encrypted", anything structurally wrong
 * (truncated, garbage, an xref pdfjs cannot rebuild) → "corrupt".
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

/** The reader thread's heap limit: a hostile PDF can make pdfjs allocate without end. */
export const PDF_READER_HEAP_MB = 1024;

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * The thread stopped while this request was in flight. `alone`: it was the only request, so its
 * document stopped the thread (otherwise the fault may be another document's).
 */
class ReaderStopped extends Error {
  constructor(
    message: string,
    readonly alone: boolean,
    readonly outOfMemory = false,
  ) {
    super(message);
  }
}

/** `stopped`: terminated by us after a timeout, so the requests still open on it are not at fault. */
interface Reader {
  thread: Worker;
  pending: Map<number, Pending>;
  stopped: boolean;
}
let pool: Reader[] = [];
let poolSize = 1;
let nextId = 1;

/** pdf-read.mjs's functions, loaded natively by a thread that reads its PDFs itself. */
export interface PdfThreadReader {
  readPdfPages(request: { data: Uint8Array; maxPages: number }): Promise<{ numPages?: number; pages?: PdfPageText[]; tooMany?: number }>;
  renderPdfPage(request: { data: Uint8Array; page: number; scale: number }): Promise<{ png: Uint8Array }>;
}

let inThread: PdfThreadReader | null = null;

/**
 * From now on this thread reads PDFs itself, with `reader` (the functions of
 * "@minutes/ingest/pdf-read", imported natively by the caller), instead of handing them to reader
 * threads. For a batch pipeline's worker threads: one thread reads, rebuilds lines and extracts a
 * document, with no second thread and no copy of every text item between threads. Such a thread
 * cannot stop pdfjs at the document's deadline: whoever runs it must (by terminating the thread).
 */
export function readPdfsInThisThread(reader: PdfThreadReader): void {
  inThread = reader;
}

/** How many PDFs may be read at once (threads of pdfjs); at least 1. */
export function setPdfReaderThreads(n: number): void {
  poolSize = Math.max(1, Math.floor(n));
}

const drop = (r: Reader) => {
  pool = pool.filter((x) => x !== r);
};

/** The least busy thread; a new one while every thread is busy and the pool has room. */
function pickReader(): Reader {
  const idle = pool.find((r) => r.pending.size === 0);
  if (idle) return idle;
  if (pool.length < poolSize) {
    const r = startWorker();
    pool.push(r);
    return r;
  }
  return pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

function startWorker(): Reader {
  const thread = new Worker(new URL("./pdf-worker.mjs", import.meta.url), {
    // No inherited --import/--require: pdfjs loads natively, not through the TypeScript loader.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: PDF_READER_HEAP_MB },
  });
  const self = { thread, pending: new Map<number, Pending>(), stopped: false };
  // pdfjs (and its wasm decoders) may print: the thread silences its own console and stdio.
  thread.on("message", (msg: Reply | { ready: true }) => {
    if (!("id" in msg)) return;
    const p = self.pending.get(msg.id);
    if (!p) return;
    settle(self, msg.id);
    p.resolve(msg);
  });
  const fail = (message: string, outOfMemory = false) => {
    drop(self);
    const alone = !self.stopped && self.pending.size === 1;
    for (const [id, p] of self.pending) {
      settle(self, id);
      p.reject(new ReaderStopped(message, alone, outOfMemory));
    }
  };
  thread.on("error", (err: NodeJS.ErrnoException) =>
    fail(`the PDF reader thread failed (${err.message})`, err.code === "ERR_WORKER_OUT_OF_MEMORY"),
  );
  thread.on("exit", (code) => fail(`the PDF reader thread stopped (exit code ${code})`));
  thread.unref();
  return self;
}

function settle(w: Reader, id: number): void {
  clearTimeout(w.pending.get(id)?.timer);
  w.pending.delete(id);
  // An idle thread must not keep the process alive.
  if (w.pending.size === 0) w.thread.unref();
}

/** Sends one request; the thread is kept referenced (the process stays alive) only while requests are open. */
/** The document's time: when it runs out, and the limit it was set from (for the message). */
interface Deadline {
  deadline: number;
  timeoutMs: number;
}

function request(message: { type: string; data: Uint8Array } & Record<string, unknown>, file: string, time: Deadline): Promise<Reply> {
  const w = pickReader();
  const id = nextId++;
  return new Promise<Reply>((resolve, reject) => {
    // On timeout the thread is stopped (there is no other way to halt pdfjs); documents in flight
    // beside this one fail with ReaderStopped and are retried on a fresh thread.
    const timer = setTimeout(() => {
      settle(w, id);
      reject(new IngestError("timeout", `${file}: reading the PDF took over ${seconds(time.timeoutMs)} s; gave up`, file));
      drop(w);
      w.stopped = true;
      void w.thread.terminate();
    }, Math.min(Math.max(1, time.deadline - Date.now()), MAX_TIMER_MS));
    w.pending.set(id, { resolve, reject, timer });
    w.thread.ref();
    // The data is a private copy: hand it over instead of copying it once more.
    w.thread.postMessage({ id, ...message }, [message.data.buffer as ArrayBuffer]);
  });
}

/** A request, retried once on a fresh thread when the thread may have stopped for another document's sake. */
async function requestWithRetry(
  make: () => { type: string; data: Uint8Array } & Record<string, unknown>,
  file: string,
  time: Deadline,
): Promise<Reply> {
  try {
    return await request(make(), file, time);
  } catch (err) {
    if (!(err instanceof ReaderStopped) || err.alone) throw err;
    return request(make(), file, time);
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
/** setTimeout fires at once for delays past 2³¹−1 ms (an Infinity deadline means "no limit"). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The first reader thread's id, or undefined before the first PDF. */
export function readerThreadId(): number | undefined {
  return pool[0]?.thread.threadId;
}

/** Loads the reader threads ahead of the first document (optional: reading starts them anyway). */
export function warmUpPdfjs(): void {
  while (pool.length < poolSize) pool.push(startWorker());
}

/**
 * Reads the text items of every page, giving up at `deadline` (Date.now() time). `bytes` is
 * copied (the copy is handed over to the thread), so the caller's array stays intact.
 */
export async function readPdfText(bytes: Uint8Array, options: { file: string; maxPages: number } & Deadline): Promise<PdfPageText[]> {
  const { file, maxPages } = options;
  const reply = inThread ? await readHere(inThread, bytes, maxPages) : await readInReaderThread(bytes, options);
  if (!reply.ok) throw pdfError(reply, file);
  if (reply.tooMany !== undefined) {
    throw new IngestError("too-large", `${file}: ${reply.tooMany} pages is over the limit of ${maxPages}`, file);
  }
  return reply.pages ?? [];
}

/** In this thread; pdfjs' errors become a failed reply, as the reader threads send them. */
async function readHere(reader: PdfThreadReader, bytes: Uint8Array, maxPages: number): Promise<Reply> {
  try {
    // A copy: pdfjs may take the buffer over, and the caller's bytes are still needed (OCR).
    return { id: 0, ok: true, ...(await reader.readPdfPages({ data: bytes.slice(), maxPages })) };
  } catch (err) {
    const e = err as { name?: string; message?: string } | undefined;
    return { id: 0, ok: false, name: e?.name ?? "Error", message: e?.message ?? String(err) };
  }
}

async function readInReaderThread(bytes: Uint8Array, options: { file: string; maxPages: number } & Deadline): Promise<Reply> {
  const { file, maxPages } = options;
  try {
    return await requestWithRetry(() => ({ type: "read", data: bytes.slice(), maxPages }), file, options);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    if (err instanceof ReaderStopped && err.outOfMemory) {
      throw new IngestError("too-large", `${file}: reading the PDF needs more than ${PDF_READER_HEAP_MB} MB of memory; gave up`, file, { cause: err });
    }
    throw new IngestError("corrupt", `${file}: the PDF reader failed on this file (${(err as Error).message})`, file, { cause: err });
  }
}

/** Renders one page to PNG (the OCR fallback when poppler's pdftoppm is not installed). */
export async function renderPdfPage(bytes: Uint8Array, page: number, scale: number, deadline: number): Promise<Buffer> {
  if (inThread) {
    const { png } = await inThread.renderPdfPage({ data: bytes.slice(), page, scale });
    return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  }
  const reply = await requestWithRetry(() => ({ type: "render", data: bytes.slice(), page, scale }), `page ${page}`, { deadline, timeoutMs: deadline - Date.now() });
  if (!reply.ok || !reply.png) throw new Error(`rendering page ${page} failed: ${reply.message ?? "no image"}`);
  return Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength);
}

function pdfError(reply: Reply, file: string): IngestError {
  if (reply.name === "PasswordException") {
    return new IngestError("encrypted", `${file}: the PDF is password-protected; save an unprotected copy and try again`, file);
  }
  return new IngestError("corrupt", `${file}: not a readable PDF (${reply.message}); the file may be truncated or damaged`, file);
}
