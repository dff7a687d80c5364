/**
 * HTML → raw lines (saved web pages, e-mails exported as .htm). A small tokenizer is enough:
 * minutes in HTML are paragraphs, headings, lists and tables, and the reader only needs where
 * lines break and which lines are headings, list items or table rows. Browsers' error recovery
 * (implied end tags, misnested inline elements) matters little for that, so no DOM is built.
 * Everything lands on page 1: HTML has no pages.
 */
import { decodeText } from "./decode.ts";
import type { RawLine, ReadOptions, ReadResult } from "./raw.ts";
import type { LayoutHints } from "./schema.ts";
import { decodeHtmlEntities } from "./html-entities.ts";

/** Elements whose start and end break the line. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
  "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);
/** Elements whose content is never text a reader sees. */
const SKIP = new Set(["script", "style", "head", "title", "template", "noscript", "svg", "math", "object", "iframe", "xml"]);

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?|\s*\/)*)\s*>/g;

interface ListState {
  ordered: boolean;
  next: number;
}

export async function readHtml(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const { text: html, encoding, warnings } = decodeText(bytes, options.file, declaredCharset(bytes));
  const out = new LineBuilder();
  const lists: ListState[] = [];
  // The table row being read: its finished cells and the text of the open cell.
  const table: { row: string[] | null; cell: string | null } = { row: null, cell: null };
  let tableDepth = 0;
  let heading: number | undefined;
  let pre = 0;
  let bold = 0;

  let at = 0;
  const text = (raw: string) => {
    let t = decodeHtmlEntities(raw);
    if (pre === 0) t = t.replace(/[ \t\r\n\f]+/g, " ");
    if (table.cell !== null) table.cell += t;
    else if (pre > 0) {
      const parts = t.split(/\r\n|\r|\n/);
      parts.forEach((p, i) => {
        if (i > 0) out.flush({ heading }, false);
        out.append(p, bold > 0);
      });
    } else out.append(t, bold > 0);
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m.index > at) text(html.slice(at, m.index));
    at = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // comment, doctype, processing instruction
    const closing = m[1] === "/";
    const attrs = m[3] ?? "";
    if (!closing && SKIP.has(name)) {
      // Raw text until the matching end tag (a "<" inside a script is not markup).
      const endTag = new RegExp(`</${name}[\\s>]`, "gi");
      endTag.lastIndex = at;
      const end = endTag.exec(html)?.index ?? -1;
      // A page without </head> (the parser would end it implicitly) must not lose its body.
      if (end < 0 && name === "head") continue;
      at = end < 0 ? html.length : html.indexOf(">", end) + 1 || html.length;
      TOKEN.lastIndex = at;
      continue;
    }
    if (name === "br") {
      if (table.cell !== null) table.cell += " ";
      else out.flush({ heading }, false);
      continue;
    }
    if (name === "b" || name === "strong") {
      bold = Math.max(0, bold + (closing ? -1 : 1));
      continue;
    }
    if (!BLOCK.has(name)) continue;

    // A table nested in a cell (e-mail layouts) only adds words to the outer cell.
    if (name === "table" && table.cell !== null) {
      tableDepth += closing ? -1 : 1;
      table.cell += " ";
      continue;
    }
    if (tableDepth > 0 && (name === "tr" || name === "td" || name === "th")) {
      if (table.cell !== null) table.cell += " ";
      continue;
    }
    if (name === "td" || name === "th") {
      if (table.row === null) table.row = [];
      if (table.cell !== null) table.row.push(table.cell.trim());
      table.cell = closing ? null : "";
      continue;
    }
    if (table.cell !== null && name !== "tr" && name !== "table") {
      // Blocks inside a cell only separate words; the row stays one line.
      table.cell += " ";
      continue;
    }
    if (name === "tr" || name === "table") {
      if (table.cell !== null) table.row?.push(table.cell.trim()), (table.cell = null);
      if (table.row && table.row.some((c) => c !== "")) out.row(table.row.map((c) => c.replace(/\s+/g, " ")).join(" | "));
      table.row = name === "tr" && !closing ? [] : null;
      if (name === "table") out.endTable();
      continue;
    }

    out.flush({ heading }, true);
    if (/^h[1-6]$/.test(name)) heading = closing ? undefined : Number(name[1]);
    else if (name === "pre") pre = Math.max(0, pre + (closing ? -1 : 1));
    else if (name === "ul" || name === "ol") {
      if (closing) lists.pop();
      else lists.push({ ordered: name === "ol", next: Number(/\bstart\s*=\s*["']?(-?\d+)/i.exec(attrs)?.[1] ?? 1) });
    } else if (name === "li" && !closing) {
      const list = lists[lists.length - 1];
      const value = /\bvalue\s*=\s*["']?(-?\d+)/i.exec(attrs)?.[1];
      if (list && value !== undefined) list.next = Number(value);
      const marker = list?.ordered ? `${list.next++}.` : "•";
      out.startItem(marker, Math.max(0, lists.length - 1));
    }
  }
  if (at < html.length) text(html.slice(at));
  if (table.cell !== null) table.row?.push(table.cell.trim());
  if (table.row && table.row.some((c) => c !== "")) out.row(table.row.join(" | "));
  out.flush({ heading }, true);
  return { format: "html", pages: [{ page: 1, lines: out.lines }], warnings, meta: { encoding } };
}

/** Collects the text of the current line and the hints that belong to it. */
class LineBuilder {
  readonly lines: RawLine[] = [];
  private text = "";
  private boldChars = 0;
  private plainChars = 0;
  private item: { marker: string; level: number } | null = null;
  private gap = true;
  private inTable = false;

  append(t: string, bold: boolean): void {
    this.text += t;
    const visible = t.replace(/\s/g, "").length;
    if (bold) this.boldChars += visible;
    else this.plainChars += visible;
  }

  startItem(marker: string, level: number): void {
    this.item = { marker, level };
  }

  /** Ends the current line; `paragraphEnd` says a block ended (so the next line has a gap before it). */
  flush(context: { heading: number | undefined }, paragraphEnd: boolean): void {
    const text = this.text.replace(/\s+/g, " ").replace(/\u00ad/g, "").trim();
    if (text !== "") {
      const hints: LayoutHints = {};
      let line = text;
      if (this.gap) hints.gapBefore = true;
      if (context.heading !== undefined) hints.heading = context.heading;
      if (this.boldChars > 0 && this.plainChars === 0) hints.bold = true;
      if (this.item) {
        line = `${this.item.marker} ${text}`;
        hints.listMarker = this.item.marker;
        hints.listLevel = this.item.level;
        this.item = null;
      }
      this.lines.push({ text: line, hints, line: this.lines.length + 1 });
      this.gap = false;
    }
    this.text = "";
    this.boldChars = 0;
    this.plainChars = 0;
    if (paragraphEnd) this.gap = true;
  }

  row(text: string): void {
    this.flush({ heading: undefined }, true);
    const hints: LayoutHints = { tableRow: true };
    if (!this.inTable) hints.gapBefore = true;
    this.inTable = true;
    this.lines.push({ text: text.replace(/\u00ad/g, ""), hints, line: this.lines.length + 1 });
  }

  endTable(): void {
    this.inTable = false;
    this.gap = true;
  }
}

/** The charset a page names in its first bytes (<meta charset> or http-equiv Content-Type). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}
