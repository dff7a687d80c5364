/** Small helper so every ingest warning has the same shape and stage. */
import type { Message } from "./schema.ts";

export function ingestWarning(code: string, message: string, page: number | null = null, line: number | null = null): Message {
  return { code, message, page, line, stage: "ingest", severity: "warning" };
}
