/**
 * Character-level clean-up of one line, the same for every format: NFC (PDFs and Mac text may
 * carry "a" + combining ring for "å"), soft hyphens out, every kind of space to a plain space,
 * control characters out. Leading white space is not text: it is returned as an indent width.
 */

/** A tab runs to the next multiple of this many columns (as the text reader counts). */
const TAB_WIDTH = 4;

export interface CleanLine {
  text: string;
  /** Columns of leading white space (a tab runs to the next multiple of TAB_WIDTH); 0 when none. */
  indent: number;
  /** The line ended in a soft hyphen: the writer marked a word break, so the next line completes it. */
  softHyphenEnd: boolean;
}

// C0/C1 controls except tab, plus zero-width characters that only break words apart.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200B\u2060\uFEFF]/g;
// NBSP, the typographic spaces, narrow NBSP, medium math space, ideographic space, line/para separators.
const SPACES = /[\u00A0\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;

export function cleanLine(raw: string): CleanLine {
  const fast = cleanPlain(raw);
  if (fast) return fast;
  let text = raw.normalize("NFC").replace(CONTROL, "");
  const softHyphenEnd = /\u00AD\s*$/.test(text);
  text = text.replace(/\u00AD/g, "").replace(SPACES, " ");
  const lead = /^[ \t]*/.exec(text)![0];
  let indent = 0;
  for (const ch of lead) indent = ch === "\t" ? indent + TAB_WIDTH - (indent % TAB_WIDTH) : indent + 1;
  text = text.slice(lead.length).replace(/\t/g, " ").replace(/ +$/, "");
  return { text, indent, softHyphenEnd };
}

/**
 * Most lines need no more than their outer spaces cut: every character printable ASCII, Latin-1
 * (no NBSP, no soft hyphen), a dash, quote, bullet or other general punctuation from
 * U+2010–U+2027 / U+2030–U+205E, or "€". Such a line is its own NFC (these characters neither
 * decompose nor combine; checked pairwise over the whole set) and holds no control, odd space,
 * soft hyphen or tab, so cleanLine's steps come down to that cut. Null for any other line.
 */
function cleanPlain(raw: string): CleanLine | null {
  const n = raw.length;
  let start = 0;
  while (start < n && raw.charCodeAt(start) === 0x20) start++;
  let end = n;
  while (end > start && raw.charCodeAt(end - 1) === 0x20) end--;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c >= 0xa1 && c <= 0xff ? c === 0xad : !((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || c === 0x20ac)) return null;
  }
  return { text: start === 0 && end === n ? raw : raw.slice(start, end), indent: start, softHyphenEnd: false };
}
