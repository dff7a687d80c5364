/**
 * pnpm eval — scores the extractor against the gold files (minutes-eval v1, CONTRACT.md).
 *
 * Reads fixtures/eval-manifest.json, ingests and extracts every selected document, prints a table
 * (one row per document, totals per set, set × format and format) and writes the same as JSON.
 * Only the report goes to stdout; progress and library chatter go to stderr. The exit code is 0
 * whatever the figures are (this is a measurement); 2 on a usage error, 1 on a crash.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions, runCli, UsageError } from "./run-cli.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const HELP = `pnpm eval [options] — score the extractor against the gold files (minutes-eval v1)

Options:
  --set NAME       only this set (repeatable, or comma-separated: --set seeds,own)
  --format FMT     only documents of this format: txt, pdf, docx, html (repeatable / comma-separated)
  --doc TEXT       only documents whose path contains TEXT (repeatable / comma-separated)
  --scanned        also run the "scanned" set when tesseract is not on PATH
  --verbose, -v    after the table, what did not match in each document, with the nearest candidate
  --json PATH      where the JSON report goes (default .eval/eval.json)
  --no-json        write no JSON report
  --manifest PATH  the manifest (default fixtures/eval-manifest.json)
  --help, -h       this text

Exit code 0 whatever the figures; 2 on a usage error; 1 on a crash.
`;

async function main(argv: string[]): Promise<number> {
  // Nothing but the report on stdout: readers (pdfjs) and extractors may log with console.*.
  const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(" ")}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;

  const values = parseOptions(argv, {
    set: { type: "string", multiple: true },
    format: { type: "string", multiple: true },
    doc: { type: "string", multiple: true },
    scanned: { type: "boolean" },
    verbose: { type: "boolean", short: "v" },
    json: { type: "string" },
    "no-json": { type: "boolean" },
    manifest: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const list = (xs: string[] | undefined) => xs?.flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean);
  const formats = list(values.format);
  const known = ["txt", "pdf", "docx", "html"];
  for (const f of formats ?? []) {
    if (!known.includes(f.toLowerCase())) throw new UsageError(`--format ${f}: expected one of ${known.join(", ")}`);
  }
  if (values.json !== undefined && values["no-json"]) throw new UsageError("--json and --no-json exclude each other");

  const { runEval, renderReport, displayName, ManifestError, SelectionError } = await import("@minutes/extract/eval");
  const manifest = resolve(ROOT, values.manifest ?? "fixtures/eval-manifest.json");
  let report;
  try {
    report = await runEval({
      manifest,
      root: ROOT,
      sets: list(values.set),
      formats,
      documents: list(values.doc),
      scanned: values.scanned ?? false,
      onDocument: (d, k, n) => {
        const status = d.error ? `${d.error.stage} failed` : "ok";
        process.stderr.write(`eval [${k + 1}/${n}] ${displayName(d.document)}: ${status}\n`);
      },
    });
  } catch (err) {
    if (err instanceof ManifestError || err instanceof SelectionError) throw new UsageError(err.message);
    throw err;
  }

  process.stdout.write(renderReport(report, { verbose: values.verbose ?? false }));
  if (!values["no-json"]) {
    const path = resolve(process.cwd(), values.json ?? resolve(ROOT, ".eval/eval.json"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify({ ...report, manifest: displayPath(report.manifest) }, null, 2)}\n`);
    process.stderr.write(`eval: JSON report in ${displayPath(path)}\n`);
  }
  return 0;
}

function displayPath(path: string): string {
  return path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : path;
}

runCli("eval", HELP, main);
