/**
 * The document's own vocabulary, for hyphens.ts: lower-cased words, keeping inner hyphens
 * ("e-sundhed"). Line-final fragments ("tilbagemel-") are left out: they are what is being
 * decided. A word is a piece of a line between white space (split(/\s+/)) that does not end in a
 * hyphen and is no address (isUrlish), with non-letters/digits stripped from both ends, lower-cased,
 * U+2010 written "-", of 2 characters or more.
 *
 * Built on the first question only (most documents have no hyphenated line end that needs it), by
 * one scan of each line with a character table instead of a split and a few regexes per piece.
 */
import { charClass, DOT, HYPHEN_2010, LETTER_DIGIT, SPACE, SURROGATE, URL_MARK } from "./char-class.ts";
import { isUrlish } from "./urlish.ts";

/** Whether a word occurs in the document (lower-cased, inner hyphens kept). */
export interface Lexicon {
  has(word: string): boolean;
}

/** `texts`: the lines as they are before any join. */
export function buildLexicon(texts: readonly string[]): Lexicon {
  let index: WordIndex | undefined;
  return {
    has(word) {
      index ??= new WordIndex(texts);
      return index.has(word);
    },
  };
}

/**
 * The words, collected only for the questions that hyphenation will ask: a word is kept when its
 * length and first character match a question expected from the line ends (a hyphenated line end
 * and the next line's first word, joined and hyphenated), which skips most of the document's
 * words without cutting them out. A question outside that guess (a line joined twice, say) makes
 * the index collect every word, so the answer is always the one of the whole vocabulary.
 */
class WordIndex {
  private words = new Set<string>();
  private keys: Set<number> | null;

  constructor(private readonly texts: readonly string[]) {
    this.keys = expectedKeys(texts);
    for (const text of texts) {
      if (FAST_LINE.test(text)) addLine(this.words, text);
      else addLineExpected(this.words, text, this.keys);
    }
  }

  has(word: string): boolean {
    if (this.keys !== null && !this.keys.has(keyOf(word))) {
      this.keys = null;
      this.words = collectWords(this.texts);
    }
    return this.words.has(word);
  }
}

/** Length and first character of a lower-cased word, as one number. */
const keyOf = (word: string) => word.length * 0x10000 + word.charCodeAt(0);

/** The keys of the words that joining hyphenated line ends will ask about (see hyphens.ts decide). */
function expectedKeys(texts: readonly string[]): Set<number> {
  const keys = new Set<number>();
  for (let i = 0; i + 1 < texts.length; i++) {
    const text = texts[i]!;
    const end = text.charCodeAt(text.length - 1);
    if (end !== 0x2d && end !== 0x2010) continue;
    let h = text.length - 1;
    while (h > 0 && (charClass(text.charCodeAt(h - 1)) & LETTER_DIGIT) !== 0) h--;
    const next = texts[i + 1]!;
    let w = 0;
    while (w < next.length && (charClass(next.charCodeAt(w)) & LETTER_DIGIT) !== 0) w++;
    if (h === text.length - 1 || w === 0) continue;
    const head = text.slice(h, text.length - 1);
    const word = next.slice(0, w);
    keys.add(keyOf((head + word).toLowerCase()));
    keys.add(keyOf(`${head}-${word}`.toLowerCase()));
  }
  return keys;
}

/**
 * Lines the cheap scan cannot read: white space other than plain spaces, characters outside the
 * BMP, or a lower-casing that is not character by character: "İ" (the one BMP character whose
 * lower case is two) and final sigma.
 */
const FAST_LINE = /[^\S ]|[\ud800-\udfff\u0130\u03a3]/;

/**
 * addLine for the words whose key is expected, on a line that passed FAST_LINE: pieces are cut at
 * plain spaces, and only a piece whose letter/digit span has an expected key is looked at closer.
 */
function addLineExpected(words: Set<string>, text: string, keys: Set<number>): void {
  const n = text.length;
  let lower: string | undefined; // the line lower-cased, once a word of it is wanted
  for (let start = 0; start < n; ) {
    let end = text.indexOf(" ", start);
    if (end < 0) end = n;
    const from = start;
    start = end + 1;
    if (end === from) continue;
    const final = text.charCodeAt(end - 1);
    if (final === 0x2d || final === 0x2010) continue;
    let first = from;
    while (first < end && (charClass(text.charCodeAt(first)) & LETTER_DIGIT) === 0) first++;
    if (first === end) continue;
    let last = end - 1;
    while ((charClass(text.charCodeAt(last)) & LETTER_DIGIT) === 0) last--;
    if (last === first || !keys.has((last + 1 - first) * 0x10000 + lowerChar(text.charCodeAt(first)))) continue;
    let seen = 0;
    let dots = 0;
    for (let i = from; i < end; i++) {
      const k = charClass(text.charCodeAt(i));
      if ((k & DOT) !== 0) dots++;
      seen |= k;
    }
    if (mayBeUrl(text, seen, dots, end) && isUrlish(text.slice(from, end))) continue;
    lower ??= text.toLowerCase();
    const token = lower.slice(first, last + 1);
    words.add((seen & HYPHEN_2010) !== 0 ? token.replace(/\u2010/g, "-") : token);
  }
}

/** The lower case of a BMP character that is no "İ" (one character then), learnt on first sight. */
const LOWER = new Uint16Array(0x10000);
function lowerChar(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  return LOWER[code] || (LOWER[code] = String.fromCharCode(code).toLowerCase().charCodeAt(0));
}

/** Every word of the texts. */
function collectWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) addLine(words, text);
  return words;
}

/** The words of one line, by the definition above. */
function addLine(words: Set<string>, text: string): void {
  const n = text.length;
  // The line lower-cased once, its words cut from it: the same as lower-casing each word where
  // lower-casing maps character by character (always, but for final sigma and "İ", which
  // becomes two characters), else each word is lower-cased alone.
  let lower: string | null | undefined;
  let i = 0;
  while (i < n) {
    while (i < n && (charClass(text.charCodeAt(i)) & SPACE) !== 0) i++;
    if (i >= n) break;
    const start = i;
    let first = -1; // first and last letter/digit of the piece
    let last = -1;
    let seen = 0;
    let dots = 0;
    for (; i < n; i++) {
      const k = charClass(text.charCodeAt(i));
      if ((k & SPACE) !== 0) break;
      if ((k & LETTER_DIGIT) !== 0) {
        if (first < 0) first = i;
        last = i;
      } else if ((k & DOT) !== 0) dots++;
      seen |= k;
    }
    const end = text.charCodeAt(i - 1);
    if (end === 0x2d || end === 0x2010) continue;
    if ((seen & SURROGATE) !== 0) {
      // Letters outside the BMP: the regexes read code points.
      addPieceSlow(words, text.slice(start, i));
      continue;
    }
    if (mayBeUrl(text, seen, dots, i) && isUrlish(text.slice(start, i))) continue;
    if (first < 0) continue;
    if (lower === undefined) lower = lowerAligned(text);
    const token = lower !== null ? lower.slice(first, last + 1) : text.slice(first, last + 1).toLowerCase();
    if (token.length >= 2) words.add((seen & HYPHEN_2010) !== 0 ? token.replace(/\u2010/g, "-") : token);
  }
}

/**
 * Whether isUrlish must look at the piece ending at `end`. A word whose only such character is a
 * final "." (the end of a sentence) is an address only as "www." (the one branch of isUrlish a
 * final dot can complete).
 */
function mayBeUrl(text: string, seen: number, dots: number, end: number): boolean {
  if ((seen & URL_MARK) !== 0) return true;
  if (dots === 0) return false;
  if (dots > 1 || text.charCodeAt(end - 1) !== 0x2e) return true;
  return end >= 4 && isW(text.charCodeAt(end - 2)) && isW(text.charCodeAt(end - 3)) && isW(text.charCodeAt(end - 4));
}

const isW = (c: number) => c === 0x77 || c === 0x57;

/** The line lower-cased, or null when a word cut from it could differ from the word lower-cased alone. */
function lowerAligned(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length && !text.includes("\u03a3") ? lower : null;
}

/** The definition itself, for pieces with characters outside the BMP. */
function addPieceSlow(words: Set<string>, raw: string): void {
  if (/[-\u2010]$/.test(raw) || isUrlish(raw)) return;
  const token = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();
  if (token.length >= 2) words.add(token.replace(/\u2010/g, "-"));
}
