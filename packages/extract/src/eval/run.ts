/**
 * One evaluation run: every selected manifest entry is ingested, extracted and scored against its
 * gold. A document that fails (a reader not written yet, an extractor crash) is reported with its
 * stage and message and the run goes on; in the totals it counts as an empty prediction.
 */
import { access, constants, readFile } from "node:fs/promises";
import { delimiter, join, resolve } from "node:path";
import { ingest, type IngestOptions } from "@minutes/ingest";
import type { SourceDocument } from "@minutes/ingest";
import { GoldMinutesSchema, MinutesSchema, type GoldMinutes, type Minutes } from "../schema.ts";
import { alignDocument } from "./align.ts";
import { diffDocument, type DocDiff } from "./diff.ts";
import { entryFormat, loadManifest, type Manifest, type ManifestEntry } from "./manifest.ts";
import { scoreAlignment, scoreUnreadable, total, type DocScore } from "./score.ts";

export const EVAL_REPORT_SCHEMA = "minutes-eval/1";

export interface RunOptions {
  /** The manifest file. */
  manifest: string;
  /** Entry paths are relative to this directory (the repository root). */
  root: string;
  /** Only these sets (each is run even if its requirements are missing). Default: every set. */
  sets?: string[];
  /** Only these formats (txt, pdf, docx, …). */
  formats?: string[];
  /** Run the "scanned" set even when tesseract is missing. */
  scanned?: boolean;
  /** Only entries whose document path contains one of these strings. */
  documents?: string[];
  ingest?: IngestOptions;
  /** The extractor to score; default: this package's extract() and EXTRACTOR_VERSION. */
  extractor?: { version: string; extract: (doc: SourceDocument) => unknown };
  /** Called after each document (progress on stderr). */
  onDocument?: (result: DocResult, index: number, count: number) => void;
}

export type FailedStage = "gold" | "ingest" | "extract";

export interface DocResult {
  document: string;
  gold: string;
  set: string;
  format: string;
  status: "ok" | "failed";
  /** Why the document could not be scored normally. */
  error: { stage: FailedStage; code: string | null; message: string; at: string | null } | null;
  /**
   * The score; a document failed in ingest or extract is scored as an empty prediction. Null only
   * when the gold itself cannot be read (the entry is then left out of every total).
   */
  score: DocScore | null;
  /** What did not match; null when the document failed. */
  diff: DocDiff | null;
  /** Ingest warnings of the document (codes), e.g. OCR used, encoding guessed. */
  ingestWarnings: string[];
}

export interface SetTotals {
  all: DocScore;
  formats: Record<string, DocScore>;
}

export interface EvalReport {
  schema: typeof EVAL_REPORT_SCHEMA;
  /** EXTRACTOR_VERSION, or null when the extractor module could not be loaded. */
  extractor: string | null;
  /** Why the extractor module could not be loaded (every document then fails in extract), else null. */
  extractorError: string | null;
  manifest: string;
  selection: { sets: string[] | null; formats: string[] | null; documents: string[] | null; scanned: boolean };
  /** Sets that were not run, and why. */
  skipped: { set: string; reason: string; entries: number }[];
  documents: DocResult[];
  totals: {
    all: DocScore;
    sets: Record<string, SetTotals>;
    formats: Record<string, DocScore>;
  };
}

export async function runEval(options: RunOptions): Promise<EvalReport> {
  const manifest = await loadManifest(options.manifest);
  const { entries, skipped } = await selectEntries(manifest, options);
  const extractor: Extractor = options.extractor ?? (await loadExtractor());
  const golds = new Map<string, Promise<GoldMinutes>>();
  const documents: DocResult[] = [];
  for (const [k, entry] of entries.entries()) {
    const result = await runEntry(entry, options, golds, extractor);
    documents.push(result);
    options.onDocument?.(result, k, entries.length);
  }
  return {
    schema: EVAL_REPORT_SCHEMA,
    extractor: "version" in extractor ? extractor.version : null,
    extractorError: "error" in extractor ? firstLine(extractor.error) : null,
    manifest: options.manifest,
    selection: {
      sets: options.sets ?? null,
      formats: options.formats ?? null,
      documents: options.documents ?? null,
      scanned: options.scanned ?? false,
    },
    skipped,
    documents,
    totals: totalsOf(documents),
  };
}

async function selectEntries(manifest: Manifest, options: RunOptions) {
  const skipped: EvalReport["skipped"] = [];
  const setNames = [...new Set(manifest.entries.map((e) => e.set))];
  let chosen: string[];
  if (options.sets && options.sets.length > 0) {
    const unknown = options.sets.filter((s) => !setNames.includes(s));
    if (unknown.length > 0) {
      throw new SelectionError(`no entries in set ${unknown.map((s) => `"${s}"`).join(", ")} (sets: ${setNames.join(", ")})`);
    }
    chosen = options.sets;
  } else {
    chosen = [];
    for (const set of setNames) {
      const requires = manifest.sets[set]?.requires ?? [];
      const forced = set === "scanned" && options.scanned;
      const missing: string[] = [];
      for (const program of requires) if (!(await onPath(program))) missing.push(program);
      if (missing.length > 0 && !forced) {
        skipped.push({
          set,
          reason: `${missing.join(", ")} not found${set === "scanned" ? " (--scanned runs it anyway)" : ` (--set ${set} runs it anyway)`}`,
          entries: manifest.entries.filter((e) => e.set === set).length,
        });
      } else {
        chosen.push(set);
      }
    }
  }
  const formats = options.formats?.map((f) => f.toLowerCase());
  const entries = manifest.entries.filter(
    (e) =>
      chosen.includes(e.set) &&
      (!formats || formats.length === 0 || formats.includes(entryFormat(e))) &&
      (!options.documents || options.documents.length === 0 || options.documents.some((d) => e.document.includes(d))),
  );
  return { entries, skipped };
}

export class SelectionError extends Error {
  override readonly name = "SelectionError";
}

type Extractor = { version: string; extract: (doc: SourceDocument) => unknown } | { error: unknown };

/**
 * The extractor is loaded here rather than imported statically: while it is being written it may
 * fail to load, and then every document is reported as failed in extract instead of a crash.
 */
async function loadExtractor(): Promise<Extractor> {
  try {
    const mod = await import("../index.ts");
    return { version: mod.EXTRACTOR_VERSION, extract: mod.extract };
  } catch (err) {
    return { error: err };
  }
}

async function runEntry(
  entry: ManifestEntry,
  options: RunOptions,
  golds: Map<string, Promise<GoldMinutes>>,
  extractor: Extractor,
): Promise<DocResult> {
  const base = {
    document: entry.document,
    gold: entry.gold,
    set: entry.set,
    format: entryFormat(entry),
  };
  let gold: GoldMinutes;
  try {
    let g = golds.get(entry.gold);
    if (!g) {
      g = readGold(resolve(options.root, entry.gold));
      golds.set(entry.gold, g);
    }
    gold = await g;
  } catch (err) {
    return { ...base, status: "failed", error: failure("gold", err), score: null, diff: null, ingestWarnings: [] };
  }

  let warnings: string[] = [];
  let predicted: Minutes;
  try {
    const doc = await ingest(resolve(options.root, entry.document), options.ingest);
    warnings = doc.warnings.map((w) => w.code);
    try {
      if ("error" in extractor) throw new ExtractorLoadError(extractor.error);
      predicted = MinutesSchema.parse(extractor.extract(doc));
    } catch (err) {
      return { ...base, status: "failed", error: failure("extract", err), score: scoreUnreadable(gold), diff: null, ingestWarnings: warnings };
    }
  } catch (err) {
    return { ...base, status: "failed", error: failure("ingest", err), score: scoreUnreadable(gold), diff: null, ingestWarnings: warnings };
  }

  const alignment = alignDocument(predicted, gold);
  return {
    ...base,
    status: "ok",
    error: null,
    score: scoreAlignment(alignment, predicted, gold),
    diff: diffDocument(predicted, gold, alignment),
    ingestWarnings: warnings,
  };
}

async function readGold(path: string): Promise<GoldMinutes> {
  const json: unknown = JSON.parse(await readFile(path, "utf8"));
  const parsed = GoldMinutesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: not a valid gold file: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

class ExtractorLoadError extends Error {
  override readonly name = "ExtractorLoadError";
  readonly code = "load";
  constructor(cause: unknown) {
    super(`cannot load the extractor: ${firstLine(cause)}`, { cause });
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
}

function failure(stage: FailedStage, err: unknown): NonNullable<DocResult["error"]> {
  const e = err as { code?: unknown; message?: unknown; name?: unknown; issues?: unknown };
  const code =
    typeof e?.code === "string"
      ? e.code
      : e?.name === "ZodError"
        ? "schema"
        : typeof e?.name === "string" && e.name !== "Error"
          ? e.name
          : null;
  let message = typeof e?.message === "string" ? e.message : String(err);
  if (e?.name === "ZodError" && Array.isArray(e.issues) && e.issues.length > 0) {
    const issue = e.issues[0] as { path?: unknown[]; message?: string };
    message = `output is not minutes-json/1: ${(issue.path ?? []).join(".")}: ${issue.message ?? ""}`;
  }
  // Where a crash happened: the first stack frame in this repository's packages.
  const stack = err instanceof Error && typeof err.stack === "string" ? err.stack.split("\n") : [];
  const frame = stack.find((l) => /^\s+at /.test(l) && l.includes("/packages/") && !/\/node_modules\/|\/src\/eval\//.test(l));
  const at = frame ? frame.trim().replace(/^at /, "").replace(/file:\/\//, "") : null;
  return { stage, code, message: message.split("\n")[0]!, at: stage === "gold" ? null : at };
}

export function totalsOf(documents: readonly DocResult[]): EvalReport["totals"] {
  const scored = documents.filter((d): d is DocResult & { score: DocScore } => d.score !== null);
  const group = (key: (d: DocResult) => string, list = scored) => {
    const map = new Map<string, DocScore[]>();
    for (const d of list) {
      const k = key(d);
      map.set(k, [...(map.get(k) ?? []), d.score]);
    }
    return Object.fromEntries([...map].map(([k, v]) => [k, total(v)]));
  };
  const sets: Record<string, SetTotals> = {};
  for (const set of [...new Set(scored.map((d) => d.set))]) {
    const inSet = scored.filter((d) => d.set === set);
    sets[set] = { all: total(inSet.map((d) => d.score)), formats: group((d) => d.format, inSet) };
  }
  return { all: total(scored.map((d) => d.score)), sets, formats: group((d) => d.format) };
}

async function onPath(program: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      await access(join(dir, program), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}
