/**
 * saveDocument's cost on the writer's (main) thread: N generated minutes ingested and extracted
 * once (cached as JSON next to the corpus), then only saveDocument timed, in a loop, into a
 * fresh database, REPS times. Not a test (vitest runs *.test.ts): a script.
 *
 *   pnpm corpus --docs 500 --out /tmp/minutes-bench/corpus-500-1     # or any corpus of `pnpm bench`
 *   npx tsx packages/store/test/save-speed.ts [--corpus DIR] [--docs 500] [--reps 3]
 *   node --import tsx --cpu-prof packages/store/test/save-speed.ts   # and a profile of it
 *
 * Main-thread CPU comes from /proc/self/task/PID/schedstat (Linux; elsewhere process.cpuUsage,
 * which also counts V8's helper threads). Files take the formats txt, pdf, docx in turn.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extract } from "@minutes/extract";
import { ingest } from "@minutes/ingest";
import { openStore, type SaveDocumentInput } from "../src/index.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : dflt);
const corpus = opt("--corpus", join(tmpdir(), "minutes-bench", "corpus-5000-1"));
const n = Number(opt("--docs", "500"));
const reps = Number(opt("--reps", "3"));

const cache = join(tmpdir(), `minutes-save-speed-${createHash("sha256").update(corpus).digest("hex").slice(0, 8)}-${n}.json`);
let docs: SaveDocumentInput[];
if (existsSync(cache)) docs = JSON.parse(readFileSync(cache, "utf8")) as SaveDocumentInput[];
else {
  docs = [];
  for (let i = 1; i <= n; i++) {
    const format = (["txt", "pdf", "docx"] as const)[i % 3]!;
    const path = join(corpus, `doc${String(i).padStart(5, "0")}.${format}`);
    const bytes = await readFile(path);
    // Hash and size first: the PDF reader takes the buffer over.
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const size = bytes.byteLength;
    const doc = await ingest({ bytes, name: path.split("/").pop()! });
    docs.push({ document: { path, sha256, format: doc.format, pages: doc.pages, bytes: size, ingestMeta: doc.meta }, minutes: extract(doc), messages: doc.warnings });
  }
  writeFileSync(cache, JSON.stringify(docs));
}

const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const cpuMs = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, "utf8").split(" ")[0]) / 1e6
  : () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };

for (let rep = 1; rep <= reps; rep++) {
  const dir = mkdtempSync(join(tmpdir(), "minutes-save-speed-"));
  const store = await openStore(join(dir, "speed.db"));
  await store.lock();
  const runId = await store.startRun({ command: "save-speed", args: [], extractorVersion: "bench" });
  const inputs = docs.map((d) => ({ ...(structuredClone(d) as SaveDocumentInput), runId }));
  const c0 = cpuMs();
  const t0 = performance.now();
  for (const input of inputs) await store.saveDocument(input);
  const cpu = cpuMs() - c0;
  const wall = performance.now() - t0;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`run ${rep}: ${inputs.length} documents, main-thread CPU ${(cpu / inputs.length).toFixed(2)} ms/document, wall ${(wall / inputs.length).toFixed(2)} ms/document`);
}
