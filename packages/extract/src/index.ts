/**
 * extract(doc) → Minutes (minutes-json/1). Pure: no I/O, same input gives the same output.
 * PLACEHOLDER body while the stage is being built.
 */
import type { SourceDocument } from "@minutes/ingest";
import { MinutesSchema, type Minutes } from "./schema.ts";

export * from "./schema.ts";

export const EXTRACTOR_VERSION = "0.1.0";

export function extract(doc: SourceDocument): Minutes {
  const minutes: Minutes = {
    schema: "minutes-json/1",
    source: { file: doc.file, sha256: doc.sha256, format: doc.format, pages: doc.pages },
    meeting: { body: null, cluster: null, kind: "referat", number: null, date: null, startTime: null, endTime: null, location: null },
    participants: [],
    items: [],
    warnings: [],
    extractor: EXTRACTOR_VERSION,
  };
  return MinutesSchema.parse(minutes);
}
