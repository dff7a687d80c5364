/**
 * Agenda items: numbered headings in their many printed forms ("1.", "1)", "Pkt. 3", "Ad 3",
 * "3 a", "2. a."), chosen as the best consecutive chain among all candidates, so that numbered
 * lists inside an item, an agenda printed before the items, and attachment lists are not items.
 */
import type { XLine } from "./lines.ts";
import { classifyLabel } from "./labels.ts";
import { dk } from "./regex.ts";

export interface HeadingCandidate {
  /** Index into the XLine array. */
  k: number;
  major: number;
  sub: string | null;
  title: string;
  prefixed: boolean;
  toc: boolean;
  score: number;
}

const MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec";
const DATE_TITLE = new RegExp(`^(?:${MONTHS})\\b\\.?(?:\\s+\\d{2,4})?`, "i");
// Verbs that open an indstilling clause ("1. Godkender dagsordenen"), not an item title.
const CLAUSE_VERB = dk(/^(?:at\s|godkender|drøfter|beslutter|tager|anbefaler|vedtager|bemyndiger|udpeger|tiltræder|indstiller|noterer|kvitterer|orienterer|fastlægger|giver|afgiver|prioriterer|igangsætter|meddeler|bevilger|frigiver|sender)\b/i);
const AGENDA_LEADIN = dk(/^(?:dagsorden|dagsordenspunkter|indhold|indholdsfortegnelse|program|punkter|referat|agenda)\b.{0,40}:?$/i);
const EVENTUELT = dk(/^(?:evt\.?|eventuelt)\b/i);

// "Pkt. 3", "Punkt 3", "Ad 3", "Ad pkt. 3", "Sag 3", "Sag nr. 3", "Dagsordenspunkt 3"
const PREFIX = /^(?:ad\s+(?:pkt\.?|punkt)?\s*|pkt\.?\s*|punkt\s+|sag\s+(?:nr\.?\s*)?|dagsordenspunkt\s+)(?=\d)/i;
// number, optional sub-letter, punctuation: "3.", "3)", "3 a", "3a)", "2. a.", "2.a", "3:"
const NUMBERED = /^(\d{1,3})(?:(?:\s*[.)]\s*|\s+|)([a-zæøå])(?=[.):]|\s)[.):]?)?\s*([.):])?\s+(\S.*)$/u;
// A table-of-contents line: dot leaders or a trailing page number after a tab/wide gap.
const TOC_TAIL = /(?:\s*\.{4,}\s*|\s*…+\s*|\s{2,}|\t)\d{1,3}\s*$/;

export function headingCandidates(lines: XLine[], excluded: Set<number>, bodyFontSize: number | null): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (excluded.has(k)) continue;
    const l = lines[k]!;
    let text = l.text.replace(/^[#*\s]+/, "").replace(/\*+/g, "").trim();
    const prefixMatch = PREFIX.exec(text);
    const prefixed = !!prefixMatch;
    if (prefixMatch) text = text.slice(prefixMatch[0].length);
    const m = NUMBERED.exec(text);
    if (!m) continue;
    const major = Number(m[1]);
    const sub = m[2] ? m[2].toLowerCase() : null;
    const punct = m[3] ?? (m[2] ? "." : "");
    let title = m[4]!.trim();
    const strong = isStrong(l, bodyFontSize);
    // Without a prefix the number needs punctuation, a sub-letter or heading style to be a heading.
    if (!prefixed && !punct && !sub && !strong) continue;
    if (!/^["'«»“”„(]?[\p{L}]/u.test(title)) continue;
    if (DATE_TITLE.test(title) && title.length < 40) continue;
    const toc = TOC_TAIL.test(title);
    if (toc) title = title.replace(TOC_TAIL, "").replace(/[.\s…]+$/, "").trim();
    if (classifyLabel({ ...l, text: title, marker: null, body: title })) continue;
    out.push({ k, major, sub, title, prefixed, toc, score: 0 });
  }
  const kept = dropLists(out, lines);
  scoreCandidates(kept, lines, bodyFontSize);
  return kept;
}

/**
 * A run of consecutively numbered lines that follows a lead-in ending in a colon or an
 * indstilling ("Det indstilles, at Direktørforum:", "Indsatser:") is a list inside an item.
 * An agenda heading ("Dagsorden:") is not such a lead-in: the agenda's own list follows it.
 */
function dropLists(cands: HeadingCandidate[], lines: XLine[]): HeadingCandidate[] {
  const drop = new Set<number>();
  let start = 0;
  while (start < cands.length) {
    let end = start;
    while (end + 1 < cands.length && isTight(cands[end]!, cands[end + 1]!, lines)) end++;
    const first = cands[start]!;
    const prev = first.k > 0 ? lines[first.k - 1]! : null;
    const leadIn = prev !== null && isLeadIn(prev);
    if (leadIn && (end > start || first.major === 1)) for (let c = start; c <= end; c++) drop.add(c);
    start = end + 1;
  }
  return cands.filter((_, c) => !drop.has(c));
}

function isStrong(l: XLine, bodyFontSize: number | null): boolean {
  return l.heading !== null || l.bold || (l.fontSize !== null && bodyFontSize !== null && l.fontSize > bodyFontSize * 1.08);
}

function previousContent(lines: XLine[], k: number, excluded: Set<number>): XLine | null {
  for (let j = k - 1; j >= 0; j--) if (!excluded.has(j)) return lines[j]!;
  return null;
}

function scoreCandidates(cands: HeadingCandidate[], lines: XLine[], bodyFontSize: number | null): void {
  const none = new Set<number>();
  for (let c = 0; c < cands.length; c++) {
    const cand = cands[c]!;
    const l = lines[cand.k]!;
    let s = 0;
    if (isStrong(l, bodyFontSize)) s += 2;
    if (l.gapBefore) s += 0.5;
    if (cand.prefixed) s += 1;
    if (EVENTUELT.test(cand.title)) s += 1;
    if (cand.toc) s -= 3;
    if (CLAUSE_VERB.test(cand.title)) s -= 2;
    // A title is a short phrase; a long sentence ending in a full stop is a list point.
    const words = cand.title.split(/\s+/).length;
    if (words > 18) s -= 1;
    if (/[.]$/.test(cand.title) && words > 8) s -= 1;
    // After a lead-in that opens a list ("Det indstilles, at Direktørforum:", "Indsatser:"), numbers are list points.
    const prev = previousContent(lines, cand.k, none);
    if (prev && isLeadIn(prev)) s -= 3;
    // Tight runs (next number within two lines) are lists or a printed agenda, not item headings.
    const next = cands[c + 1];
    const before = cands[c - 1];
    if ((next && isTight(cand, next, lines)) || (before && isTight(before, cand, lines))) s -= 2;
    cand.score = s;
  }
}

/** A line that opens a list: ends in a colon (not an agenda heading) or is an indstilling label. */
function isLeadIn(l: XLine): boolean {
  if (AGENDA_LEADIN.test(l.text)) return false;
  return /:\s*$/.test(l.text) || classifyLabel(l)?.kind === "indstilling";
}

/** Two consecutive numbers at most two lines apart, with no section label between them. */
function isTight(a: HeadingCandidate, b: HeadingCandidate, lines: XLine[]): boolean {
  if (b.k - a.k > 2 || !isSuccessor(a, b)) return false;
  // List points in lower case ("1. tager status til efterretning") end where a capitalised title
  // follows: "3. Fælles indsats …" right after point 2 is the next item, not point 3.
  if (/^\p{Ll}/u.test(a.title) && /^\p{Lu}/u.test(b.title)) return false;
  for (let j = a.k + 1; j < b.k; j++) if (classifyLabel(lines[j]!)) return false;
  return true;
}

function isSuccessor(p: HeadingCandidate, c: HeadingCandidate): boolean {
  if (c.sub === null) return c.major === p.major + 1;
  if (c.major === p.major + 1) return c.sub === "a";
  if (c.major !== p.major) return false;
  if (p.sub === null) return c.sub === "a";
  return c.sub.charCodeAt(0) === p.sub.charCodeAt(0) + 1;
}

/**
 * The best chain of consecutively numbered candidates. Every item in the chain counts
 * (length matters most), and style/context scores break ties between rival chains.
 */
export function bestChain(cands: HeadingCandidate[]): HeadingCandidate[] {
  const BASE = 5;
  const best: number[] = [];
  const from: number[] = [];
  for (let c = 0; c < cands.length; c++) {
    const cand = cands[c]!;
    let value = BASE + cand.score + (cand.major <= 1 && cand.sub === null ? 1 : 0);
    let prev = -1;
    for (let p = 0; p < c; p++) {
      if (!isSuccessor(cands[p]!, cand)) continue;
      const v = best[p]! + BASE + cand.score;
      if (v > value) {
        value = v;
        prev = p;
      }
    }
    best.push(value);
    from.push(prev);
  }
  let end = -1;
  for (let c = 0; c < cands.length; c++) if (end < 0 || best[c]! > best[end]!) end = c;
  const chain: HeadingCandidate[] = [];
  for (let c = end; c >= 0; c = from[c]!) chain.unshift(cands[c]!);
  // A lone weak candidate is no agenda.
  if (chain.length === 1 && best[end]! < BASE) return [];
  return chain;
}

export function itemNumber(c: HeadingCandidate): string {
  return c.sub ? `${c.major}.${c.sub}` : String(c.major);
}
