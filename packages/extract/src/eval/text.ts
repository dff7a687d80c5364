/**
 * Text comparison of minutes-eval v1 (CONTRACT.md): NFC, lower case, line-break hyphens joined,
 * punctuation dropped, white space collapsed; sim(a, b) is the token F1 of the multisets.
 */

/** Normalises a text the way the contract's evaluation does. */
export function normalizeForEval(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .normalize("NFC")
    .toLowerCase()
    // a hyphen at a line end joins the two halves ("tilbagemel-\ndingerne")
    .replace(/(\p{L})-[ \t]*\r?\n[ \t]*(\p{L})/gu, "$1$2")
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function tokens(text: string | null | undefined): string[] {
  const n = normalizeForEval(text);
  return n === "" ? [] : n.split(" ");
}

/** Token F1 with multiset overlap. Two empty texts are identical (1); one empty text scores 0. */
export function sim(a: string | null | undefined, b: string | null | undefined): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 && tb.length === 0) return 1;
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of tb) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / tb.length;
  const recall = overlap / ta.length;
  return (2 * precision * recall) / (precision + recall);
}
