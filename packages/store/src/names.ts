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
// The distance functions only: importing all of natural loads database clients and prints to stdout.
import { DamerauLevenshteinDistance, JaroWinklerDistance } from "natural/lib/natural/distance/index.js";

export type NameRule = "same-name" | "extra-middle-name" | "spelling-variant" | "hyphenated-surname";

export interface NameMatch {
  /** The rules applied, joined by "+", e.g. "extra-middle-name+spelling-variant". */
  rule: string;
  /** What differed, for a reader: `"Kjærgaard" ~ "Kjærsgaard" (edits 1, Jaro-Winkler 0.98)`. */
  detail: string;
}

/** Case, æ/ø/å spellings and accents folded; what two spellings of one name share. */
export function foldName(text: string): string {
  const lower = text.normalize("NFC").toLowerCase();
  const spelled = lower.replace(/æ/g, "ae").replace(/[øö]/g, "oe").replace(/å/g, "aa");
  return spelled.normalize("NFD").replace(/\p{M}+/gu, "").normalize("NFC");
}

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

function variant(a: string, b: string): string | null {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return null;
  const edits = DamerauLevenshteinDistance(a, b);
  const jw = JaroWinklerDistance(a, b);
  if (edits > (shorter >= 8 ? 2 : 1) || jw < 0.9) return null;
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
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length < 2 || wb.length < 2) return null;
  const fa = wa.map(foldName);
  const fb = wb.map(foldName);
  if (fa.join(" ") === fb.join(" ")) return { rule: "same-name", detail: a === b ? "identical" : `"${a}" = "${b}" (case or æ/ø/å spelling)` };
  if (fa[0] !== fb[0]) return null;

  const rules = new Set<NameRule>();
  const details: string[] = [];
  const note = (m: PartMatch) => {
    if (!m.rule) return;
    rules.add(m.rule);
    if (m.detail) details.push(m.detail);
  };

  const last = comparePart(fa[fa.length - 1]!, fb[fb.length - 1]!, wa[wa.length - 1]!, wb[wb.length - 1]!);
  if (!last) return null;
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
