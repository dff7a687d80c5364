/**
 * Indstillinger: one string per clause (contract): each "At …" line, each numbered or bulleted
 * point, each "at …" clause on its own line; wording kept, list marker dropped, layout breaks joined.
 */
import type { XLine } from "./lines.ts";
import { classifyLabel } from "./labels.ts";
import { buildParagraphs, paragraphText } from "./paragraphs.ts";

export interface ClauseResult {
  clauses: string[];
  /** Prose that ran on into the last clause without a line break ("… seminaret Der var stor …"). */
  proseLead: string;
  /** How many of the given lines the indstilling used (the rest is what follows it). */
  used: number;
}

const AT_START = /^at\s/i;
/** A clause that continues in another: "…, og", "…;", "… samt". */
const OPEN_END = /(?:,|;|\bog|\bsamt)\s*$/i;
// A capitalised sentence opener in the middle of a clause, with no full stop before it: two
// paragraphs joined by a converter ("… af seminaret Der var stor tilfredshed …"). These words
// are never proper nouns, so a capital here marks a new sentence.
const RUN_ON = /(?<=[\p{Ll}\d])\s+(?=(?:Der|Det|Dette|Sagen|Emnet|Punktet|Indstillingen|Indstillingerne|Dagsordenen|Dagsorden|Referatet|Forslaget)\s+\p{Ll})/u;

/** A label's rest that only introduces the clauses: "at Direktørforum:", ":", "at Klyngestyregruppe Nord". */
function isLeadIn(rest: string, listFollows: boolean): boolean {
  if (rest === "" || /:\s*$/.test(rest)) return true;
  return listFollows;
}

function cleanClause(text: string): string {
  return text
    .replace(/\s*(?:,\s*og|,|;|\bog|\bsamt)\s*$/i, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Reads the clauses of an indstilling.
 * @param rest   text after the label on its own line
 * @param lines  the lines after the label, up to the next section label
 * @param stopAtProse  in minutes without a "Referat" heading, the first paragraph that is no
 *                     clause starts the decision text; otherwise the whole region is the indstilling
 */
export function readClauses(rest: string, lines: XLine[], fullLength: number, stopAtProse: boolean): ClauseResult {
  // A label line stands alone: "Det indstilles, at Udvalget godkender," joined with the "at …"
  // lines under it would hide that they are the clauses.
  // Likewise "at …, og" ⏎ "at …": each "at" line after a clause that ends open is a clause.
  const paragraphs = buildParagraphs(lines, fullLength).flatMap((p) => {
    const cuts = p.lines.flatMap((l, k) =>
      k > 0 && (k === 1 && classifyLabel(p.lines[0]!)?.kind === "indstilling" || (AT_START.test(l.text) && OPEN_END.test(p.lines[k - 1]!.text))) ? [k] : [],
    );
    if (cuts.length === 0) return [p];
    return [0, ...cuts].map((from, c) => {
      const part = p.lines.slice(from, cuts[c] ?? p.lines.length);
      return { ...p, lines: part, marker: from === 0 ? p.marker : null, text: paragraphText(part) };
    });
  });
  const isClauseStart = (p: { marker: string | null; text: string }) => p.marker !== null || AT_START.test(p.text);
  const listFollows = paragraphs.length > 0 && isClauseStart(paragraphs[0]!);
  const clauses: string[] = [];
  if (!isLeadIn(rest, listFollows)) clauses.push(cleanClause(rest.replace(AT_START, "")));
  let used = 0;
  for (const p of paragraphs) {
    const label = classifyLabel(p.lines[0]!);
    if (label?.kind === "indstilling") {
      // A second indstilling line ("Indstilling:" then "Det indstilles, at Udvalget") is a lead-in.
      const rest2 = label.rest;
      const later = paragraphs.slice(paragraphs.indexOf(p) + 1);
      if (!isLeadIn(rest2, later.length > 0 && isClauseStart(later[0]!))) clauses.push(cleanClause(rest2.replace(AT_START, "")));
      used += p.lines.length;
      continue;
    }
    if (isClauseStart(p)) {
      // Without a referat heading, a clause that ends a sentence at a line end may run straight
      // into the report of what happened ("… problemstillinger." ⏎ "Det blev aftalt …").
      const cut = stopAtProse ? proseStart(p.lines) : p.lines.length;
      clauses.push(cleanClause(paragraphText(p.lines.slice(0, cut))));
      used += cut;
      if (cut < p.lines.length) break;
      continue;
    }
    if (stopAtProse && clauses.length > 0) break;
    if (clauses.length === 0) {
      // Prose directly under the label is the clause ("Indstilling:" ⏎ "Udvalget godkender …").
      clauses.push(cleanClause(p.text));
      used += p.lines.length;
      if (stopAtProse) break;
      continue;
    }
    // Prose after the clauses, before the referat heading: background that stands late.
    used += p.lines.length;
  }
  let proseLead = "";
  if (stopAtProse && clauses.length > 0) {
    const last = clauses[clauses.length - 1]!;
    const m = RUN_ON.exec(last);
    if (m && m.index > 0) {
      clauses[clauses.length - 1] = cleanClause(last.slice(0, m.index));
      proseLead = last.slice(m.index).trim();
    }
  }
  return { clauses: clauses.filter((c) => c.length > 0), used, proseLead };
}

/** The first line of a clause paragraph that starts a new sentence in capitals after a full stop. */
function proseStart(lines: XLine[]): number {
  for (let j = 1; j < lines.length; j++) {
    if (/[.!?]\s*$/.test(lines[j - 1]!.text) && /^\p{Lu}/u.test(lines[j]!.text) && !AT_START.test(lines[j]!.text)) return j;
  }
  return lines.length;
}
