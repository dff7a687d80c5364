/**
 * Markdown minutes (exports from wikis, Teams/OneNote via pandoc, hand-written notes) read as
 * lines with hints: "#" headings become hints.heading, emphasis markers go (a line that is
 * bold as a whole keeps that as hints.bold), rules become blank lines, list items keep their
 * marker in the text and in hints.listMarker, table rows become " | "-joined cells.
 * One physical line stays one line, so line numbers still point into the file.
 * The rules follow CommonMark where it matters for minutes, not to the last corner case.
 */
import type { RawLine } from "./raw.ts";
import type { LayoutHints } from "./schema.ts";
import { splitIndent } from "./indent.ts";

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_H2 = /^ {0,3}-+[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const BULLET = /^([-*+])[ \t]+(.*)$/;
const ORDERED = /^(\d{1,9}[.)])[ \t]+(.*)$/;
const BOLD_PAIR = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/;
/** The characters inline markup is made of: emphasis, links and images, autolinks, code, escapes. */
const MARKUP_CHAR = /[*_[<`~\\]/;

/** Markdown when its markers are used structurally; plain minutes rarely start lines with "# " or use "**". */
export function looksLikeMarkdown(lines: string[]): boolean {
  let atx = 0;
  let emphasis = 0;
  let rules = 0;
  let tables = 0;
  const verdict = () => atx >= 2 || (atx >= 1 && emphasis + rules + tables >= 1) || emphasis >= 3 || tables >= 1;
  for (const l of lines) {
    // Each pattern needs its marker character: most lines of plain minutes have none of them.
    if (l.indexOf("#") >= 0 && /^ {0,3}#{1,6}[ \t]+\S/.test(l)) atx++;
    else if (RULE.test(l)) rules++;
    else if (l.indexOf("|") >= 0 && TABLE_ROW.test(l) && TABLE_SEPARATOR.test(l) && l.includes("-")) tables++;
    // "**Referat**", "__Bilag:__"; a signature line of underscores is no emphasis.
    if ((l.indexOf("**") >= 0 || l.indexOf("__") >= 0) && /(\*\*|__)(?=[\p{L}\p{N}])[^*_]*?[\p{L}\p{N}.:!?)]\1/u.test(l)) emphasis++;
    // The counts only grow: once the verdict is yes, the rest of the file cannot change it.
    if ((atx > 0 || emphasis > 0 || tables > 0) && verdict()) return true;
  }
  return verdict();
}

export function markdownLines(lines: string[]): RawLine[] {
  const out: RawLine[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (FENCE.test(raw)) {
      inFence = !inFence;
      out.push({ text: "", hints: {}, line });
      continue;
    }
    if (inFence) {
      out.push({ text: raw, hints: {}, line });
      continue;
    }
    const prev = out[out.length - 1];
    const prevIsText = prev !== undefined && prev.text.trim() !== "" && prev.hints.heading === undefined && !prev.hints.listMarker && !prev.hints.tableRow;
    // Setext: a "===" or "---" underline makes the paragraph line above a heading.
    if (prevIsText && (SETEXT_H1.test(raw) || SETEXT_H2.test(raw))) {
      prev.hints.heading = SETEXT_H1.test(raw) ? 1 : 2;
      out.push({ text: "", hints: {}, line });
      continue;
    }
    if (RULE.test(raw)) {
      out.push({ text: "", hints: {}, line });
      continue;
    }
    const { text, hints } = markdownLine(raw, prev);
    out.push({ text, hints, line });
  }
  return out;
}

function markdownLine(raw: string, prev: RawLine | undefined): { text: string; hints: LayoutHints } {
  // Hard line breaks: two trailing spaces or a trailing backslash.
  const { indent, rest: start } = splitIndent(withoutHardBreak(raw));
  let rest = start;
  while (rest.startsWith(">")) rest = rest.replace(/^>[ \t]?/, ""); // block quotes
  const hints: LayoutHints = {};
  if (indent > 0 && rest !== "") hints.indent = indent;

  const atx = ATX.exec(rest);
  if (atx && indent <= 3) {
    const { text, bold } = inline(atx[2] ?? "");
    hints.heading = atx[1]!.length;
    if (bold) hints.bold = true;
    return { text, hints };
  }
  if (rest.indexOf("|") >= 0 && TABLE_ROW.test(rest)) {
    if (TABLE_SEPARATOR.test(rest)) return { text: "", hints: {} };
    const cells = rest
      .trim()
      .replace(/^\||\|$/g, "")
      .split(/(?<!\\)\|/)
      .map((c) => inline(c.trim()).text);
    return { text: cells.join(" | "), hints: { tableRow: true } };
  }
  const bullet = BULLET.exec(rest);
  if (bullet) {
    const { text, bold } = inline(bullet[2]!);
    Object.assign(hints, { listMarker: bullet[1]!, listLevel: Math.floor(indent / 2) }, bold ? { bold: true } : {});
    return { text: `${bullet[1]} ${text}`, hints };
  }
  const ordered = ORDERED.exec(rest);
  // "13. august" can start a wrapped line; a number counts as a list marker only where a list
  // can begin: after a blank line or another list item.
  const canStartList = prev === undefined || prev.text.trim() === "" || prev.hints.listMarker !== undefined;
  if (ordered && canStartList) {
    const { text, bold } = inline(ordered[2]!);
    Object.assign(hints, { listMarker: ordered[1]!, listLevel: Math.floor(indent / 3) }, bold ? { bold: true } : {});
    return { text: `${ordered[1]} ${text}`, hints };
  }
  const { text, bold } = inline(rest);
  if (bold) hints.bold = true;
  return { text, hints };
}

/** Inline markup out: links keep their text, emphasis markers go, escapes resolve. */
export function inline(s: string): { text: string; bold: boolean } {
  // Every rule below needs one of these characters; most lines of minutes have none.
  if (!MARKUP_CHAR.test(s)) return { text: s, bold: false };
  const whole = /^(\*\*|__)(?=\S)(.*\S)\1$/.exec(s.trim());
  const bold = whole !== null && !whole[2]!.includes(whole[1]!);
  let t = s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images: alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1") // links: link text
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1") // autolinks
    .replace(/`([^`]+)`/g, "$1");
  for (let m = BOLD_PAIR.exec(t); m; m = BOLD_PAIR.exec(t)) t = t.slice(0, m.index) + m[2] + t.slice(m.index + m[0].length);
  t = t
    // An unpaired "**" (bold spanning lines) is still markup, never text.
    .replace(/\*\*|(?<![\p{L}\p{N}])__|__(?![\p{L}\p{N}])/gu, "")
    .replace(/(^|[^\\*\p{L}\p{N}])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, "$1$2")
    .replace(/(^|[^\\\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2")
    .replace(/~~(?=\S)(.*?\S)~~/g, "$1")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
  return { text: t, bold };
}

/**
 * The line without a hard line break: two or more trailing spaces, or else a trailing backslash
 * (raw.replace(/(?: {2,}|\\)$/, "") without a regex tried at every position).
 */
function withoutHardBreak(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 0x20) end--;
  if (raw.length - end >= 2) return raw.slice(0, end);
  return raw.length > 0 && raw.charCodeAt(raw.length - 1) === 0x5c ? raw.slice(0, -1) : raw;
}
