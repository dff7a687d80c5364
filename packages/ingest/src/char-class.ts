/**
 * Character classes for the scanners that replace per-word regexes (lexicon.ts, hyphens.ts): one
 * table lookup per UTF-16 code unit instead of a regex call per word. Each class is defined by
 * the regex it stands for, and a code unit's entry is computed from that regex on first sight, so
 * the table agrees with the regexes by construction.
 */

/** /\s/: white space and line terminators (what split(/\s+/) and \S+ cut at). */
export const SPACE = 1;
/** /[\p{L}\p{N}]/u: a letter or digit (a BMP code unit that is no surrogate). */
export const LETTER_DIGIT = 2;
/** A UTF-16 surrogate: the code point is outside the BMP, the scanner must use the regexes. */
export const SURROGATE = 4;
/** ":", "/", "@", "?", "=", "&", "%", "_", "\": characters that isUrlish looks for (besides "."). */
export const URL_MARK = 8;
/** ".": in an address only when something follows it ("x.dk"), or after "www". */
export const DOT = 16;
/** U+2010 HYPHEN: the lexicon writes it as "-". */
export const HYPHEN_2010 = 32;

const KNOWN = 128;
const TABLE = new Uint8Array(0x10000);

/** The classes of one UTF-16 code unit, as a bit set of the constants above. */
export function charClass(code: number): number {
  const k = TABLE[code]!;
  return k !== 0 ? k & ~KNOWN : learn(code);
}

function learn(code: number): number {
  const ch = String.fromCharCode(code);
  let k = 0;
  if (/\s/.test(ch)) k |= SPACE;
  if (code >= 0xd800 && code <= 0xdfff) k |= SURROGATE;
  else if (/[\p{L}\p{N}]/u.test(ch)) k |= LETTER_DIGIT;
  if (":/@?=&%_\\".includes(ch)) k |= URL_MARK;
  if (ch === ".") k |= DOT;
  if (code === 0x2010) k |= HYPHEN_2010;
  TABLE[code] = k | KNOWN;
  return k;
}

/** /\s/.test(String.fromCharCode(code)). */
export function isSpace(code: number): boolean {
  return (charClass(code) & SPACE) !== 0;
}
