/**
 * The parse half of a file's way through the pipeline, as one pure step: bytes → ingested lines →
 * extracted minutes, or the stage and reason it failed. It runs in the pipeline's worker threads
 * (parse-worker.mjs), so it imports only ingest and extract, never the store.
 */
import { extract } from "@minutes/extract";
import { ingest, IngestError, type IngestOptions, type SourceDocument, type Stage } from "@minutes/ingest";

export { readPdfsInThisThread } from "@minutes/ingest";

export interface ParseRequest {
  bytes: Uint8Array;
  name: string;
  limits: IngestOptions;
}

/**
 * What the store keeps of an ingested document besides the minutes: not its lines (the minutes
 * carry the facts with their page and line), so they are not copied back to the writer thread.
 */
export type ParsedDocument = Pick<SourceDocument, "format" | "pages" | "warnings" | "meta">;

export type ParseResult =
  | { ok: true; doc: ParsedDocument; minutes: ReturnType<typeof extract> }
  | { ok: false; format: SourceDocument["format"] | null; stage: Stage; code: string; message: string };

/** An error as a failure code (IngestError's own, a coded system error, zod's "invalid") and a one-line message. */
export function failureOf(err: unknown): { code: string; message: string } {
  const e = err as { code?: unknown; message?: string; name?: string } | null | undefined;
  const code = err instanceof IngestError ? err.code : typeof e?.code === "string" ? e.code : e?.name === "ZodError" ? "invalid" : "error";
  return { code, message: (e?.message ?? String(err)).split("\n")[0]!.slice(0, 500) };
}

export async function parseFile({ bytes, name, limits }: ParseRequest): Promise<ParseResult> {
  let stage: Stage = "ingest";
  let format: SourceDocument["format"] | null = null;
  try {
    const doc = await ingest({ bytes, name }, limits);
    format = doc.format;
    stage = "extract";
    const minutes = extract(doc);
    return { ok: true, doc: { format: doc.format, pages: doc.pages, warnings: doc.warnings, meta: doc.meta }, minutes };
  } catch (err) {
    return { ok: false, format, stage, ...failureOf(err) };
  }
}
