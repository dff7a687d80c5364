/**
 * Danish text for the full-text index: the same normalisation for what is indexed and for what
 * is asked, so "sundhedshuse" finds "sundhedshus" and æ/ø/å stay letters of their own.
 *
 * A word is a run of letters and digits (\p{L}\p{N}); it is lower-cased (NFC), the old spelling
 * "aa" becomes "å" ("Aalborg" = "Ålborg"), and the Snowball Danish stemmer
 * (@orama/stemmers/danish) cuts inflection: sundhedshuse/sundhedshusene → sundhedshus,
 * møde/møder/mødet → mød. No Danish stemmer exists in natural (shared/notes/dependencies.md).
 */
import { stemmer } from "@orama/stemmers/danish";

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower case, with their positions in the text. */
export function words(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Stems of words seen before: minutes repeat their vocabulary, so most words are hits. */
const TERMS = new Map<string, string>();
const TERMS_MAX = 50_000;

/** The index form of one word: lower case, aa → å, stemmed. Memoised (bounded: emptied when full). */
export function term(word: string): string {
  let t = TERMS.get(word);
  if (t === undefined) {
    const w = word.normalize("NFC").toLowerCase().replace(/aa/g, "å");
    t = /\p{L}/u.test(w) ? stemmer(w) : w;
    if (TERMS.size >= TERMS_MAX) TERMS.clear();
    TERMS.set(word, t);
  }
  return t;
}

/** The text the index stores for a source text: its terms, space-separated. */
export function indexTerms(text: string): string {
  let out = "";
  let first = true;
  for (const m of text.normalize("NFC").matchAll(WORD)) {
    out += first ? term(m[0]) : " " + term(m[0]);
    first = false;
  }
  return out;
}

/**
 * A user's query as index terms. Input is plain words: quotes, *, -, OR, NEAR and other FTS
 * syntax are treated as text (punctuation drops out, operators become ordinary words).
 * A term of four letters or more also matches longer words that start with it ("sundhedshus"
 * finds "sundhedshuskoncept"); shorter terms match whole words only, or "at" would match "aftale".
 */
export function queryTerms(query: string): { term: string; prefix: boolean }[] {
  const seen = new Set<string>();
  const out: { term: string; prefix: boolean }[] = [];
  for (const w of words(query.normalize("NFC"))) {
    const t = term(w.word);
    if (seen.has(t)) continue;
    seen.add(t);
    out.push({ term: t, prefix: t.length >= 4 });
  }
  return out;
}

/**
 * A snippet of the original text around the first matched word. Matched words are wrapped in
 * \u0002 … \u0003 (control characters no document text keeps), so a reader can mark them without
 * mistaking a printed bracket for a hit: the page as <mark>, a terminal as «…».
 * `width` is the number of characters either side of the first match.
 */
export function snippet(text: string, terms: readonly { term: string; prefix: boolean }[], width = 60): string {
  const hits = words(text).filter((w) => {
    const t = term(w.word);
    return terms.some((q) => t === q.term || (q.prefix && t.startsWith(q.term)));
  });
  if (hits.length === 0) return text.length > 2 * width ? text.slice(0, 2 * width).trimEnd() + " …" : text;
  // The window, widened to whole words at both ends.
  let from = Math.max(0, hits[0]!.start - width);
  let to = Math.min(text.length, hits[0]!.end + width);
  if (from > 0) from = text.lastIndexOf(" ", from) + 1;
  if (to < text.length) to = Math.max(hits[0]!.end, text.indexOf(" ", to) === -1 ? text.length : text.indexOf(" ", to));
  let out = "";
  let at = from;
  for (const h of hits) {
    if (h.start < from || h.end > to) continue;
    out += text.slice(at, h.start) + "\u0002" + text.slice(h.start, h.end) + "\u0003";
    at = h.end;
  }
  out += text.slice(at, to);
  return (from > 0 ? "… " : "") + out.trim() + (to < text.length ? " …" : "");
}
