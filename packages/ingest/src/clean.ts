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
  let text = raw.normalize("NFC").replace(CONTROL, "");
  const softHyphenEnd = /\u00AD\s*$/.test(text);
  text = text.replace(/\u00AD/g, "").replace(SPACES, " ");
  const lead = /^[ \t]*/.exec(text)![0];
  let indent = 0;
  for (const ch of lead) indent = ch === "\t" ? indent + TAB_WIDTH - (indent % TAB_WIDTH) : indent + 1;
  text = text.slice(lead.length).replace(/\t/g, " ").replace(/ +$/, "");
  return { text, indent, softHyphenEnd };
}
