/**
 * fixtures/eval-manifest.json: which documents the evaluation reads and the gold of each.
 * Adding a document is adding one entry; a new set needs no declaration (declare it under "sets"
 * only to give it a description or requirements).
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";

export const ManifestEntrySchema = z
  .object({
    /** The document to ingest, relative to the repository root. */
    document: z.string().min(1),
    /** Its gold minutes-json/1, relative to the repository root. */
    gold: z.string().min(1),
    /** The set it belongs to ("seeds", "scanned", "own", …). */
    set: z.string().min(1),
    /** Format for the per-format totals; default: the document's file extension. */
    format: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const ManifestSetSchema = z
  .object({
    description: z.string().optional(),
    /**
     * Programs the set needs on PATH (e.g. "tesseract"). A set whose programs are missing is skipped
     * unless it is asked for by name (--set) or forced (--scanned for "scanned").
     */
    requires: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type ManifestSet = z.infer<typeof ManifestSetSchema>;

export const ManifestSchema = z
  .object({
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    sets: z.record(z.string(), ManifestSetSchema).default({}),
    entries: z.array(ManifestEntrySchema),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

export async function loadManifest(path: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new ManifestError(`${path}: cannot read the manifest (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`${path}: not JSON (${(err as Error).message})`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ManifestError(`${path}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}

/** The format an entry is totalled under: its "format", else the extension of its file name. */
export function entryFormat(entry: ManifestEntry): string {
  if (entry.format) return entry.format.toLowerCase();
  const m = /\.([A-Za-z0-9]+)$/.exec(entry.document);
  return m ? m[1]!.toLowerCase() : "unknown";
}
