/**
 * Line-end hyphenation. Justified Danish text breaks words anywhere ("tilbagemel-" / "dingerne"),
 * but many line-end hyphens are real: compounds ("grøn-gul-rød", "IT-udfordringer", "Aarup-
 * Kristensen"), suspended hyphens before a conjunction ("Ind- og udskrivning") and URLs. For each
 * line ending in a hyphen the completing word of the next line is moved up, with the hyphen
 * dropped (a word break) or kept (a real compound); before a conjunction and inside URLs nothing
 * moves. Blank lines, removed headers and page breaks between the halves do not matter: the lines
 * given here are already without them.
 */
import { isSpace } from "./char-class.ts";
import type { Lexicon } from "./lexicon.ts";
import { isUrlish } from "./urlish.ts";

export interface HyphenLine {
  text: string;
  /** The source marked this break with a soft hyphen (already stripped from text): always a word break. */
  softHyphenEnd?: boolean;
  hints: { gapBefore?: boolean };
}

/** Words that follow a suspended hyphen: "Ind- og udskrivning", "Lærings- eller". */
const CONJUNCTIONS = new Set(["og", "eller", "samt", "til", "som", "and", "or", "&", "hhv", "henholdsvis", "plus"]);

/** Line text before the final hyphen: the last whitespace-free token, e.g. "(grøn-gul-" or "tilbagemel-". */
const HYPHEN_END = /(\S*?)([\p{L}\p{N}])[-\u2010]$/u;
const LETTER_END = /(\S*?)(\p{L})$/u;

/**
 * Joins hyphenated line ends in place (lines emptied by a join are removed).
 * `lexicon`: lower-cased words of the whole document; a joined form found in it proves a word
 * break, a hyphenated form found in it proves a compound.
 */
export function joinHyphenation<L extends HyphenLine>(lines: L[], lexicon: Lexicon): { lines: L[]; joined: number } {
  const out: L[] = [];
  let joined = 0;
  const queue = [...lines];
  for (let i = 0; i < queue.length; i++) {
    const line = queue[i]!;
    // A line may be joined repeatedly when the moved fragment ends in a hyphen again.
    for (;;) {
      const next = queue[i + 1];
      if (!next) break;
      const decision = decide(line, next, lexicon);
      if (!decision) break;
      const [token, rest] = splitFirstToken(next.text);
      line.text = (decision === "drop" ? line.text.replace(/[-\u2010]$/, "") : line.text) + token;
      line.softHyphenEnd = next.softHyphenEnd && rest === "" ? true : undefined;
      joined++;
      if (rest === "") {
        queue.splice(i + 1, 1);
        continue;
      }
      next.text = rest;
      // The halves of one word belong to one paragraph, whatever blank lines stood between them.
      delete next.hints.gapBefore;
      break;
    }
    out.push(line);
  }
  return { lines: out, joined };
}

/** "drop": a word break, join without the hyphen; "keep": a compound, join with it; null: leave. */
function decide(line: HyphenLine, next: HyphenLine, lexicon: Lexicon): "drop" | "keep" | null {
  // Almost no line ends in a hyphen: only those (and soft-hyphen ends) can be joined, so the rest
  // are let go before the next line is looked at.
  const end = line.text.charCodeAt(line.text.length - 1);
  const hyphenEnd = end === 0x2d || end === 0x2010;
  if (!hyphenEnd && !line.softHyphenEnd) return null;
  const nextToken = firstToken(next.text);
  const word = /^[\p{L}\p{N}]+/u.exec(nextToken)?.[0];
  if (!word) return null; // the next line starts with a bullet, a dash, a bracket: a new item
  if (CONJUNCTIONS.has(word.toLowerCase())) return null;

  if (line.softHyphenEnd) {
    const m = LETTER_END.exec(line.text);
    if (!m || isUrlish(m[1]! + m[2]!) || !/^\p{L}/u.test(word)) return null;
    return "drop";
  }

  // Only the last word can end in a hyphen: match on it alone (anchored at the end, the pattern
  // would otherwise be tried from every position of the line).
  const m = hyphenEnd ? HYPHEN_END.exec(line.text.slice(lastTokenStart(line.text))) : null;
  if (!m) return null;
  const token = m[1]! + m[2]!; // the last token without its final hyphen
  if (isUrlish(token) || isUrlish(nextToken)) return null;
  const head = /[\p{L}\p{N}]+$/u.exec(token)![0]; // the word part right before the hyphen

  // Numbers and ranges ("14.30-" / "16.00", "Covid-" / "19") keep their hyphen.
  if (!/^\p{L}+$/u.test(head) || !/^\p{L}/u.test(word)) return "keep";
  const joined = (head + word).toLowerCase();
  const hyphenated = `${head}-${word}`.toLowerCase();
  if (lexicon.has(joined) && !lexicon.has(hyphenated)) return "drop";
  if (lexicon.has(hyphenated)) return "keep";
  // Already a compound ("grøn-gul-"), an abbreviation ("IT-", "LKT-"), a one-letter prefix ("e-"),
  // or a name or number after the hyphen ("Aarup-" / "Kristensen"): the hyphen is real.
  if (token.length > head.length && /[-\u2010]/.test(token)) return "keep";
  if (head.length >= 2 && head === head.toUpperCase() && head !== head.toLowerCase()) return "keep";
  if (head.length === 1) return "keep";
  if (/^\p{Lu}/u.test(word)) return "keep";
  return "drop";
}

function splitFirstToken(text: string): [string, string] {
  const m = /^(\S+)\s*(.*)$/s.exec(text);
  return m ? [m[1]!, m[2]!] : ["", ""];
}

/** splitFirstToken(text)[0] without building the rest: "" when text is empty or opens with white space. */
function firstToken(text: string): string {
  let i = 0;
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  return text.slice(0, i);
}

/** Where the last run of non-space characters starts (text.search(/\S+$/u) for a text ending in one). */
function lastTokenStart(text: string): number {
  let i = text.length;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}
