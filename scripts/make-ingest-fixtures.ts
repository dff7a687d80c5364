/**
 * Builds the reader fixtures in fixtures/ingest/ from the seeds in fixtures/seeds/.
 *
 *   npx tsx scripts/make-ingest-fixtures.ts
 *
 * Every file is the same minutes in another encoding, line-end convention or disguise, so a
 * test can compare what ingest reads with what it reads from the UTF-8 seed:
 *
 *   002-windows-1252.txt   seed 002.txt (æ, ø, å, Ø, Å, dashes, quotes) as Windows-1252; every
 *                          character of the seeds has a code there
 *   002-utf16le-bom.txt    UTF-16 LE with byte order mark
 *   002-utf16be-bom.txt    UTF-16 BE with byte order mark
 *   002-crlf.txt           CRLF line ends (Windows)
 *   002-cr.txt             CR-only line ends (classic Mac OS)
 *   003-formfeed.txt       seed 003.txt cut into pages of 40 lines with form feeds, plus an empty
 *                          page (two form feeds in a row) after the second page
 *   003-autonum-docx.pdf   003-autonum.docx under a .pdf name
 *   000-pdf.txt            000.pdf under a .txt name
 *   004.html               seed 004.txt (markdown) rendered as a small HTML page: headings, lists,
 *                          paragraphs with <br>, a few æ/ø/å as named entities
 *
 * The output is deterministic: running the script twice gives the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const seeds = join(root, "fixtures/seeds");
const out = join(root, "fixtures/ingest");

/** Lines per page in the form-feed fixture (test/text.test.ts uses the same number). */
const FORMFEED_PAGE_LINES = 40;

function seed(name: string): string {
  return readFileSync(join(seeds, name), "utf8");
}

/** Windows-1252 has no encoder in Node; this one fails loudly on a character it cannot write. */
function encodeWindows1252(text: string): Uint8Array {
  const c1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const inC1 = c1.indexOf(text[i]!);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else if (inC1 >= 0 && ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(0x80 + inC1)) bytes[i] = 0x80 + inC1;
    else throw new Error(`U+${code.toString(16).padStart(4, "0")} has no Windows-1252 code`);
  }
  return bytes;
}

function encodeUtf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  if (bigEndian) le.swap16();
  return new Uint8Array(le);
}

/** Pages of `perPage` lines joined by form feeds, with an empty page after the second. */
function withFormFeeds(text: string, perPage: number): string {
  const lines = text.split("\n");
  const pages: string[] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage).join("\n"));
  pages.splice(2, 0, "");
  return pages.join("\f");
}

const ENTITIES: Record<string, string> = { æ: "&aelig;", ø: "&oslash;", å: "&aring;", Æ: "&AElig;", Ø: "&Oslash;", Å: "&Aring;" };

function escapeHtml(s: string, entities: boolean): string {
  const esc = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return entities ? esc.replace(/[æøåÆØÅ]/g, (c) => ENTITIES[c]!) : esc;
}

/** A small markdown → HTML renderer, just enough for seed 004 (headings, lists, paragraphs). */
function markdownToHtml(md: string, title: string): string {
  const body: string[] = [];
  let paragraph: string[] = [];
  let list: "ul" | "ol" | null = null;
  let n = 0;
  const inline = (s: string) =>
    escapeHtml(s, n++ % 3 === 0)
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/\*(\S(?:.*?\S)?)\*/g, "<em>$1</em>");
  const closeParagraph = () => {
    if (paragraph.length > 0) body.push(`<p>${paragraph.map(inline).join("<br>\n")}</p>`);
    paragraph = [];
  };
  const closeList = () => {
    if (list) body.push(`</${list}>`);
    list = null;
  };
  for (const raw of md.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const ordered = /^(\d+)\.\s+(.*)$/.exec(line);
    if (heading) {
      closeParagraph(), closeList();
      body.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
    } else if (bullet || ordered) {
      closeParagraph();
      const kind = bullet ? "ul" : "ol";
      if (list !== kind) closeList(), body.push(ordered ? `<ol start="${ordered[1]}">` : "<ul>"), (list = kind);
      body.push(`<li>${inline((bullet ?? ordered)![bullet ? 1 : 2]!)}</li>`);
    } else if (line === "" || /^-{3,}$/.test(line)) {
      closeParagraph(), closeList();
    } else {
      closeList();
      paragraph.push(line);
    }
  }
  closeParagraph(), closeList();
  return [
    "<!DOCTYPE html>",
    '<html lang="da">',
    '<head><meta charset="utf-8"><title>' + escapeHtml(title, false) + "</title>",
    "<style>body { font-family: sans-serif }</style>",
    '<script>document.title = "<p>ikke tekst</p>";</script></head>',
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

mkdirSync(out, { recursive: true });
const s002 = seed("002.txt");
writeFileSync(join(out, "002-windows-1252.txt"), encodeWindows1252(s002));
writeFileSync(join(out, "002-utf16le-bom.txt"), encodeUtf16(s002, false));
writeFileSync(join(out, "002-utf16be-bom.txt"), encodeUtf16(s002, true));
writeFileSync(join(out, "002-crlf.txt"), s002.replace(/\r?\n/g, "\r\n"));
writeFileSync(join(out, "002-cr.txt"), s002.replace(/\r?\n/g, "\r"));
writeFileSync(join(out, "003-formfeed.txt"), withFormFeeds(seed("003.txt"), FORMFEED_PAGE_LINES));
// Copied by content, not copyFileSync: the seeds are read-only and the copies must stay rewritable.
writeFileSync(join(out, "003-autonum-docx.pdf"), readFileSync(join(seeds, "003-autonum.docx")));
writeFileSync(join(out, "000-pdf.txt"), readFileSync(join(seeds, "000.pdf")));
writeFileSync(join(out, "004.html"), markdownToHtml(seed("004.txt"), "Referat Klyngestyregruppe Nord"));
console.log(`fixtures written to ${out}`);
