/**
 * Small text helpers shared by the header, date and name readers. Kept minimal on purpose:
 * anything that needs knowledge of the document's structure lives with its reader.
 */
import { remembered } from "./memo.ts";

/**
 * Folds a text for comparison: NFC, lower case, æ/ø/å (and the old "aa") spelled out, other
 * accents dropped. Danish names are written both ways ("Aalund"/"Ålund", "Kjær"/"Kjaer"),
 * and PDF/OCR text sometimes loses the letters, so comparisons must not depend on them.
 */
function foldUncached(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/[øö]/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

// Names are folded again and again (every owner phrase against every participant).
export const fold: (text: string) => string = remembered(4_096, foldUncached);

// What clean() changes: soft hyphens and zero-width characters (U+FEFF is white space to \s),
// white space other than one plain space, two spaces in a row, a space at either end. Most lines
// have none of it, and one scan is cheaper than two replaces and a trim.
const NEEDS_CLEANING = /[\u00ad\u200b-\u200d]|[^\S ]| {2}|^ | $/;

/** Collapses white space (incl. no-break spaces) and drops soft hyphens and zero-width characters. */
export function clean(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// White space that is not already one plain space: a run of two, or a tab, newline, no-break space.
const NOT_SQUASHED = /[^\S ]| {2}/;

/**
 * text.replace(/\s+/g, " "): every run of white space as one space. Most texts reach it with
 * single spaces only, and then the text is its own answer (a global replace costs a match per word).
 */
export function squash(text: string): string {
  return NOT_SQUASHED.test(text) ? text.replace(/\s+/g, " ") : text;
}

/**
 * text.split(/\s+/, limit), by plain spaces where they are the only white space (the same parts,
 * faster). With a limit, only the first `limit` words are cut out.
 */
export function wordsOf(text: string, limit?: number): string[] {
  if (limit === undefined || !(limit >= 1)) return NOT_SQUASHED.test(text) ? text.split(/\s+/, limit) : text.split(" ", limit);
  // With a limit (the first words of a sentence): cut them out at plain spaces, and check only the
  // text they cover (and the space after the last one: an empty word is a double space) for other
  // white space, not the whole text.
  const out: string[] = [];
  let pos = 0;
  let end = text.length;
  while (out.length < limit) {
    const sp = text.indexOf(" ", pos);
    if (sp < 0) {
      out.push(text.slice(pos));
      end = text.length;
      break;
    }
    out.push(text.slice(pos, sp));
    pos = sp + 1;
    end = sp;
  }
  return NOT_SQUASHED.test(end === text.length ? text : text.slice(0, end + 1)) ? text.split(/\s+/, limit) : out;
}

// Bullets that Word, PDF printers and plain-text authors use, markdown heading/quote marks,
// and numbered markers "1." "1)" "(1)" "a)". A number followed by a digit ("1.5") is no marker.
const LIST_MARKER = /^(?:#{1,6}\s+|>\s*|[•●○◦▪■□►▶➢✓✔·*–—-]\s*|\(?\d{1,2}[.)](?![\d.])\s*|\(?[a-zæøå]\)\s*)/u;

/** Strips one leading list/heading marker and markdown emphasis (**bold**, __bold__). */
export function stripMarker(text: string): string {
  let t = clean(text);
  const m = LIST_MARKER.exec(t);
  if (m && m[0].length < t.length) t = t.slice(m[0].length);
  // No emphasis marks: nothing left to strip (t is clean, and a marker takes its spaces along).
  if (!t.includes("**") && !t.includes("__")) return t;
  return t.replace(/^(\*\*|__)(.*)\1$/u, "$2").replace(/\*\*/g, "").trim();
}

/** Strips markdown heading/emphasis only (keeps numbered markers, which may be content). */
export function stripMarkup(text: string): string {
  const t = clean(text);
  // Most rows carry no markup: clean text is trimmed already.
  if (t[0] !== "#" && !t.includes("**") && !t.includes("__")) return t;
  return t
    .replace(/^#{1,6}\s+/, "")
    .replace(/\*\*|__/g, "")
    .trim();
}
