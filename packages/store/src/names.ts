/**
 * When two printed names are one person, and by which rule. Used to resolve people across
 * meetings; the rule is stored with each alias, so every merge can be checked afterwards.
 *
 * Whole-name distance cannot tell people apart ("Charlotte Larsen"/"Charlotte Fuglesang" score
 * higher than "Inge Kjær Andersen"/"Inge Andersen"; shared/notes/dependencies.md), so names are
 * compared part by part and only these differences are allowed:
 *
 * - `same-name`: equal after folding case and the spellings æ/ae, ø/oe, å/aa, accents.
 * - `extra-middle-name`: first and last name equal, one name has middle names the other lacks
 *   (the shorter's middle names stand in the longer, in order): "Lisbeth Lagoni" = "Lisbeth Kjær Lagoni".
 * - `spelling-variant`: one part (never the first name) differs by a spelling slip — one edit
 *   (Damerau-Levenshtein, a swap counts one) in a part under 8 letters, two in a longer one, and
 *   Jaro-Winkler ≥ 0.9: "Kjærgaard"/"Kjærsgaard"; "Hansen"/"Jansen" (0.89) stay apart.
 * - `hyphenated-surname`: one half of a double surname ("Aarup-Kristensen"/"Kristensen").
 *
 * Rules combine ("extra-middle-name+spelling-variant"). The first name must agree exactly, a
 * name of one word never matches another, and at most one part may be a spelling variant.
 */
// Jaro-Winkler only: importing all of natural loads database clients and prints to stdout. Its
// Damerau-Levenshtein is re-implemented below (same recurrence, same results, ~50× faster).
import { JaroWinklerDistance } from "natural/lib/natural/distance/index.js";

export type NameRule = "same-name" | "extra-middle-name" | "spelling-variant" | "hyphenated-surname";

export interface NameMatch {
  /** The rules applied, joined by "+", e.g. "extra-middle-name+spelling-variant". */
  rule: string;
  /** What differed, for a reader: `"Kjærgaard" ~ "Kjærsgaard" (edits 1, Jaro-Winkler 0.98)`. */
  detail: string;
}

/**
 * A small memo for pure string functions: names recur in every meeting of a body, so most calls
 * are hits. Bounded: emptied when full (the working set of one archive's names is far below it).
 */
function memo<T>(f: (s: string) => T, max = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = f(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}

/** Case, æ/ø/å spellings and accents folded; what two spellings of one name share. */
export const foldName: (text: string) => string = memo((text) => {
  const lower = text.normalize("NFC").toLowerCase();
  const spelled = lower.replace(/æ/g, "ae").replace(/[øö]/g, "oe").replace(/å/g, "aa");
  return spelled.normalize("NFD").replace(/\p{M}+/gu, "").normalize("NFC");
});

/** The words of a name, punctuation around them dropped. */
export function nameWords(name: string): string[] {
  return name
    .replace(/[(),;:]/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, ""))
    .filter(Boolean);
}

/** The key two printings of one name share exactly ("Søren Ålund" = "søren aalund"). */
export function nameKey(name: string): string {
  return nameWords(name).map(foldName).join(" ");
}

/** A name's words as printed and folded, memoised (matchNames compares one name with many). */
const parsedName = memo((name: string) => {
  const printed = Object.freeze(nameWords(name));
  const folded = Object.freeze(printed.map(foldName));
  return { printed, folded, key: folded.join(" ") };
});

let matrix = new Int32Array(0);
const LAST_ROW = new Int32Array(65536);

/**
 * natural's DamerauLevenshteinDistance(source, target) with its default options (unit costs,
 * unrestricted), computed by the same recurrence — including its bookkeeping of the last row
 * and column where a letter matched — on one reused typed array instead of a matrix of objects
 * and underscore calls. Identical results (test/names.test.ts compares them on random strings).
 */
export function damerauLevenshtein(source: string, target: string): number {
  const n = source.length;
  const m = target.length;
  const w = m + 1;
  if (matrix.length < (n + 1) * w) matrix = new Int32Array(Math.max((n + 1) * w, 2 * matrix.length));
  const d = matrix;
  for (let c = 0; c <= m; c++) d[c] = c;
  for (let r = 1; r <= n; r++) d[r * w] = r;
  // Last row where a letter (UTF-16 code unit, as natural indexes strings) stood: 0 = none yet.
  const lastRow = LAST_ROW;
  for (let r = 1; r <= n; r++) {
    const s = source.charCodeAt(r - 1);
    let lastColMatch = 0; // 0: none (columns start at 1)
    for (let c = 1; c <= m; c++) {
      const t = target.charCodeAt(c - 1);
      let best = d[r * w + c - 1]! + 1;
      const del = d[(r - 1) * w + c]! + 1;
      if (del < best) best = del;
      const sub = d[(r - 1) * w + c - 1]! + (s === t ? 0 : 1);
      if (sub < best) best = sub;
      if (r > 1 && c > 1 && lastColMatch !== 0) {
        const lastRowMatch = lastRow[t]!;
        if (lastRowMatch !== 0) {
          const tr = d[(lastRowMatch - 1) * w + lastColMatch - 1]! + (r - lastRowMatch - 1) + (c - lastColMatch - 1) + 1;
          if (tr < best) best = tr;
        }
      }
      d[r * w + c] = best;
      lastRow[s] = r;
      if (s === t) lastColMatch = c;
    }
  }
  for (let r = 0; r < n; r++) lastRow[source.charCodeAt(r)] = 0;
  return d[n * w + m]!;
}

const COUNTS = new Int32Array(65536);

/** Letters (UTF-16 code units) a and b have in common, counted with multiplicity. */
function commonLetters(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) COUNTS[a.charCodeAt(i)]!++;
  let common = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (COUNTS[c]! > 0) {
      COUNTS[c]!--;
      common++;
    }
  }
  for (let i = 0; i < a.length; i++) COUNTS[a.charCodeAt(i)] = 0;
  return common;
}

function variant(a: string, b: string): string | null {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return null;
  // Jaro-Winkler ≥ 0.9 needs Jaro ≥ 5/6 (the prefix bonus adds at most 0.4 × (1 − Jaro)), and
  // Jaro ≤ (m/|a| + m/|b| + 1) / 3 with m matched letters ≤ the letters in common: so with
  // c/|a| + c/|b| < 1.5 the pair fails whatever its edit distance. Most surnames end here.
  const common = commonLetters(a, b);
  if (common / a.length + common / b.length < 1.5 - 1e-9) return null;
  const edits = damerauLevenshtein(a, b);
  if (edits > (shorter >= 8 ? 2 : 1)) return null;
  const jw = JaroWinklerDistance(a, b);
  if (jw < 0.9) return null;
  return `edits ${edits}, Jaro-Winkler ${jw.toFixed(2)}`;
}

interface PartMatch {
  rule: NameRule | null;
  detail?: string;
}

function comparePart(a: string, b: string, printedA: string, printedB: string): PartMatch | null {
  if (a === b) return { rule: null };
  if (a.includes("-") || b.includes("-")) {
    const halves = new Set(a.split("-"));
    if (b.split("-").some((h) => halves.has(h))) {
      return { rule: "hyphenated-surname", detail: `"${printedA}" ~ "${printedB}" (one half of a double surname)` };
    }
  }
  const v = variant(a, b);
  return v ? { rule: "spelling-variant", detail: `"${printedA}" ~ "${printedB}" (${v})` } : null;
}

/** The rule by which a and b name one person, or null when they may be different people. */
export function matchNames(a: string, b: string): NameMatch | null {
  const { printed: wa, folded: fa, key: ka } = parsedName(a);
  const { printed: wb, folded: fb, key: kb } = parsedName(b);
  if (wa.length < 2 || wb.length < 2) return null;
  if (ka === kb) return { rule: "same-name", detail: a === b ? "identical" : `"${a}" = "${b}" (case or æ/ø/å spelling)` };
  if (fa[0] !== fb[0]) return null;

  // Most candidates differ in the surname: decided before anything else is built.
  const last = comparePart(fa[fa.length - 1]!, fb[fb.length - 1]!, wa[wa.length - 1]!, wb[wb.length - 1]!);
  if (!last) return null;

  const rules = new Set<NameRule>();
  const details: string[] = [];
  const note = (m: PartMatch) => {
    if (!m.rule) return;
    rules.add(m.rule);
    if (m.detail) details.push(m.detail);
  };
  note(last);

  // Middle names: every middle name of the shorter name stands, in order, among the longer's.
  const [ws, fs, wl, fl] = fa.length <= fb.length ? [wa, fa, wb, fb] : [wb, fb, wa, fa];
  const longMiddle = fl.slice(1, -1);
  let j = 0;
  const used = new Set<number>();
  for (let i = 1; i < fs.length - 1; i++) {
    let found: PartMatch | null = null;
    while (j < longMiddle.length && !(found = comparePart(fs[i]!, longMiddle[j]!, ws[i]!, wl[j + 1]!))) j++;
    if (!found) return null;
    note(found);
    used.add(j);
    j++;
  }
  const extra = wl.slice(1, -1).filter((_, k) => !used.has(k));
  if (extra.length > 0) {
    rules.add("extra-middle-name");
    details.push(`${extra.map((w) => `"${w}"`).join(", ")} only in "${ws === wa ? b : a}"`);
  }
  const variants = [...details].filter((d) => d.includes("Jaro-Winkler")).length;
  if (variants > 1) return null;
  if (rules.size === 0) return { rule: "same-name", detail: "identical" };
  const order: NameRule[] = ["extra-middle-name", "spelling-variant", "hyphenated-surname"];
  return { rule: order.filter((r) => rules.has(r)).join("+"), detail: details.join("; ") };
}
