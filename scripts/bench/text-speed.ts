/**
 * Text extraction speed for `pnpm bench`: ingest + extract of text minutes in this one process
 * (one thread: the figure is per core), the files read into memory first.
 *
 *   tsx scripts/bench/text-speed.ts SETS.json [--seconds S]
 *
 * SETS.json: [{ name, files: [path…] }]. Each set: one warm-up pass, then passes until S seconds
 * (default 3) have gone by. Prints [{ name, docs, passes, seconds, cpuSeconds, docsPerSecond,
 * docsPerCpuSecond, ingestShare, failed }] on stdout (ingestShare: the part of the time in ingest,
 * the rest in extract).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { extract } from "../../packages/extract/src/index.ts";
import { ingest } from "../../packages/ingest/src/index.ts";

const [setsFile, ...rest] = process.argv.slice(2);
const minSeconds = rest[0] === "--seconds" ? Number(rest[1]) : 3;
const sets = JSON.parse(readFileSync(setsFile!, "utf8")) as { name: string; files: string[] }[];

/** Milliseconds spent in ingest and in extract. */
const spent = { ingest: 0, extract: 0 };

async function pass(files: { bytes: Uint8Array; name: string }[]): Promise<number> {
  let failed = 0;
  for (const f of files) {
    try {
      const t0 = performance.now();
      const doc = await ingest({ bytes: f.bytes, name: f.name }, { ocr: "off" });
      const t1 = performance.now();
      extract(doc);
      spent.ingest += t1 - t0;
      spent.extract += performance.now() - t1;
    } catch {
      failed++;
    }
  }
  return failed;
}

const out = [];
for (const set of sets) {
  const files = set.files.map((p) => ({ bytes: new Uint8Array(readFileSync(p)), name: basename(p) }));
  const failed = await pass(files);
  let passes = 0;
  spent.ingest = spent.extract = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  do {
    await pass(files);
    passes++;
  } while (performance.now() - t0 < minSeconds * 1000);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const docs = files.length * passes;
  out.push({ name: set.name, docs: files.length, passes, seconds, cpuSeconds, docsPerSecond: docs / seconds, docsPerCpuSecond: docs / cpuSeconds, ingestShare: spent.ingest / (spent.ingest + spent.extract), failed });
}
process.stdout.write(JSON.stringify(out) + "\n");
