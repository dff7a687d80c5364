/**
 * Keys the evaluation compares by equality (minutes-eval v1): item numbers, person/body names,
 * owner sets. Text similarity lives in text.ts.
 */
import { normalizeForEval } from "./text.ts";

/**
 * The printed item number as a comparison key: NFKC, lower case, then the runs of digits and of
 * letters joined by "." — every separator (".", ")", space, "-") counts the same, and leading
 * zeros are dropped. So "2.a", "2a", "2 a", "2a)" and "02.a." all give "2.a"; "3." and "3)" give
 * "3". Digit runs stay apart: "2.1" gives "2.1", which is not "21".
 */
export function normalizeItemNumber(number: string | null | undefined): string {
  const text = (number ?? "").normalize("NFKC").toLowerCase();
  const parts = text.match(/\p{Nd}+|\p{L}+/gu) ?? [];
  return parts.map((p) => (/^\d+$/.test(p) ? p.replace(/^0+(?=\d)/, "") : p)).join(".");
}

/** A person's or body's name as compared: the evaluation's text normalisation. */
export function normalizeName(name: string | null | undefined): string {
  return normalizeForEval(name);
}

/** An owner list as a set of normalised names (empty names dropped). */
export function ownerSet(owners: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const o of owners) {
    const n = normalizeName(o);
    if (n !== "") set.add(n);
  }
  return set;
}

/** Owner sets that share a name; two empty sets also count (an action needs this to match). */
export function ownersOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 && b.size === 0) return true;
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Owner sets that are equal (owners accuracy). */
export function ownersEqual(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
