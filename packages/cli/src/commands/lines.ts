/** `minutes lines FILE`: the normalised lines as "page:line  text", for inspection. */
import { ingest } from "@minutes/ingest";
import { pickFormat } from "../usage.ts";

export async function linesCommand(file: string, format: string | undefined, out: NodeJS.WritableStream): Promise<number> {
  const fmt = pickFormat(format, ["text", "json"] as const, "text");
  const doc = await ingest(file);
  if (fmt === "json") {
    out.write(JSON.stringify(doc, null, 2) + "\n");
    return 0;
  }
  for (const l of doc.lines) out.write(`${l.page}:${l.line}  ${l.text}\n`);
  return 0;
}
