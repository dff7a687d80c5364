/**
 * The pipeline's worker threads (parse-pool.ts → parse-worker.mjs → parse-job.ts): what a thread
 * returns is exactly what ingest → extract return in this thread, and a document that goes wrong
 * (a PDF that loops, a password, garbage) fails alone, with its code, while the next one is read.
 */
import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { extract } from "@minutes/extract";
import { ingest } from "@minutes/ingest";
import { afterAll, describe, expect, it } from "vitest";
import { ParsePool } from "../src/parse-pool.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const FILES = [
  "fixtures/seeds/000.pdf",
  "fixtures/seeds/001.docx",
  "fixtures/seeds/002.txt",
  "fixtures/seeds/003.pdf",
  "fixtures/seeds/004.docx",
  "fixtures/extract/own-flattened.pdf",
  "fixtures/ingest/002-windows-1252.txt",
].map((f) => join(ROOT, f));

const pool = new ParsePool(2);
afterAll(() => pool.close());

const bytesOf = async (path: string) => new Uint8Array(await readFile(path));

describe("parse pool", () => {
  it("returns what ingest → extract return in this thread, for PDF, DOCX and text, two threads at once", async () => {
    const results = await Promise.all(FILES.map(async (f) => pool.parse(await bytesOf(f), basename(f))));
    for (const [i, f] of FILES.entries()) {
      const doc = await ingest({ bytes: await bytesOf(f), name: basename(f) });
      const r = results[i]!;
      if (!r.ok) throw new Error(`${f}: ${r.code} ${r.message}`);
      expect(r.doc).toEqual({ format: doc.format, pages: doc.pages, warnings: doc.warnings, meta: doc.meta });
      expect(r.minutes).toEqual(extract(doc));
    }
  }, 120_000);

  it("a looping PDF fails with timeout, its thread is replaced and the next document is read", async () => {
    const [looped, next] = await Promise.all([
      pool.parse(await bytesOf(join(ROOT, "fixtures/bad/loop.pdf")), "loop.pdf", { timeoutMs: 500 }),
      pool.parse(await bytesOf(FILES[0]!), "000.pdf"),
    ]);
    expect(looped).toEqual({ ok: false, format: null, stage: "ingest", code: "timeout", message: "loop.pdf: reading the document took over 0.5 s; gave up" });
    expect(next.ok).toBe(true);
    const after = await pool.parse(await bytesOf(FILES[2]!), "002.txt");
    expect(after.ok && after.minutes.items.length).toBeGreaterThan(0);
  }, 60_000);

  it("bad files fail with ingest's codes and messages", async () => {
    const cases: [string, string][] = [
      ["encrypted-user-password.pdf", "encrypted"],
      ["truncated.pdf", "corrupt"],
      ["zip-bomb.docx", "too-large"],
      ["utf-32.txt", "encoding"],
    ];
    for (const [file, code] of cases) {
      const r = await pool.parse(await bytesOf(join(ROOT, "fixtures/bad", file)), file);
      let expected: unknown;
      try {
        await ingest({ bytes: await bytesOf(join(ROOT, "fixtures/bad", file)), name: file });
      } catch (err) {
        expected = (err as Error).message;
      }
      expect(r).toEqual({ ok: false, format: null, stage: "ingest", code, message: expected });
    }
  }, 60_000);

  it("a document that outgrows a thread's heap is read again alone with the large heap; past that it is too-large", async () => {
    // 4 MB of minutes text: more than a 32 MB heap holds while it is read and extracted.
    const line = "Punkt 3. Sundhedshuse i klyngen. Det indstilles, at styregruppen godkender planen. Beslutning: Godkendt.\n";
    const big = new TextEncoder().encode(line.repeat(Math.round(4e6 / line.length)));
    const retried = new ParsePool(1, { heapMb: 32, largeHeapMb: 1024 });
    try {
      const r = await retried.parse(big, "big.txt");
      expect(r).toMatchObject({ ok: true, doc: { format: "txt", pages: 1 } });
      expect(retried.largeRetries).toBe(1);
      // The pool goes on with its small-heap thread.
      expect((await retried.parse(await bytesOf(FILES[2]!), "002.txt")).ok).toBe(true);
    } finally {
      await retried.close();
    }
    const small = new ParsePool(1, { heapMb: 32, largeHeapMb: 32 });
    try {
      expect(await small.parse(big, "big.txt")).toEqual({
        ok: false,
        format: null,
        stage: "ingest",
        code: "too-large",
        message: "big.txt: reading the document needs more than 32 MB of memory; gave up",
      });
    } finally {
      await small.close();
    }
  }, 120_000);

  it("refuses work once closed", async () => {
    const p = new ParsePool(1);
    await p.close();
    await expect(p.parse(new Uint8Array([1]), "x.txt")).rejects.toThrow("closed");
  });
});
