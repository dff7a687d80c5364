/**
 * A pool of worker threads that parse and extract documents (parse-worker.mjs → parse-job.ts)
 * while the main thread, the one writer, stores them. Each thread takes one document at a time,
 * so `size` threads keep `size` cores busy with the expensive part (pdfjs, line building,
 * extraction), and a document that goes wrong can only take its own thread down:
 * - past its time limit (pdfjs cannot be interrupted inside its thread) the thread is terminated
 *   and the document fails with "timeout";
 * - past the thread's heap limit it is read once more, alone, in a thread with a large heap
 *   (started for it and stopped after it), and fails with "too-large" only past that one's;
 * - any other end of the thread fails it with "crashed".
 * A new thread is started for the next document. Idle threads do not keep the process alive.
 *
 * Why two heap sizes: V8 lets a thread's heap grow towards its limit before it collects hard: over
 * 300 generated PDFs a thread allowed 1 GB held a 143 MB heap, one allowed 192 MB 124 MB, at the
 * same speed. A batch run keeps its memory lower and flat, and the rare huge document still gets
 * the room it needs.
 */
import { Worker } from "node:worker_threads";
import { DEFAULT_TIMEOUT_MS, type IngestOptions } from "@minutes/ingest";
import type { ParseResult } from "./parse-job.ts";

/** The pool's threads' heap limit (old generation): ample for ordinary minutes of hundreds of pages. */
export const PARSE_THREAD_HEAP_MB = 192;
/** The heap of the thread a document gets when it did not fit in the first: a hostile document can make pdfjs or mammoth allocate without end. */
export const LARGE_PARSE_THREAD_HEAP_MB = 1024;
/**
 * Beyond the document's own limit, which ingest enforces on OCR itself (with a better message):
 * a tenth of the limit, at most 5 s.
 */
const graceMs = (limitMs: number) => Math.min(5_000, limitMs / 10);
/** How long close() waits for the threads to stop. */
const CLOSE_WAIT_MS = 1_000;
/** A thread that does not load within this long is a broken installation, not a bad document. */
const START_TIMEOUT_MS = 60_000;

interface Job {
  id: number;
  bytes: Uint8Array;
  name: string;
  limits: IngestOptions;
  resolve: (r: ParseResult) => void;
  reject: (e: Error) => void;
  /** Ran out of memory in a pool thread: next in a thread of its own with the large heap. */
  large?: boolean;
}

interface Slot {
  thread: Worker;
  ready: Promise<void>;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  heapMb: number;
  /** A large-heap thread started for one document, stopped after it. */
  dedicated: boolean;
}

export class ParsePool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Documents that ran out of memory in a pool thread and were read again with the large heap. */
  largeRetries = 0;

  constructor(
    readonly size: number,
    /** Heap limits (MB) of the pool's threads and of the retry thread; tests make them small. */
    private readonly heaps: { heapMb: number; largeHeapMb: number } = { heapMb: PARSE_THREAD_HEAP_MB, largeHeapMb: LARGE_PARSE_THREAD_HEAP_MB },
  ) {}

  /** Parses and extracts one file's bytes. */
  parse(bytes: Uint8Array, name: string, limits: IngestOptions = {}): Promise<ParseResult> {
    if (this.closed) return Promise.reject(new Error("the parse pool is closed"));
    return new Promise<ParseResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, name, limits, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every thread; documents still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the parse pool is closed"));
    // A thread may take a while to stop, or (caught loading modules) not report its exit at all,
    // and nothing else may keep the process alive meanwhile: the caller would then never get to
    // write its answer. So the wait is bounded by a timer, which keeps the process alive while it
    // runs; a thread still going after it is let go (unreferenced) and ends with the process.
    const stopping = this.slots.splice(0).map((s) => {
      s.thread.unref();
      return s.thread.terminate();
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(stopping), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private dispatch(): void {
    for (const job of this.queue.filter((j) => j.large)) {
      this.queue.splice(this.queue.indexOf(job), 1);
      this.run(this.start(this.heaps.largeHeapMb, true), job);
    }
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null && !s.dedicated);
      if (!slot && this.slots.filter((s) => !s.dedicated).length < this.size) slot = this.start(this.heaps.heapMb, false);
      if (!slot) return;
      this.run(slot, this.queue.shift()!);
    }
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    slot.thread.ref();
    slot.ready.then(
      () => {
        if (slot.job !== job) return;
        const limit = job.limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        // setTimeout fires at once for delays past 2³¹−1 ms (an Infinity limit means "none").
        const delay = Math.min(limit + graceMs(limit), 2 ** 31 - 1);
        slot.timer = setTimeout(() => {
          const seconds = Math.round(limit / 100) / 10;
          this.fail(slot, { code: "timeout", message: `${job.name}: reading the document took over ${seconds} s; gave up` });
        }, delay);
        // Copied, not handed over: a document that runs out of memory is sent again.
        slot.thread.postMessage({ id: job.id, bytes: job.bytes, name: job.name, limits: job.limits });
      },
      (err: Error) => {
        // The thread could not even load: every document would fail the same way. Not a document's fault.
        this.remove(slot);
        job.reject(err);
      },
    );
  }

  private start(heapMb: number, dedicated: boolean): Slot {
    const thread = new Worker(new URL("./parse-worker.mjs", import.meta.url), {
      // No inherited --import/--require: pdfjs loads natively; our TypeScript goes through tsImport.
      // MINUTES_PROFILE_DIR: each thread writes a V8 CPU profile there (`pnpm bench` uses it).
      execArgv: process.env.MINUTES_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", process.env.MINUTES_PROFILE_DIR] : [],
      // V8's young generation is left at its default (48 MB): at 16 MB a thread needs ~17 MB less but
      // spends 3 % more CPU collecting pdfjs' garbage (measured on 300 PDFs).
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let loaded!: () => void;
    let failedToLoad!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => {
      loaded = res;
      failedToLoad = rej;
    });
    // Marked handled: a slot that never gets a job must not turn a load failure into a crash.
    ready.catch(() => {});
    const slot: Slot = { thread, ready, job: null, timer: null, heapMb, dedicated };
    const startTimer = setTimeout(() => failedToLoad(new Error("a parse thread did not start within 60 s")), START_TIMEOUT_MS);
    startTimer.unref();
    let isReady = false;
    thread.on("message", (msg: { ready: true } | { id: number; result: ParseResult }) => {
      if ("ready" in msg) {
        isReady = true;
        clearTimeout(startTimer);
        loaded();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      this.settle(slot);
      job.resolve(msg.result);
      if (slot.dedicated) this.stop(slot);
      this.dispatch();
    });
    const ended = (why: string, code: string) => {
      clearTimeout(startTimer);
      const job = slot.job;
      if (!isReady) failedToLoad(new Error(`a parse thread failed to start: ${why}`));
      else if (job && code === "too-large" && !slot.dedicated) {
        // Out of memory in a pool thread: once more, alone, with the large heap.
        this.settle(slot);
        this.largeRetries++;
        this.queue.unshift({ ...job, large: true });
      } else if (job) this.fail(slot, { code, message: `${job.name}: ${why}` }, false);
      this.remove(slot);
      this.dispatch();
    };
    thread.on("error", (err: NodeJS.ErrnoException) =>
      err.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? ended(`reading the document needs more than ${heapMb} MB of memory; gave up`, "too-large")
        : ended(`the parse thread failed (${err.message})`, "crashed"),
    );
    thread.on("exit", (code) => ended(`the parse thread stopped (exit code ${code})`, "crashed"));
    this.slots.push(slot);
    return slot;
  }

  /** The slot's document fails; its thread is stopped (`terminate`) unless it has ended already. */
  private fail(slot: Slot, f: { code: string; message: string }, terminate = true): void {
    const job = slot.job;
    if (!job) return;
    this.settle(slot);
    job.resolve({ ok: false, format: null, stage: "ingest", ...f });
    if (terminate || slot.dedicated) {
      this.stop(slot);
      this.dispatch();
    }
  }

  private stop(slot: Slot): void {
    this.remove(slot);
    slot.thread.unref();
    void slot.thread.terminate();
  }

  private settle(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.thread.unref();
  }

  private remove(slot: Slot): void {
    this.slots = this.slots.filter((s) => s !== slot);
  }
}
