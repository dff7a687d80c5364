/** PLACEHOLDER — to be written. */
import type { ReadOptions, ReadResult } from "./raw.ts";
import { IngestError } from "./schema.ts";

export async function readHtml(_bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  throw new IngestError("unknown-format", `${options.file}: html reading is not implemented yet`, options.file);
}
