/**
 * pnpm corpus — writes a synthetic corpus of Danish minutes with a gold file for each.
 *
 *   pnpm corpus --docs N --out DIR [--seed S] [--formats pdf,docx,txt] [--jobs J] [--template NAME]
 *
 * DIR/<id>.pdf|.docx|.txt, DIR/gold/<id>.json (minutes-json/1, from the generator's model),
 * DIR/manifest.json (for `pnpm eval --manifest DIR/manifest.json`), DIR/corpus.json (what was made,
 * page counts, timing). Deterministic for a given seed: the same documents whatever --jobs is.
 * Documents are made in child processes (--jobs, default: the number of CPUs, at most 8).
 */
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions, runCli, UsageError } from "../run-cli.ts";
import { FORMATS, generate, GENERATOR, type Format } from "./generate.ts";
import { TEMPLATES, type TemplateName } from "./templates.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const HELP = `pnpm corpus --docs N --out DIR [options] — synthetic minutes with gold files

Options:
  --docs N          number of documents (required)
  --out DIR         output folder (required; created)
  --seed S          seed (default 1): the same seed gives the same files
  --formats LIST    pdf,docx,txt (default all three)
  --jobs J          processes (default: CPUs, at most 8)
  --template NAME   only this template (${TEMPLATES.map((t) => t.name).join(", ")})
  --help, -h        this text
`;

interface Job {
  seed: string;
  out: string;
  formats: Format[];
  template?: TemplateName;
  indices: number[];
}

interface DocInfo {
  id: string;
  template: TemplateName;
  pdfPages: number | null;
  txtPages: number | null;
  bytes: number;
  items: number;
}

async function runJob(job: Job, onDone: (info: DocInfo) => void): Promise<void> {
  for (const index of job.indices) {
    const g = await generate(job.seed, index, job.formats, job.template);
    let bytes = 0;
    for (const [format, data] of Object.entries(g.files)) {
      bytes += data.length;
      await writeFile(resolve(job.out, `${g.id}.${format}`), data);
    }
    await writeFile(resolve(job.out, "gold", `${g.id}.json`), `${JSON.stringify(g.gold, null, 1)}\n`);
    onDone({ id: g.id, template: g.template, pdfPages: g.pdfPages, txtPages: g.txtPages, bytes, items: g.gold.items.length });
  }
}

function parse(argv: string[]) {
  const values = parseOptions(argv, {
    docs: { type: "string" },
    out: { type: "string" },
    seed: { type: "string" },
    formats: { type: "string" },
    jobs: { type: "string" },
    template: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return null;
  const docs = Number(values.docs);
  if (!values.docs || !Number.isInteger(docs) || docs < 1) throw new UsageError("--docs N: a positive whole number is required");
  if (!values.out) throw new UsageError("--out DIR is required");
  const formats = (values.formats ?? FORMATS.join(",")).split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) if (!FORMATS.includes(f as Format)) throw new UsageError(`--formats ${f}: expected pdf, docx or txt`);
  const jobs = values.jobs ? Number(values.jobs) : Math.min(8, availableParallelism());
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs J: a positive whole number");
  const template = values.template as TemplateName | undefined;
  if (template && !TEMPLATES.some((t) => t.name === template)) throw new UsageError(`--template ${template}: expected one of ${TEMPLATES.map((t) => t.name).join(", ")}`);
  return { docs, out: resolve(process.cwd(), values.out), seed: values.seed ?? "1", formats: formats as Format[], jobs, template };
}

/** Manifest paths: relative to the repository root when inside it (as fixtures/eval-manifest.json), else absolute. */
function manifestPath(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

async function main(argv: string[]): Promise<number> {
  const opts = parse(argv);
  if (!opts) {
    process.stdout.write(HELP);
    return 0;
  }
  await mkdir(resolve(opts.out, "gold"), { recursive: true });
  const started = performance.now();
  const infos: DocInfo[] = [];
  const progress = (info: DocInfo) => {
    infos.push(info);
    if (infos.length % 100 === 0 || infos.length === opts.docs) process.stderr.write(`corpus: ${infos.length}/${opts.docs}\n`);
  };
  const jobs = Math.min(opts.jobs, opts.docs);
  const indices = Array.from({ length: opts.docs }, (_, i) => i);
  if (jobs === 1) {
    await runJob({ seed: opts.seed, out: opts.out, formats: opts.formats, template: opts.template, indices }, progress);
  } else {
    await Promise.all(
      Array.from({ length: jobs }, (_, w) => {
        const job: Job = { seed: opts.seed, out: opts.out, formats: opts.formats, template: opts.template, indices: indices.filter((i) => i % jobs === w) };
        return new Promise<void>((res, rej) => {
          // a child process per job (worker threads do not get tsx's loader); it inherits execArgv
          const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, MINUTES_CORPUS_JOB: JSON.stringify(job) } });
          child.on("message", (info: DocInfo) => progress(info));
          child.on("error", rej);
          child.on("exit", (code) => (code === 0 ? res() : rej(new Error(`job ${w} exited with code ${code}`))));
        });
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  infos.sort((a, b) => a.id.localeCompare(b.id));

  const entries = infos.flatMap((info) =>
    opts.formats.map((format) => ({ document: manifestPath(resolve(opts.out, `${info.id}.${format}`)), gold: manifestPath(resolve(opts.out, "gold", `${info.id}.json`)), set: "corpus", note: info.template })),
  );
  const manifest = {
    $comment: [`Synthetic corpus: pnpm corpus --docs ${opts.docs} --seed ${opts.seed} --formats ${opts.formats.join(",")} (${GENERATOR}).`, "Gold files come from the generator's model (scripts/corpus/README.md)."],
    sets: { corpus: { description: `${opts.docs} synthetic minutes in ${TEMPLATES.length} templates (scripts/corpus)` } },
    entries,
  };
  await writeFile(resolve(opts.out, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);

  const pdfPages = infos.reduce((s, i) => s + (i.pdfPages ?? 0), 0);
  const byTemplate = Object.fromEntries(TEMPLATES.map((t) => [t.name, infos.filter((i) => i.template === t.name).length]));
  const pages = infos.map((i) => i.pdfPages ?? 0).filter((p) => p > 0);
  const summary = {
    generator: GENERATOR,
    seed: opts.seed,
    docs: opts.docs,
    formats: opts.formats,
    jobs,
    seconds: Math.round(seconds * 100) / 100,
    docsPerSecond: Math.round((opts.docs / seconds) * 10) / 10,
    pdfPages,
    pdfPagesPerSecond: Math.round((pdfPages / seconds) * 10) / 10,
    pdfPagesMin: pages.length > 0 ? Math.min(...pages) : null,
    pdfPagesMax: pages.length > 0 ? Math.max(...pages) : null,
    bytes: infos.reduce((s, i) => s + i.bytes, 0),
    items: infos.reduce((s, i) => s + i.items, 0),
    templates: byTemplate,
    documents: infos,
  };
  await writeFile(resolve(opts.out, "corpus.json"), `${JSON.stringify(summary, null, 1)}\n`);
  const { documents: _documents, ...head } = summary;
  process.stdout.write(`${JSON.stringify(head, null, 1)}\n`);
  return 0;
}

const JOB = process.env.MINUTES_CORPUS_JOB;
if (JOB === undefined) {
  runCli("corpus", HELP, main);
} else {
  // a job process: make its documents, report each to the parent
  runJob(JSON.parse(JOB) as Job, (info) => process.send?.(info)).then(
    () => process.disconnect?.(),
    (err: unknown) => {
      process.stderr.write(`corpus job: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
