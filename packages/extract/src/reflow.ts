/**
 * Line breaks back into a text layer that lost them. Some PDF producers (and copy-pasted web
 * text) put a whole page, or a whole agenda item, on one line: the item number, its title, the
 * "Indstilling:" and "Beslutning:" labels and their text run on. Every later reader works line by
 * line, so such a document is cut before its labels and before its item numbers first.
 *
 * Only documents whose lines are mostly run-on are touched: in an ordinary document a long line is
 * a paragraph, and a "3. Økonomi" inside it is a cross-reference, not a heading. The fragments keep
 * the page and line of the line they came from, so positions stay true.
 */
import type { Line } from "@minutes/ingest";

/** A document is flattened when half its lines are longer than this. */
const RUN_ON_CHARS = 240;
/** Lines at least this long are cut (shorter ones are left as printed). */
const CUT_CHARS = 120;

// Labels that open a new block in Danish minutes when written with a colon. Only capitalised
// forms: "… blev beslutningen:" in running text is no label.
const LABELS = [
  "Beslutning",
  "Beslutninger",
  "Indstilling",
  "Indstillinger",
  "Sagsfremstilling",
  "Sagsbeskrivelse",
  "Baggrund",
  "Bilag",
  "Referat",
  "Konklusion",
  "Opfølgning",
  "Ansvarlig",
  "Frist",
  "Dagsorden",
  "Afbud",
  "Fraværende",
  "Referent",
  "Sted",
  "Deltagere",
  "Medlemmer",
  "Økonomi",
];
const LABEL_AT = new RegExp(`\\s(?=(?:${LABELS.join("|")}):\\s)`, "gu");

// "… 2. Godkendelse af referat …": a number of one or two digits with a period, between spaces,
// before a capital letter. Dates ("25. januar") have a lower-case month after them.
const NUMBER_AT = /\s(?=(\d{1,2})\.\s+\p{Lu})/gu;

export function isFlattened(lines: Line[]): boolean {
  const long = lines.filter((l) => l.text.length > RUN_ON_CHARS).length;
  return lines.length > 0 && long * 2 >= lines.length;
}

/** The lines, cut at labels and item numbers when the document is flattened; else unchanged. */
export function reflow(lines: Line[]): Line[] {
  if (!isFlattened(lines)) return lines;
  const out: Line[] = [];
  // Item numbers must count up (1, 2, 3 …) or start again at 1 (the agenda list, then the items),
  // so that "i alt 14. Ansøgninger" inside a sentence rarely cuts.
  let last = 0;
  for (const l of lines) {
    if (l.text.length < CUT_CHARS) {
      const m = /^(\d{1,2})\.\s/.exec(l.text);
      if (m) last = Number(m[1]);
      out.push(l);
      continue;
    }
    const cuts = new Set<number>();
    for (const m of l.text.matchAll(LABEL_AT)) cuts.add(m.index! + 1);
    const head = /^(\d{1,2})\.\s/.exec(l.text);
    if (head) last = Number(head[1]);
    for (const m of l.text.matchAll(NUMBER_AT)) {
      const n = Number(m[1]);
      if (n === last + 1 || n === 1) {
        cuts.add(m.index! + 1);
        last = n;
      }
    }
    const at = [0, ...[...cuts].sort((a, b) => a - b), l.text.length];
    for (let k = 0; k + 1 < at.length; k++) {
      const text = l.text.slice(at[k], at[k + 1]).trim();
      if (text) out.push({ ...l, text, hints: k === 0 ? l.hints : { ...l.hints, gapBefore: true } });
    }
  }
  return out;
}
