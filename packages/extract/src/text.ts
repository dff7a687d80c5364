/**
 * Small text helpers shared by the header, date and name readers. Kept minimal on purpose:
 * anything that needs knowledge of the document's structure lives with its reader.
 */

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

// Names are folded again and again (every owner phrase against every participant): remember the
// answers. Bounded, so a long batch run does not grow it without end.
const FOLDED = new Map<string, string>();

export function fold(text: string): string {
  let out = FOLDED.get(text);
  if (out === undefined) {
    out = foldUncached(text);
    if (FOLDED.size > 50_000) FOLDED.clear();
    FOLDED.set(text, out);
  }
  return out;
}

/** Collapses white space (incl. no-break spaces) and drops soft hyphens and zero-width characters. */
export function clean(text: string): string {
  return text
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// Bullets that Word, PDF printers and plain-text authors use, markdown heading/quote marks,
// and numbered markers "1." "1)" "(1)" "a)". A number followed by a digit ("1.5") is no marker.
const LIST_MARKER = /^(?:#{1,6}\s+|>\s*|[•●○◦▪■□►▶➢✓✔·*–—-]\s*|\(?\d{1,2}[.)](?![\d.])\s*|\(?[a-zæøå]\)\s*)/u;

/** Strips one leading list/heading marker and markdown emphasis (**bold**, __bold__). */
export function stripMarker(text: string): string {
  let t = clean(text);
  const m = LIST_MARKER.exec(t);
  if (m && m[0].length < t.length) t = t.slice(m[0].length);
  return t.replace(/^(\*\*|__)(.*)\1$/u, "$2").replace(/\*\*/g, "").trim();
}

/** Strips markdown heading/emphasis only (keeps numbered markers, which may be content). */
export function stripMarkup(text: string): string {
  return clean(text)
    .replace(/^#{1,6}\s+/, "")
    .replace(/\*\*|__/g, "")
    .trim();
}
