/**
 * `pnpm bench` — the benchmark of issue 7: the whole pipeline on a generated corpus next to
 * pdftotext and a bare pdfjs-dist loop on the same PDFs in the same run, the speed-up of 2 jobs
 * over 1, text extraction per core, peak RSS as the corpus grows, report query latency, and the
 * nightly incremental run. Prints one table and writes bench-results/bench.json.
 *
 *   pnpm bench [--docs N] [--seed S] [--quick] [--full] [--skip LIST] [--only LIST] [--jobs 1,2]
 *              [--nightly N] [--profile-docs N] [--repeat R] [--quiet-wait S] [--rebuild] [--keep]
 *
 * Sections (LIST: baselines,pipeline,text,memory,queries,incremental,profile) are described in
 * README.md ("Benchmark"). Everything heavy runs in child processes (`minutes ingest` as the
 * nightly job runs it, `node --import tsx packages/cli/src/main.ts`), each timed from outside with
 * its peak RSS; every measurement records the 1-minute load average when it began and the cores
 * other processes used while it ran, so figures from a shared machine can be judged.
 * Caches under $TMPDIR/minutes-bench/: the corpus (corpus-N-SEED/), the nightly store
 * (nightly-N/), the query store (bench:queries'); --rebuild makes them again.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { summarize, type ProfileSummary } from "./bench/cpuprofile.ts";
import { measure, setQuietWait, watch, type Conditions, type Measured } from "./bench/run.ts";
import { parseOptions, runCli, UsageError } from "./run-cli.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(tmpdir(), "minutes-bench");
const NODE = process.execPath;
const CLI = ["--import", "tsx", join(ROOT, "packages/cli/src/main.ts")];
const QUIET = { ...process.env, MINUTES_LOG_LEVEL: "silent" };
const SECTIONS = ["baselines", "pipeline", "text", "memory", "queries", "incremental", "profile"] as const;
type Section = (typeof SECTIONS)[number];
const FORMATS = ["pdf", "docx", "txt"] as const;

const HELP = `pnpm bench [options] — the benchmark of issue 7: one table, bench-results/bench.json

Options:
  --docs N           corpus documents for the PDF and text sections (default 1000; --quick 100)
  --seed S           corpus seed (default 1)
  --quick            a smoke run of 1–2 minutes: 100 documents, memory at 100, a nightly store of
                     1,000, 5 query runs, no profile
  --full             memory also at 5,000 documents (generates a 5,000-document corpus once)
  --skip LIST        leave out sections: ${SECTIONS.join(",")}
  --only LIST        run only these sections
  --jobs LIST        the pipeline's --jobs values to compare (default 1,2)
  --nightly N        documents in the nightly store (default 10000; --quick 1000)
  --profile-docs N   PDFs in the profiled run (default 200)
  --repeat R         run the baselines and the pipeline R times each, keep the fastest (default 1)
  --quiet-wait S     before each measurement wait up to S seconds for other processes to use
                     under a quarter of a core (a shared machine; default 0: do not wait)
  --rebuild          make the cached corpus, nightly store and query store again
  --keep             keep the run's work folder (databases, profiles) under ${CACHE}
  --help, -h         this text
`;

// ---------------------------------------------------------------------------------------------
// Table rows and goals

interface Goal {
  op: ">=" | "<" | "<=";
  target: number;
}

interface Row {
  section: string;
  figure: string;
  value: number | null;
  unit: string;
  goal?: Goal;
  /** null: no goal, or not measured. */
  met: boolean | null;
  /** How far from the goal, when missed: in the value's unit and relative to the goal. */
  missedBy?: { amount: number; percent: number };
  note?: string;
  /** Shown instead of the value (e.g. "cached"). */
  text?: string;
  conditions?: Conditions;
}

const rows: Row[] = [];

function addRow(section: string, figure: string, value: number | null, unit: string, extra: { goal?: Goal; note?: string; text?: string; conditions?: Conditions } = {}): Row {
  const { goal } = extra;
  let met: boolean | null = null;
  let missedBy: Row["missedBy"];
  if (goal && value !== null) {
    met = goal.op === ">=" ? value >= goal.target : goal.op === "<" ? value < goal.target : value <= goal.target;
    if (!met) {
      const amount = Math.abs(value - goal.target);
      missedBy = { amount, percent: (100 * amount) / goal.target };
    }
  }
  const c = extra.conditions;
  const row: Row = { section, figure, value, unit, met, ...extra, ...(c ? { conditions: { load: c.load, otherCores: c.otherCores } } : {}), ...(missedBy ? { missedBy } : {}) };
  rows.push(row);
  return row;
}

function shown(value: number | null, unit: string): string {
  if (value === null) return "n/a";
  const digits = unit === "×" ? 2 : unit === "s" || unit === "ms" ? (value < 10 ? 2 : 1) : value >= 100 ? 0 : 1;
  const n = value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === "×" ? `${n}×` : `${n} ${unit}`;
}

function goalText(g: Goal | undefined, unit: string): string {
  return g ? `${g.op === ">=" ? "≥" : g.op === "<=" ? "≤" : "<"} ${shown(g.target, unit)}` : "";
}

function metText(r: Row): string {
  if (r.met === null) return r.goal ? "n/a" : "";
  if (r.met) return "yes";
  const { amount, percent } = r.missedBy!;
  return `no: ${shown(amount, r.unit)} ${r.goal!.op === ">=" ? "short" : "over"} (${percent.toFixed(percent < 10 ? 1 : 0)} %)`;
}

/** Other processes used this many cores or more during a measurement: its figure is marked "!". */
const BUSY_CORES = 0.25;

function conditionsText(c: Conditions | undefined): string {
  if (!c) return "";
  const busy = c.otherCores !== null && c.otherCores >= BUSY_CORES;
  return `${c.load.toFixed(1)}${c.otherCores === null ? "" : ` / ${c.otherCores.toFixed(1)}`}${busy ? " !" : ""}`;
}

function table(): string {
  const head = ["section", "figure", "value", "goal", "met?", "load / others"];
  const cells = rows.map((r) => [r.section, r.figure, r.text ?? shown(r.value, r.unit), goalText(r.goal, r.unit), metText(r), conditionsText(r.conditions)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => (i === 2 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join(" | ")} |`;
  return [line(head), `|${widths.map((w, i) => (i === 2 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`, ...cells.map(line)].join("\n");
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

// ---------------------------------------------------------------------------------------------
// The corpus and folders of it

interface DocInfo {
  id: string;
  template: string;
  pdfPages: number | null;
}

interface Corpus {
  dir: string;
  docs: DocInfo[];
  /** Seconds to generate it in this run, or null when it came from the cache. */
  generatedSeconds: number | null;
}

/** A cached corpus of at least n documents of this seed (document i is the same whatever N is), or a new one. */
async function ensureCorpus(n: number, seed: string, rebuild: boolean): Promise<Corpus> {
  await mkdir(CACHE, { recursive: true });
  const cached = readdirSync(CACHE)
    .map((d) => ({ d, m: new RegExp(`^corpus-(\\d+)-${seed.replace(/\W/g, "_")}$`).exec(d) }))
    .filter((x) => x.m && Number(x.m[1]) >= n && existsSync(join(CACHE, x.d, "corpus.json")))
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]));
  let dir = cached[0] && !rebuild ? join(CACHE, cached[0].d) : null;
  let generatedSeconds: number | null = null;
  if (!dir) {
    dir = join(CACHE, `corpus-${n}-${seed.replace(/\W/g, "_")}`);
    log(`generating ${n} documents (pdf, docx, txt) into ${dir} …`);
    await rm(dir, { recursive: true, force: true });
    const r = await measure(NODE, ["--import", "tsx", join(ROOT, "scripts/corpus/main.ts"), "--docs", String(n), "--out", dir, "--seed", seed], { cwd: ROOT });
    if (r.code !== 0) throw new Error(`pnpm corpus failed (${r.code}): ${r.stderr.slice(-2000)}`);
    generatedSeconds = r.wallSeconds;
  }
  const info = JSON.parse(await readFile(join(dir, "corpus.json"), "utf8")) as { documents: DocInfo[] };
  const docs = [...info.documents].sort((a, b) => a.id.localeCompare(b.id)).slice(0, n);
  return { dir, docs, generatedSeconds };
}

/** A folder of hard links (copies across file systems) to these files. */
async function folderOf(dir: string, files: readonly string[]): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    const to = join(dir, basename(f));
    await link(f, to).catch(() => copyFile(f, to));
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// `minutes ingest` as a measured child process

interface IngestRun extends Measured {
  summary: { files: number; new: number; updated: number; unchanged: number; failed: number; seconds: number; failures: { path: string; code: string }[] };
}

async function ingestRun(paths: string[], db: string, jobs: number | null, nodeArgs: string[] = []): Promise<IngestRun> {
  const args = [...nodeArgs, ...CLI, "ingest", ...paths, "--db", db, "--format", "json", ...(jobs === null ? [] : ["--jobs", String(jobs)])];
  const r = await measure(NODE, args, { cwd: ROOT, env: QUIET });
  if (r.code !== 0 && r.code !== 1) throw new Error(`minutes ingest exited with ${r.code}: ${r.stderr.slice(-2000)}`);
  return { ...r, summary: JSON.parse(r.stdout) as IngestRun["summary"] };
}

async function freshDb(path: string): Promise<string> {
  for (const s of ["", "-wal", "-shm"]) await rm(path + s, { force: true });
  return path;
}

/** Whether `minutes ingest` takes --jobs N yet (an empty folder, --jobs 1). */
async function jobsFlagAccepted(work: string): Promise<boolean> {
  const empty = join(work, "empty");
  await mkdir(empty, { recursive: true });
  const r = await measure(NODE, [...CLI, "ingest", empty, "--db", await freshDb(join(work, "jobs-check.db")), "--jobs", "1", "--format", "json"], { cwd: ROOT, env: QUIET });
  return r.code === 0;
}

const pagesPerSecond = (pages: number, seconds: number) => pages / seconds;

// ---------------------------------------------------------------------------------------------
// The sections

interface Context {
  work: string;
  corpus: Corpus;
  docs: number;
  pdfs: string[];
  pdfPages: number;
  jobs: number[];
  jobsFlag: boolean;
  opts: Options;
  results: Record<string, unknown>;
}

/** pdftotext (a process per file, sequential) and the bare pdfjs loop, on the PDFs. */
async function baselines(ctx: Context): Promise<void> {
  const list = join(ctx.work, "pdfs.txt");
  await writeFile(list, ctx.pdfs.join("\n") + "\n");
  const listJson = join(ctx.work, "pdfs.json");
  await writeFile(listJson, JSON.stringify(ctx.pdfs));

  log(`bare pdfjs-dist loop over ${ctx.pdfs.length} PDFs …`);
  const bare = await bestOf(ctx.opts.repeat, () => measure(NODE, [join(ROOT, "scripts/bench/pdfjs-loop.mjs"), listJson], { cwd: ROOT }));
  if (bare.code !== 0) throw new Error(`pdfjs loop failed: ${bare.stderr.slice(-2000)}`);
  const bareOut = JSON.parse(bare.stdout) as { pages: number; ms: number };
  const bareRate = pagesPerSecond(bareOut.pages, bare.wallSeconds);
  addRow("baselines", `bare pdfjs-dist getTextContent loop, 1 process (${bareOut.pages} pages)`, bareRate, "pages/s", {
    conditions: bare,
    note: `wall ${bare.wallSeconds.toFixed(1)} s incl. start-up; loop alone ${(bareOut.pages / (bareOut.ms / 1000)).toFixed(0)} pages/s; peak RSS ${bare.peakRssMb?.toFixed(0)} MB`,
  });

  // The same loop with the built-ins that pdfjs' core-js replaces put back, as the pipeline's
  // reader does (pdf-read.mjs): how much of the pipeline's lead comes from that alone.
  log(`bare pdfjs-dist loop with native built-ins over ${ctx.pdfs.length} PDFs …`);
  const natives = await bestOf(ctx.opts.repeat, () => measure(NODE, [join(ROOT, "scripts/bench/pdfjs-loop.mjs"), listJson, "--natives"], { cwd: ROOT }));
  if (natives.code !== 0) throw new Error(`pdfjs loop --natives failed: ${natives.stderr.slice(-2000)}`);
  const nativesRate = pagesPerSecond((JSON.parse(natives.stdout) as { pages: number }).pages, natives.wallSeconds);
  addRow("baselines", "the same loop, core-js' replacements of push/JSON undone (as the pipeline's reader)", nativesRate, "pages/s", {
    conditions: natives,
    note: `wall ${natives.wallSeconds.toFixed(1)} s; ${(nativesRate / bareRate).toFixed(2)}× the bare loop`,
  });

  let popplerRate: number | null = null;
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    log(`pdftotext over ${ctx.pdfs.length} PDFs …`);
    // xargs runs one pdftotext per file, one after another, with less overhead than a spawn from Node.
    const r = await bestOf(ctx.opts.repeat, () => measure("xargs", ["-a", list, "-d", "\n", "-I{}", "pdftotext", "-q", "{}", "-"], { cwd: ROOT }));
    if (r.code !== 0) throw new Error(`pdftotext failed (${r.code}): ${r.stderr.slice(-500)}`);
    popplerRate = pagesPerSecond(ctx.pdfPages, r.wallSeconds);
    addRow("baselines", `pdftotext FILE -, a process per file (${ctx.pdfPages} pages)`, popplerRate, "pages/s", { conditions: r, note: `wall ${r.wallSeconds.toFixed(1)} s` });
  } catch (err) {
    log(`pdftotext unavailable or failed (${(err as Error).message}); install poppler-utils`);
    addRow("baselines", "pdftotext", null, "pages/s", { note: "poppler-utils not installed" });
  }
  ctx.results.baselines = {
    pdfs: ctx.pdfs.length,
    pages: ctx.pdfPages,
    bare: { ...strip(bare), loop: bareOut, pagesPerSecond: bareRate },
    natives: { ...strip(natives), pagesPerSecond: nativesRate },
    pdftotextPagesPerSecond: popplerRate,
  };
}

/** The fastest of n runs (wall time): on a shared machine the others were slowed by other work. */
async function bestOf<T extends Measured>(n: number, f: () => Promise<T>): Promise<T & { tries: number[] }> {
  const runs: T[] = [];
  for (let i = 0; i < n; i++) runs.push(await f());
  const best = runs.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a));
  return { ...best, tries: runs.map((r) => r.wallSeconds) };
}

/** Drops the captured output of a measured run (kept out of the JSON). */
function strip<T extends Measured>(m: T): Omit<T, "stdout" | "stderr"> {
  const { stdout: _o, stderr: _e, ...rest } = m;
  return rest;
}

/** `minutes ingest` of the PDF folder with each --jobs value; the headline ratios. */
async function pipeline(ctx: Context): Promise<void> {
  const folder = await folderOf(join(ctx.work, "pdf"), ctx.pdfs);
  const runs: { jobs: number | null; pagesPerSecond: number; run: IngestRun }[] = [];
  for (const jobs of ctx.jobsFlag ? ctx.jobs : [null]) {
    log(`minutes ingest of ${ctx.pdfs.length} PDFs, --jobs ${jobs ?? "(flag not supported yet: default)"} …`);
    const run = await bestOf(ctx.opts.repeat, async () => ingestRun([folder], await freshDb(join(ctx.work, `pipeline-${jobs ?? "default"}.db`)), jobs));
    const rate = pagesPerSecond(ctx.pdfPages, run.wallSeconds);
    runs.push({ jobs, pagesPerSecond: rate, run });
    const label = jobs === null ? "default jobs" : `--jobs ${jobs}`;
    const cpu = run.cpuSeconds === null ? "" : `, CPU ${(run.cpuSeconds / run.wallSeconds).toFixed(2)} cores`;
    addRow("pipeline", `minutes ingest PDFs ${label}: pages/s`, rate, "pages/s", {
      conditions: run,
      note: `wall ${run.wallSeconds.toFixed(1)} s (run ${run.summary.seconds.toFixed(1)} s + start-up)${cpu}; ${run.summary.new} new, ${run.summary.failed} failed`,
    });
    addRow("pipeline", `minutes ingest PDFs ${label}: documents/s`, ctx.pdfs.length / run.wallSeconds, "docs/s", { conditions: run });
    addRow("pipeline", `minutes ingest PDFs ${label}: peak RSS`, run.peakRssMb, "MB", { conditions: run });
  }
  const base = ctx.results.baselines as { bare: { pagesPerSecond: number }; natives: { pagesPerSecond: number }; pdftotextPagesPerSecond: number | null } | undefined;
  const one = runs.find((r) => r.jobs === 1) ?? runs[0]!;
  const two = runs.find((r) => r.jobs === 2) ?? runs.at(-1)!;
  const name = (r: (typeof runs)[number]) => (r.jobs === null ? "default" : `${r.jobs} job${r.jobs === 1 ? "" : "s"}`);
  if (base) {
    addRow("pipeline", `ratio: pipeline (${name(two)}) / bare pdfjs loop`, two.pagesPerSecond / base.bare.pagesPerSecond, "×", { goal: { op: ">=", target: 1.5 } });
    addRow("pipeline", `ratio: pipeline (${name(two)}) / the loop with native built-ins`, two.pagesPerSecond / base.natives.pagesPerSecond, "×");
    addRow("pipeline", `ratio: pipeline (${name(two)}) / pdftotext`, base.pdftotextPagesPerSecond ? two.pagesPerSecond / base.pdftotextPagesPerSecond : null, "×");
  }
  if (one !== two) {
    addRow("pipeline", `speed-up: ${name(two)} / ${name(one)}`, two.pagesPerSecond / one.pagesPerSecond, "×", { goal: { op: ">=", target: 1.7 } });
  } else {
    addRow("pipeline", "speed-up: 2 jobs / 1 job", null, "×", { goal: { op: ">=", target: 1.7 }, note: "minutes ingest does not take --jobs yet" });
  }
  ctx.results.pipeline = runs.map((r) => ({ jobs: r.jobs, pagesPerSecond: r.pagesPerSecond, documentsPerSecond: ctx.pdfs.length / r.run.wallSeconds, ...strip(r.run) }));
}

/** Text minutes through ingest + extract in one process: seeds, the corpus texts of seed size, all corpus texts. */
async function text(ctx: Context): Promise<void> {
  const seeds = readdirSync(join(ROOT, "fixtures/seeds"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(ROOT, "fixtures/seeds", f));
  const seedMax = Math.max(...seeds.map((f) => statSync(f).size));
  const corpusTxt = ctx.corpus.docs.map((d) => join(ctx.corpus.dir, `${d.id}.txt`));
  const seedSize = corpusTxt.filter((f) => statSync(f).size <= seedMax);
  const sets = [
    { name: `fixtures/seeds/*.txt (${seeds.length} files, ≤ ${(seedMax / 1000).toFixed(0)} KB)`, files: seeds, goal: true },
    { name: `corpus .txt of seed size (${seedSize.length} of ${corpusTxt.length}, ≤ ${(seedMax / 1000).toFixed(0)} KB)`, files: seedSize, goal: true },
    { name: `corpus .txt, all ${corpusTxt.length} (2–40 pages)`, files: corpusTxt, goal: false },
  ].filter((s) => s.files.length > 0);
  const setsFile = join(ctx.work, "text-sets.json");
  await writeFile(setsFile, JSON.stringify(sets));
  log(`text extraction speed (${sets.map((s) => s.files.length).join(", ")} files) …`);
  const r = await measure(NODE, ["--import", "tsx", join(ROOT, "scripts/bench/text-speed.ts"), setsFile, "--seconds", ctx.opts.quick ? "1" : "4"], { cwd: ROOT });
  if (r.code !== 0) throw new Error(`text-speed failed: ${r.stderr.slice(-2000)}`);
  const out = JSON.parse(r.stdout) as { name: string; docsPerSecond: number; docsPerCpuSecond: number; ingestShare: number; passes: number; failed: number }[];
  for (const [i, s] of out.entries()) {
    addRow("text", `ingest + extract, 1 thread: ${s.name}`, s.docsPerSecond, "docs/s", {
      goal: sets[i]!.goal ? { op: ">=", target: 300 } : undefined,
      conditions: r,
      note: `${(s.ingestShare * 100).toFixed(0)} % of the time in ingest, the rest in extract; ${s.docsPerCpuSecond.toFixed(0)} per CPU second; ${s.passes} pass${s.passes === 1 ? "" : "es"}; ${s.failed} failed`,
    });
  }
  ctx.results.text = { sets: out, ...strip(r) };
}

/** Peak RSS of `minutes ingest` over mixed-format folders of growing size. */
async function memory(ctx: Context, sizes: number[], docs: DocInfo[], dir: string): Promise<void> {
  const out: unknown[] = [];
  const peaks: { n: number; mb: number | null }[] = [];
  for (const n of sizes) {
    // Document i in one format, the formats in turn: n distinct meetings, a third of each format.
    const files = docs.slice(0, n).map((d, i) => join(dir, `${d.id}.${FORMATS[i % FORMATS.length]}`));
    const folder = await folderOf(join(ctx.work, `mixed-${n}`), files);
    const jobs = ctx.jobsFlag ? Math.max(...ctx.jobs) : null;
    log(`memory: minutes ingest of ${n} mixed documents${jobs ? ` --jobs ${jobs}` : ""} …`);
    const run = await ingestRun([folder], await freshDb(join(ctx.work, `mixed-${n}.db`)), jobs);
    await rm(folder, { recursive: true, force: true });
    await rm(join(ctx.work, `mixed-${n}.db`), { force: true });
    peaks.push({ n, mb: run.peakRssMb });
    addRow("memory", `peak RSS, minutes ingest of ${n.toLocaleString("en-US")} mixed documents`, run.peakRssMb, "MB", {
      goal: { op: "<", target: 400 },
      conditions: run,
      note: `${(n / run.wallSeconds).toFixed(1)} docs/s${jobs ? ` with --jobs ${jobs}` : ""}; ${run.summary.new} new, ${run.summary.failed} failed`,
    });
    out.push({ documents: n, jobs, documentsPerSecond: n / run.wallSeconds, ...strip(run) });
  }
  const [a, b] = peaks.slice(-2);
  if (a && b && a.mb && b.mb) {
    addRow("memory", `flat: peak at ${b.n.toLocaleString("en-US")} / peak at ${a.n.toLocaleString("en-US")}`, b.mb / a.mb, "×", { goal: { op: "<=", target: 1.25 } });
  }
  ctx.results.memory = out;
}

/** scripts/bench-queries.ts in a child; its bench-results/queries.json folded in. */
async function queries(ctx: Context): Promise<void> {
  const items = ctx.opts.quick && !existsSync(join(CACHE, "queries-100000.db")) ? 10_000 : 100_000;
  const args = ["--import", "tsx", join(ROOT, "scripts/bench-queries.ts"), "--items", String(items), "--runs", ctx.opts.quick ? "5" : "40", ...(ctx.opts.rebuild ? ["--rebuild"] : [])];
  log(`report queries on a store of ${items} items (bench:queries) …`);
  const r = await measure(NODE, args, { cwd: ROOT });
  if (r.code !== 0) throw new Error(`bench:queries failed: ${r.stderr.slice(-2000)}`);
  const q = JSON.parse(await readFile(join(ROOT, "bench-results/queries.json"), "utf8")) as {
    items: number;
    runs: number;
    results: { query: string; p50: number; p95: number; rows: number }[];
  };
  for (const x of q.results) {
    addRow("queries", `p95 ${x.query} (${q.items.toLocaleString("en-US")} items)`, x.p95, "ms", { goal: { op: "<", target: 100 }, conditions: r, note: `p50 ${x.p50.toFixed(1)} ms, ${x.rows} rows` });
  }
  ctx.results.queries = { ...q, ...strip(r) };
}

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/** Text minutes k of the nightly set: seed 004 with its own meeting date (a day from 1990 on), so a meeting of its own. */
function nightlyText(seed: string, k: number): string {
  const d = new Date(Date.UTC(1990, 0, 1) + k * 86_400_000);
  const text = seed.replace(/Mødedato: 19\. november 2020/, `Mødedato: ${d.getUTCDate()}. ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`);
  if (text === seed) throw new Error("fixtures/seeds/004.txt: no meeting date line to vary");
  return text;
}

/** A store of n documents whose files exist (cached), then a nightly run that finds 20 new files among them. */
/** The nightly cache's version: a cache written under another is built again. */
const NIGHTLY_CACHE = 2;

async function incremental(ctx: Context): Promise<void> {
  const n = ctx.opts.nightly;
  const base = join(CACHE, `nightly-${n}`);
  const files = join(base, "files");
  const baseDb = join(base, "base.db");
  const stampFile = join(base, "build.json");
  const seed = await readFile(join(ROOT, "fixtures/seeds/004.txt"), "utf8");
  const jobs = ctx.jobsFlag ? Math.max(...ctx.jobs) : null;
  type Build = { cache: number; documents: number; jobs: number | null; seconds: number; documentsPerSecond: number; peakRssMb: number | null; failed: number; at: string } & Conditions;
  let build: Build;
  let cached = true;
  // The store of the cache must be one the current pipeline wrote (schema 4 keeps each file's
  // mtime, which a nightly run compares): a cache from before is built again.
  const stale = !existsSync(stampFile) || (JSON.parse(await readFile(stampFile, "utf8")) as { cache?: number }).cache !== NIGHTLY_CACHE;
  if (ctx.opts.rebuild || stale) {
    cached = false;
    await rm(base, { recursive: true, force: true });
    await mkdir(files, { recursive: true });
    log(`nightly: writing ${n} text minutes and storing them with minutes ingest${jobs ? ` --jobs ${jobs}` : ""} (cached in ${base}) …`);
    for (let k = 0; k < n; k++) await writeFile(join(files, `m${String(k).padStart(6, "0")}.txt`), nightlyText(seed, k));
    const run = await ingestRun([files], baseDb, jobs);
    if (run.summary.new !== n) throw new Error(`nightly store: ${run.summary.new} of ${n} stored (${run.summary.failed} failed)`);
    build = {
      cache: NIGHTLY_CACHE,
      documents: n,
      jobs,
      seconds: run.wallSeconds,
      documentsPerSecond: n / run.wallSeconds,
      peakRssMb: run.peakRssMb,
      failed: run.summary.failed,
      at: new Date().toISOString(),
      load: run.load,
      otherCores: run.otherCores,
    };
    await writeFile(stampFile, JSON.stringify(build, null, 1) + "\n");
  } else {
    build = JSON.parse(await readFile(stampFile, "utf8")) as Build;
  }
  addRow("nightly", `first import: ${n.toLocaleString("en-US")} text minutes${build.jobs ? `, --jobs ${build.jobs}` : ""}`, build.seconds, "s", {
    conditions: build,
    note: `${build.documentsPerSecond.toFixed(1)} docs/s, peak RSS ${build.peakRssMb?.toFixed(0)} MB${cached ? `; cached, measured ${build.at}` : ""}`,
  });

  // A copy of the stored state for this run: the cache stays at n documents.
  const db = join(ctx.work, "nightly.db");
  for (const s of ["", "-wal", "-shm"]) if (existsSync(baseDb + s)) await copyFile(baseDb + s, db + s);
  for (const f of await readdir(files)) if (f.startsWith("new-")) await rm(join(files, f));

  // What every run pays before its first file: Node, tsx and the CLI's modules.
  const start = await measure(NODE, [...CLI, "--help"], { cwd: ROOT, env: QUIET });
  addRow("nightly", "start-up: minutes --help (node --import tsx)", start.wallSeconds, "s", { conditions: start, note: `peak RSS ${start.peakRssMb?.toFixed(0)} MB` });

  log(`nightly: a run over ${n} stored files, nothing new …`);
  const idle = await ingestRun([files], db, null);
  addRow("nightly", `nightly run, nothing new among ${n.toLocaleString("en-US")}`, idle.wallSeconds, "s", {
    conditions: idle,
    note: `${idle.summary.unchanged} unchanged; run ${idle.summary.seconds.toFixed(2)} s + start-up; peak RSS ${idle.peakRssMb?.toFixed(0)} MB`,
  });

  const added: string[] = [];
  try {
    for (let k = 0; k < 20; k++) {
      const f = join(files, `new-${String(k).padStart(2, "0")}.txt`);
      await writeFile(f, nightlyText(seed, n + k));
      added.push(f);
    }
    log(`nightly: a run that finds 20 new files among ${n} stored …`);
    const run = await ingestRun([files], db, null);
    if (run.summary.new !== 20) throw new Error(`nightly run: ${run.summary.new} new, expected 20 (${run.summary.failed} failed)`);
    addRow("nightly", `nightly run, 20 new among ${n.toLocaleString("en-US")} stored (${n + 20} files)`, run.wallSeconds, "s", {
      goal: { op: "<", target: 5 },
      conditions: run,
      note: `run ${run.summary.seconds.toFixed(2)} s + start-up; peak RSS ${run.peakRssMb?.toFixed(0)} MB; default --jobs`,
    });
    ctx.results.incremental = { stored: n, build: { ...build, cached }, startUp: strip(start), nothingNew: strip(idle), twentyNew: strip(run) };
  } finally {
    for (const f of added) await rm(f, { force: true });
  }
}

/** `node --cpu-prof` of minutes ingest (main thread), of the bare pdfjs loop (what the reader threads run) and of text extraction. */
async function profile(ctx: Context): Promise<void> {
  const pdfs = ctx.pdfs.slice(0, ctx.opts.profileDocs);
  const folder = await folderOf(join(ctx.work, `pdf-${pdfs.length}`), pdfs);
  const listJson = join(ctx.work, `pdfs-${pdfs.length}.json`);
  await writeFile(listJson, JSON.stringify(pdfs));
  const out: Record<string, ProfileSummary & { wallSeconds: number }> = {};
  const busiest = (dir: string) => readdirSync(dir).map((f) => summarize(join(dir, f), ROOT)).sort((a, b) => b.busyMs - a.busyMs)[0]!;
  const profiled = async (name: string, args: string[], env?: NodeJS.ProcessEnv) => {
    const dir = join(ctx.work, `prof-${name}`);
    await rm(dir, { recursive: true, force: true });
    const r = await measure(NODE, ["--cpu-prof", "--cpu-prof-dir", dir, ...args], { cwd: ROOT, env });
    if (r.code !== 0 && r.code !== 1) throw new Error(`${name}: exited with ${r.code}: ${r.stderr.slice(-2000)}`);
    // One profile per thread (tsx's loader thread too): the busiest is the one doing the work.
    out[name] = { ...busiest(dir), wallSeconds: r.wallSeconds };
    return r;
  };
  // The pipeline's worker thread writes its own profile (MINUTES_PROFILE_DIR, parse-pool.ts).
  const workerDir = join(ctx.work, "prof-pipeline-worker");
  await rm(workerDir, { recursive: true, force: true });
  log(`profile: minutes ingest of ${pdfs.length} PDFs --jobs 1 with --cpu-prof (main thread and worker) …`);
  const run = await profiled("pipeline-main-thread", [...CLI, "ingest", folder, "--db", await freshDb(join(ctx.work, "profile.db")), "--format", "json", "--jobs", "1"], {
    ...QUIET,
    MINUTES_PROFILE_DIR: workerDir,
  });
  out["pipeline-worker"] = { ...busiest(workerDir), wallSeconds: run.wallSeconds };
  log(`profile: the bare pdfjs loop over the same PDFs …`);
  await profiled("pdfjs-loop", [join(ROOT, "scripts/bench/pdfjs-loop.mjs"), listJson]);
  const seedsTxt = readdirSync(join(ROOT, "fixtures/seeds"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(ROOT, "fixtures/seeds", f));
  const sets = join(ctx.work, "profile-text.json");
  await writeFile(sets, JSON.stringify([{ name: "seeds", files: seedsTxt }]));
  log(`profile: text extraction of the seeds …`);
  await profiled("text-extract", ["--import", "tsx", join(ROOT, "scripts/bench/text-speed.ts"), sets, "--seconds", "4"]);
  ctx.results.profile = out;

  // What bounds the pipeline: worker threads read (pdfjs), rebuild lines and extract (W in all),
  // the main thread stores (M); the bare loop spends P. With c cores and c workers the run takes
  // at least max((W + M) / c, M): the cores, or the one writer. One worker: max(W, M, (W + M) / c).
  const P = out["pdfjs-loop"]!.busyMs;
  const W = out["pipeline-worker"]!.busyMs;
  const M = out["pipeline-main-thread"]!.busyMs;
  const c = availableParallelism();
  const wallC = Math.max((W + M) / c, M);
  const wall1 = Math.max(W, M, (W + M) / c);
  addRow("profile", `worker-thread CPU / bare pdfjs loop CPU (${pdfs.length} PDFs)`, W / P, "×", {
    note: "the worker reads with pdfjs as the bare loop does, then rebuilds lines and extracts",
  });
  addRow("profile", "main-thread (writer) CPU / bare pdfjs loop CPU", M / P, "×", { note: "the main thread reads files, stores, and starts up" });
  addRow("profile", `ceiling at this split: pipeline / bare pdfjs on ${c} cores`, P / wallC, "×", { note: "P / max((W + M) / c, M)" });
  addRow("profile", `ceiling at this split: ${c} jobs / 1 job`, wall1 / wallC, "×", { note: "max(W, M, (W + M) / c) / max((W + M) / c, M)" });
}

function profileText(p: Record<string, ProfileSummary & { wallSeconds: number }>): string {
  const lines: string[] = [];
  for (const [name, s] of Object.entries(p)) {
    const sources = Object.entries(s.bySource)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, ms]) => `${k} ${((100 * ms) / s.busyMs).toFixed(0)} %`)
      .join(", ");
    lines.push("", `${name}: busy ${(s.busyMs / 1000).toFixed(1)} s, idle ${(s.idleMs / 1000).toFixed(1)} s (wall ${s.wallSeconds.toFixed(1)} s) — ${sources}`);
    for (const t of s.top.slice(0, 10)) lines.push(`  ${(t.ms / 1000).toFixed(2).padStart(6)} s ${(100 * t.share).toFixed(1).padStart(5)} %  ${t.fn.slice(0, 70)}  ${t.where}`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

interface Options {
  docs: number;
  seed: string;
  quick: boolean;
  full: boolean;
  sections: Set<Section>;
  jobs: number[];
  nightly: number;
  profileDocs: number;
  repeat: number;
  rebuild: boolean;
  quietWait: number;
  keep: boolean;
}

function sectionList(value: string | undefined, flag: string): Section[] {
  if (value === undefined) return [];
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const s of list) if (!SECTIONS.includes(s as Section)) throw new UsageError(`${flag} ${s}: expected one of ${SECTIONS.join(", ")}`);
  return list as Section[];
}

function positive(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} ${value}: a positive whole number`);
  return n;
}

function parse(argv: string[]): Options | null {
  const v = parseOptions(argv, {
    docs: { type: "string" },
    seed: { type: "string" },
    quick: { type: "boolean" },
    full: { type: "boolean" },
    skip: { type: "string" },
    only: { type: "string" },
    jobs: { type: "string" },
    nightly: { type: "string" },
    "profile-docs": { type: "string" },
    repeat: { type: "string" },
    rebuild: { type: "boolean" },
    "quiet-wait": { type: "string" },
    keep: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (v.help) return null;
  const quick = v.quick ?? false;
  const only = sectionList(v.only, "--only");
  const skip = new Set(sectionList(v.skip, "--skip"));
  const defaults = SECTIONS.filter((s) => !(quick && s === "profile"));
  const sections = new Set((only.length > 0 ? only : defaults).filter((s) => !skip.has(s)));
  const jobs = (v.jobs ?? "1,2").split(",").map((j) => positive(j.trim(), "--jobs", 1));
  return {
    docs: positive(v.docs, "--docs", quick ? 100 : 1000),
    seed: v.seed ?? "1",
    quick,
    full: v.full ?? false,
    sections,
    jobs: [...new Set(jobs)].sort((a, b) => a - b),
    nightly: positive(v.nightly, "--nightly", quick ? 1000 : 10_000),
    profileDocs: positive(v["profile-docs"], "--profile-docs", 200),
    repeat: positive(v.repeat, "--repeat", 1),
    rebuild: v.rebuild ?? false,
    quietWait: v["quiet-wait"] === undefined ? 0 : positive(v["quiet-wait"], "--quiet-wait", 0),
    keep: v.keep ?? false,
  };
}

function gitCommit(): string | null {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head}+changes` : head;
  } catch {
    return null;
  }
}

async function main(argv: string[]): Promise<number> {
  const opts = parse(argv);
  if (!opts) {
    process.stdout.write(HELP);
    return 0;
  }
  setQuietWait(opts.quietWait);
  const started = new Date();
  const finish = watch();
  const loadAtStart = loadavg();
  await mkdir(CACHE, { recursive: true });
  const work = await mkdtemp(join(CACHE, "run-"));
  const has = (s: Section) => opts.sections.has(s);
  const memorySizes = [100, 1000, ...(opts.full ? [5000] : [])].filter((n) => opts.full || n <= Math.max(opts.docs, 100));
  const needsCorpus = ["baselines", "pipeline", "text", "memory", "profile"].some((s) => has(s as Section));
  const corpusSize = Math.max(opts.docs, has("memory") ? Math.max(...memorySizes) : 0);
  const errors: { section: string; message: string }[] = [];
  const results: Record<string, unknown> = {};

  let corpus: Corpus = { dir: "", docs: [], generatedSeconds: null };
  if (needsCorpus) {
    corpus = await ensureCorpus(corpusSize, opts.seed, opts.rebuild);
    const pages = corpus.docs.reduce((s, d) => s + (d.pdfPages ?? 0), 0);
    addRow("corpus", `${corpus.docs.length} minutes × pdf, docx, txt (seed ${opts.seed}; ${pages} PDF pages): time to generate`, corpus.generatedSeconds, "s", {
      note: `${corpus.dir}${corpus.generatedSeconds === null ? " (cached)" : ""}`,
      ...(corpus.generatedSeconds === null ? { text: "cached" } : {}),
    });
  }
  const docs = corpus.docs.slice(0, opts.docs);
  const pdfDocs = docs.filter((d) => d.pdfPages);
  const ctx: Context = {
    work,
    corpus: { ...corpus, docs },
    docs: docs.length,
    pdfs: pdfDocs.map((d) => join(corpus.dir, `${d.id}.pdf`)),
    pdfPages: pdfDocs.reduce((s, d) => s + (d.pdfPages ?? 0), 0),
    jobs: opts.jobs,
    jobsFlag: true,
    opts,
    results,
  };
  ctx.jobsFlag = await jobsFlagAccepted(work);
  if (!ctx.jobsFlag) log("minutes ingest does not take --jobs yet: its default is measured instead, the speed-up is n/a");

  const run = async (s: Section, f: () => Promise<void>) => {
    if (!has(s)) return;
    try {
      await f();
    } catch (err) {
      const message = (err as Error).message;
      log(`${s} failed: ${message}`);
      errors.push({ section: s, message });
      addRow(s, `failed: ${message.split("\n")[0]!.slice(0, 120)}`, null, "");
    }
  };
  await run("baselines", () => baselines(ctx));
  await run("pipeline", () => pipeline(ctx));
  await run("text", () => text(ctx));
  await run("memory", () => memory(ctx, memorySizes, corpus.docs, corpus.dir));
  await run("queries", () => queries(ctx));
  await run("incremental", () => incremental(ctx));
  await run("profile", () => profile(ctx));

  const total = finish(null);
  const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? null, node: process.version, platform: `${process.platform} ${process.arch}` };
  const header = [
    `minutes benchmark · ${started.toISOString()} · commit ${gitCommit() ?? "?"} · ${machine.cpus} cores (${machine.cpu}) · Node ${machine.node}`,
    `corpus ${docs.length} documents (seed ${opts.seed}, ${ctx.pdfs.length} PDFs, ${ctx.pdfPages} PDF pages); ${opts.quick ? "quick run" : "full run"}${ctx.jobsFlag ? "" : "; minutes ingest has no --jobs yet"}`,
    `load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(" / ")}, at end ${loadavg().map((l) => l.toFixed(2)).join(" / ")}; "load / others" per row: the 1-minute load average when the measurement began / the cores other processes used while it ran`,
    `total ${(total.wallSeconds / 60).toFixed(1)} min`,
  ];
  const profileBlock = results.profile ? `\nProfile (node --cpu-prof; top self time):${profileText(results.profile as Parameters<typeof profileText>[0])}\n` : "";
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.section} · ${r.figure}: ${r.note}`);
  if (rows.some((r) => r.conditions?.otherCores != null && r.conditions.otherCores >= BUSY_CORES)) {
    notes.push(`  !: other processes used ${BUSY_CORES} cores or more while this was measured; its figure is low (and a ratio built on it off). Run again in a quiet moment (--quiet-wait S, --repeat R).`);
  }
  process.stdout.write(`${header.join("\n")}\n\n${table()}\n\nNotes:\n${notes.join("\n")}\n${profileBlock}`);

  await mkdir(join(ROOT, "bench-results"), { recursive: true });
  const json = {
    startedAt: started.toISOString(),
    seconds: total.wallSeconds,
    commit: gitCommit(),
    machine,
    load: { atStart: loadAtStart, atEnd: loadavg() },
    options: { ...opts, sections: [...opts.sections], memorySizes },
    corpus: { dir: corpus.dir, documents: docs.length, pdfs: ctx.pdfs.length, pdfPages: ctx.pdfPages, generatedSeconds: corpus.generatedSeconds },
    jobsFlag: ctx.jobsFlag,
    rows,
    results,
    errors,
  };
  await writeFile(join(ROOT, "bench-results/bench.json"), JSON.stringify(json, null, 1) + "\n");
  log(`wrote bench-results/bench.json`);
  if (opts.keep) log(`work folder kept: ${work}`);
  else await rm(work, { recursive: true, force: true });
  return errors.length > 0 ? 1 : 0;
}

runCli("bench", HELP, main);
