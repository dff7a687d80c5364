/**
 * A Danish sentence splitter. Intl.Segmenter, compromise and natural all cut Danish minutes
 * at abbreviations ("bl.a.", "jf.", "d. 24. maj", "kl. 12.00"); a short rule set with an
 * abbreviation list does better (shared/notes/dependencies.md). Rules:
 *  - a sentence ends at . ! ? (plus closing quotes/brackets) followed by white space;
 *  - never after an abbreviation that needs a continuation ("jf.", "d.", "kl.", "f.eks.");
 *  - after one that may close a sentence ("osv.", "mv.", "kr.") only when a capital follows;
 *  - never after an ordinal/date number ("d. 24. maj", "1. pejlemærke", "2. behandling")
 *    or a single capital initial ("Keld I. Hansen");
 *  - after "." only when the next word does not start in lower case (Danish sentences start
 *    with a capital or a digit);
 *  - a blank line and a bullet start a new sentence.
 */

import { squash } from "./text.ts";

// Abbreviations that are always followed by more of the same sentence.
const CONTINUING = new Set([
  "bl.a", "bla", "jf", "jvf", "mhp", "m.h.p", "ift", "i.f.t", "f.eks", "fx", "evt", "d", "kl", "pkt", "nr",
  "ca", "dvs", "d.v.s", "hhv", "vedr", "ang", "konst", "kst", "fg", "ekskl", "iflg", "mht", "m.h.t", "pga",
  "p.g.a", "vha", "v.h.a", "ifm", "i.f.m", "tlf", "stk", "afd", "att", "sgpl", "overl", "spl", "adm", "dir",
  "vicedir", "prof", "dr", "hr", "fr", "j.nr", "sagsnr", "ref", "s", "gl", "pr", "inkl", "spec", "kap", "fig",
  "tab", "el", "alm", "ekstraord", "ordf", "ph.d", "cand", "mag", "jan", "feb", "mar", "apr", "jun", "jul",
  "aug", "sep", "sept", "okt", "nov", "dec", "tirs", "ons", "tors", "fre", "lør", "søn",
]);
// Abbreviations that often end a sentence too ("… osv. Derefter"): split when a capital follows.
const MAY_END = new Set([
  "osv", "mv", "m.v", "m.fl", "mfl", "m.m", "mm", "o.l", "ol", "etc", "pt", "p.t", "mio", "mia", "kr", "t",
  "min", "sek", "max", "incl",
]);

const MONTH_WORD = /^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\b/iu;

// A candidate end: terminator run, closing quotes/brackets, then white space.
const END = /[.!?…]+["”»«“'’)\]]*(?=\s)/gu;

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// The decision paragraphs are split by the decision reader and again by the action reader: the
// last few answers are kept (a small bound: only a document's own repeats are worth keeping).
const SPLIT = new Map<string, readonly string[]>();

/** Splits running text into sentences (trimmed, non-empty). */
export function splitSentences(text: string): string[] {
  let out = SPLIT.get(text);
  if (out === undefined) {
    out = sentenceSpans(text).map((s) => s.text);
    if (SPLIT.size >= 256) SPLIT.clear();
    SPLIT.set(text, out);
  }
  // A copy: callers may change the list they get.
  return out.slice();
}

// Paragraph breaks and bullets: the first needs a newline, the second a bullet character.
const BREAK = /\n\s*\n|(?<=\S)\s*(?=[•●▪■►➢]\s)/gu;
const BREAK_HINT = /[\n•●▪■►➢]/u;

export function sentenceSpans(text: string): SentenceSpan[] {
  const cuts = new Set<number>();
  for (const m of text.matchAll(END)) {
    const at = m.index!;
    const after = at + m[0].length;
    if (isBoundary(text, at, m[0], after)) cuts.add(after);
  }
  // Paragraph breaks and bullets always start a new sentence.
  if (BREAK_HINT.test(text)) for (const m of text.matchAll(BREAK)) cuts.add(m.index!);
  const positions = [...cuts].sort((a, b) => a - b);
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const p of [...positions, text.length]) {
    pushSpan(spans, text, from, p);
    from = p;
  }
  return spans;
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  // A bullet that starts the sentence is layout, not text.
  const body = raw.trim().replace(/^[•●▪■►➢]\s*/u, "");
  if (!body) return;
  const start = from + lead + (raw.trim().length - body.length);
  spans.push({ text: squash(body), start, end: start + body.length });
}

function isBoundary(text: string, at: number, term: string, after: number): boolean {
  const next = /^\s*["“„»'(\[]?\s*(\S*)/u.exec(text.slice(after))![1]!;
  if (!next) return false;
  if (!term.startsWith(".")) return !/^\p{Ll}/u.test(next); // ? ! …: unless the text runs on in lower case
  if (term.length > 1 && /^\.+$/.test(term) && term.length >= 3) return /^\p{Lu}/u.test(next); // "..."
  // The word that carries the dot: "bl.a", "(jf", "24", "I".
  // Walk back to the white space before the dot (a regex anchored at the end would try every
  // start position of the text: quadratic on long paragraphs).
  let from = at;
  while (from > 0 && !/\s/u.test(text[from - 1]!)) from--;
  const before = text.slice(from, at).replace(/^[("'“„»[]+/u, "");
  const word = before.toLowerCase();
  if (/^\p{Ll}/u.test(next)) return false; // a sentence does not start in lower case
  if (CONTINUING.has(word)) return false;
  if (MAY_END.has(word)) return /^\p{Lu}/u.test(next);
  if (/^\p{Lu}$/u.test(before)) return false; // an initial: "Keld I. Hansen"
  if (/^\d{1,2}$/.test(before)) {
    // "d. 24. maj", "den 3. Marts": a date; "1. Pejlemærke" after a number word stays one sentence
    if (MONTH_WORD.test(next)) return false;
    const prev = /(\S+)\s+$/u.exec(text.slice(0, at - before.length))?.[1]?.toLowerCase() ?? "";
    if (prev === "d." || prev === "den") return false;
  }
  return true;
}
