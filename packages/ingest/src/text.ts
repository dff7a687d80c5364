/** MINIMAL PLACEHOLDER — to be replaced: encodings, CR/CRLF, form feeds, markdown hints. */
import type { ReadOptions, ReadResult, RawLine } from "./raw.ts";

export async function readText(bytes: Uint8Array, _options: ReadOptions): Promise<ReadResult> {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const lines: RawLine[] = text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, hints: {}, line: i + 1 }));
  return { format: "txt", pages: [{ page: 1, lines }], warnings: [], meta: { encoding: "utf-8" } };
}
