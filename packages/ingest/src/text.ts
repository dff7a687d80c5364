/**
 * Plain text and markdown → raw pages. A form feed starts a new page (pdftotext and many
 * archive exports write one per page) and line numbers restart at 1 on each page; they are
 * the physical line numbers a reader counts in an editor, blank lines included.
 * Any of CRLF, CR and LF ends a line, also mixed in one file.
 *
 * Leading white space moves into hints.indent (columns, a tab counting to the next multiple
 * of 4) so that every reader hands segmentation lines that start with their first word.
 */
import { decodeText } from "./decode.ts";
import { splitIndent } from "./indent.ts";
import { looksLikeMarkdown, markdownLines } from "./markdown.ts";
import type { RawLine, RawPage, ReadOptions, ReadResult } from "./raw.ts";
import { IngestError } from "./schema.ts";

export async function readText(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const { text, encoding, warnings } = decodeText(bytes, options.file);
  const pageTexts = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split("\f");
  // pdftotext ends every page with a form feed; the empty piece after the last one is no page.
  if (pageTexts.length > 1 && pageTexts[pageTexts.length - 1]!.trim() === "") pageTexts.pop();
  if (pageTexts.length > options.maxPages) {
    throw new IngestError("too-large", `${options.file}: ${pageTexts.length} pages is over the limit of ${options.maxPages}`, options.file);
  }
  // Without a CR anywhere, LF alone ends lines: a plain string split instead of the regex.
  const crlf = text.includes("\r");
  const physical = pageTexts.map((p) => (crlf ? p.split(/\r\n|\r|\n/) : p.split("\n")));
  const markdown = looksLikeMarkdown(physical.length === 1 ? physical[0]! : physical.flat());
  const pages: RawPage[] = physical.map((lines, i) => ({
    page: i + 1,
    lines: markdown ? markdownLines(lines) : lines.map(plainLine),
  }));
  return { format: "txt", pages, warnings, meta: { encoding } };
}

function plainLine(raw: string, i: number): RawLine {
  const { indent, rest } = splitIndent(raw);
  return { text: rest, hints: indent > 0 && rest !== "" ? { indent } : {}, line: i + 1 };
}
