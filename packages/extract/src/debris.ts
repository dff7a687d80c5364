/**
 * Layout debris is no text of any field (contract): bare URL lines and their wrapped pieces,
 * a line a PDF extractor repeats several times in a row (link text), mail/link artefacts.
 * Page headers and footers are already gone at ingest.
 */
import type { XLine } from "./lines.ts";

const URL_START = /^(?:https?:\/\/|www\.|mailto:|file:\/\/)\S*$/i;
// A wrapped piece of a URL: no spaces, path-like, long enough not to be a word.
const URL_PIECE = /^[\w%.~+=&?#/-]*\/[\w%.~+=&?#/-]*$/;

export function debrisIndices(lines: XLine[]): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k < lines.length; k++) {
    const t = lines[k]!.raw;
    if (URL_START.test(t) || lines[k]!.text === "") {
      out.add(k);
      continue;
    }
    // A line continuing a URL that the previous line left open ("…/Til-" then "sundhedsfaglige-…/Den-").
    const prev = k > 0 ? lines[k - 1]!.raw : "";
    if (t.length >= 15 && URL_PIECE.test(t) && /(?:https?:\/\/|www\.)\S*$|[/-]$/.test(prev)) {
      out.add(k);
      continue;
    }
  }
  // Runs of the same line: three or more in a row are extractor noise (all go);
  // two in a row keep the first.
  for (let k = 0; k < lines.length; ) {
    let j = k + 1;
    while (j < lines.length && lines[j]!.raw === lines[k]!.raw) j++;
    const run = j - k;
    if (run >= 3) for (let x = k; x < j; x++) out.add(x);
    else if (run === 2) out.add(k + 1);
    k = j;
  }
  return out;
}

/** Strips a URL that trails a sentence ("… på følgende link: https://…"), which is debris too. */
export function stripTrailingUrl(text: string): string {
  return text.replace(/\s*(?:https?:\/\/|www\.)\S*$/i, "").trim();
}
