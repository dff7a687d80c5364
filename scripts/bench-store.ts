/**
 * Store benchmark: the bundled fixtures ingested N times over (default 100), each copy with
 * changed bytes (an appended line, so every copy is a new document with its own sha256).
 *
 *   pnpm bench:store [--times N]
 *
 * - end to end: `runFiles` (what `minutes ingest` runs: read, sha256, ingest, extract, one
 *   transaction per document, run record) over all copies, documents per second;
 * - store only: the same Minutes saved into a fresh database without ingest/extract, documents
 *   per second of saveDocument alone;
 * - size: the database file after a WAL checkpoint, bytes per stored document;
 * - search: median and p95 of a few queries on the full store.
 * Left out: 000-scanned.pdf (OCR takes ~2–6 s a page; it would be the whole figure).
 * Results also go to bench-results/store.json.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../packages/extract/src/index.ts";
import { ingest } from "../packages/ingest/src/index.ts";
import { openStore, type SaveDocumentInput } from "../packages/store/src/index.ts";
import { runFiles } from "../packages/cli/src/pipeline.ts";
import { createLogger } from "../packages/cli/src/log.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const times = Number(args[args.indexOf("--times") + 1]) || 100;

const sources = ["fixtures/seeds", "fixtures/extract"].flatMap((d) => [join(root, d)]);
async function fixtures(): Promise<string[]> {
  const { readdir } = await import("node:fs/promises");
  const out: string[] = [];
  for (const d of sources) {
    for (const f of (await readdir(d)).sort()) if (/\.(txt|pdf|docx)$/.test(f) && !f.includes("scanned")) out.push(join(d, f));
  }
  return out;
}

const work = await mkdtemp(join(tmpdir(), "minutes-bench-store-"));
const files = await fixtures();
const copies: string[] = [];
for (let i = 0; i < times; i++) {
  const folder = join(work, "inbox", String(i).padStart(3, "0"));
  await mkdir(folder, { recursive: true });
  for (const f of files) {
    const to = join(folder, `${basename(f, extname(f))}-${i}${extname(f)}`);
    await writeFile(to, Buffer.concat([await readFile(f), Buffer.from(`\nminutes-bench copy ${i}\n`)]));
    copies.push(to);
  }
}
process.stderr.write(`bench-store: ${files.length} fixtures × ${times} = ${copies.length} documents in ${work}\n`);

// End to end, as `minutes ingest` runs it.
const log = createLogger("silent");
const db = join(work, "end-to-end.db");
let store = await openStore(db);
const t0 = performance.now();
const summary = await runFiles(store, copies, { command: "bench", args: [], log });
const e2eSeconds = (performance.now() - t0) / 1000;
await store.backend.run("PRAGMA wal_checkpoint(TRUNCATE)");
const status = await store.status(1);

// Search on the full store.
const queries = ["sundhedshuse", "akutplan", "genoptræning kommunerne", "næste møde", "Lisbeth Lagoni", "økonomi"];
const searchMs: number[] = [];
for (let r = 0; r < 20; r++) {
  for (const q of queries) {
    const t = performance.now();
    await store.search(q, { limit: 20 });
    searchMs.push(performance.now() - t);
  }
}
await store.close();
const size = (await stat(db)).size;
searchMs.sort((a, b) => a - b);

// Store only: the same documents' Minutes, saved again into a fresh database.
const extracted: { file: string; doc: Awaited<ReturnType<typeof ingest>>; minutes: ReturnType<typeof extract> }[] = [];
for (const f of files) {
  const doc = await ingest(f);
  extracted.push({ file: f, doc, minutes: extract(doc) });
}
const storeOnlyDb = join(work, "store-only.db");
store = await openStore(storeOnlyDb);
const t1 = performance.now();
for (let i = 0; i < times; i++) {
  for (const e of extracted) {
    const path = join(work, "virtual", String(i), basename(e.file));
    const input: SaveDocumentInput = {
      document: { path, sha256: createHash("sha256").update(path).digest("hex"), format: e.doc.format, pages: e.doc.pages, bytes: 1000 },
      minutes: e.minutes,
      messages: e.doc.warnings,
    };
    await store.saveDocument(input);
  }
}
const storeSeconds = (performance.now() - t1) / 1000;
await store.close();

const result = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  fixtures: files.length,
  times,
  documents: copies.length,
  endToEnd: {
    seconds: +e2eSeconds.toFixed(1),
    documentsPerSecond: +(copies.length / e2eSeconds).toFixed(1),
    new: summary.new,
    failed: summary.failed,
  },
  storeOnly: { seconds: +storeSeconds.toFixed(2), documentsPerSecond: +(copies.length / storeSeconds).toFixed(0) },
  size: { bytes: size, bytesPerDocument: Math.round(size / status.totals.stored), meetings: status.totals.meetings, totals: status.totals },
  searchMs: {
    median: +searchMs[Math.floor(searchMs.length / 2)]!.toFixed(2),
    p95: +searchMs[Math.floor(searchMs.length * 0.95)]!.toFixed(2),
  },
};
await mkdir(join(root, "bench-results"), { recursive: true });
await writeFile(join(root, "bench-results/store.json"), JSON.stringify(result, null, 2) + "\n");
console.log(
  [
    `documents          ${result.documents} (${files.length} fixtures × ${times}, each copy with changed bytes)`,
    `end to end         ${result.endToEnd.documentsPerSecond} documents/s (${result.endToEnd.seconds} s; ingest + extract + store, ${summary.failed} failed)`,
    `store only         ${result.storeOnly.documentsPerSecond} documents/s (${result.storeOnly.seconds} s; saveDocument alone)`,
    `database           ${(size / 1e6).toFixed(1)} MB, ${result.size.bytesPerDocument} bytes per document (${status.totals.meetings} meetings)`,
    `search             median ${result.searchMs.median} ms, p95 ${result.searchMs.p95} ms (${queries.length} queries × 20)`,
  ].join("\n"),
);
await rm(work, { recursive: true, force: true });
