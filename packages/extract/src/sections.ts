/**
 * Splits an item's body into its sections: background (sagsfremstilling), indstilling,
 * referat/beslutning, and bilag. Minutes without "Referat"/"Beslutning" headings (the whole
 * template has none) report the meeting's outcome as prose after the indstilling.
 */
import type { XLine } from "./lines.ts";
import { classifyLabel, FOLLOWUP_FIELD, type Label } from "./labels.ts";
import { readClauses } from "./recommendations.ts";

export interface Sections {
  background: XLine[];
  recommendations: string[];
  /** The referat/beslutning lines; null when the item has none. */
  decision: XLine[] | null;
  /** Inline text after a "Referat:" label, which comes before `decision`'s lines. */
  decisionLead: string;
  attachments: string[];
  /** "Opfølgning: … Ansvarlig: … Frist: …" blocks, each with its fields joined on one line. */
  followups: { text: string; at: XLine }[];
}

export interface SectionOptions {
  /** True when some item of the document has a Referat/Beslutning heading. */
  templateHasReferatLabels: boolean;
  /** An agenda (dagsorden) has no decision text. */
  agendaOnly: boolean;
  fullLength: number;
}

const cleanAttachment = (s: string) =>
  s.replace(/^[\s*#]+|[\s*]+$/g, "").replace(/\.\s*$/, "").trim();

export function splitSections(body: XLine[], opts: SectionOptions): Sections {
  const labels: (Label | null)[] = body.map((l) => classifyLabel(l));
  const attachments: string[] = [];
  const taken = new Set<number>();

  // Bilag: the label's own text, or the list / line that follows it.
  labels.forEach((lab, j) => {
    if (lab?.kind !== "bilag") return;
    taken.add(j);
    if (lab.rest) {
      attachments.push(cleanAttachment(lab.rest));
      return;
    }
    let n = j + 1;
    while (n < body.length && body[n]!.marker && !labels[n]) {
      attachments.push(cleanAttachment(body[n]!.body));
      taken.add(n);
      n++;
    }
    if (n === j + 1 && n < body.length && !labels[n] && body[n]!.text.length < 120) {
      attachments.push(cleanAttachment(body[n]!.text));
      taken.add(n);
    }
  });

  // Follow-up blocks: the label's line and the field lines under it ("Ansvarlig:", "Frist:").
  const followups: { text: string; at: XLine }[] = [];
  labels.forEach((lab, j) => {
    if (lab?.kind !== "followup") return;
    taken.add(j);
    const parts = [body[j]!.text];
    for (let n = j + 1; n < body.length && !labels[n] && FOLLOWUP_FIELD.test(body[n]!.text); n++) {
      parts.push(body[n]!.text);
      taken.add(n);
    }
    followups.push({ text: parts.join(" "), at: body[j]! });
  });

  const indIdx = labels.findIndex((l) => l?.kind === "indstilling");
  // A "Referat" heading that stands before the indstilling is layout noise inside the
  // sagsfremstilling; the referat is the one after the indstilling.
  const refIdx = labels.findIndex((l, j) => l?.kind === "referat" && (indIdx < 0 || j > indIdx));

  const free = (from: number, to: number) => {
    const out: XLine[] = [];
    for (let j = from; j < to; j++) if (!taken.has(j) && labels[j]?.kind !== "referat" && labels[j]?.kind !== "background") out.push(body[j]!);
    return out;
  };
  // Decision text keeps sub-headings such as "Kommunikation:"; only bilag and repeated referat labels go.
  const keep = (from: number, to: number) => {
    const out: XLine[] = [];
    for (let j = from; j < to; j++) if (!taken.has(j) && labels[j]?.kind !== "referat") out.push(body[j]!);
    return out;
  };
  // The end of a section: the next label of another kind (bilag lines are already taken).
  const nextLabel = (from: number, kinds: Label["kind"][]) => {
    for (let j = from; j < body.length; j++) if (labels[j] && kinds.includes(labels[j]!.kind)) return j;
    return body.length;
  };

  let recommendations: string[] = [];
  let proseLead = "";
  let afterIndstilling = -1;
  if (indIdx >= 0) {
    const end = refIdx >= 0 ? refIdx : nextLabel(indIdx + 1, ["background"]);
    const region = free(indIdx + 1, end);
    const stopAtProse = !opts.templateHasReferatLabels && refIdx < 0;
    const res = readClauses(labels[indIdx]!.rest, region, opts.fullLength, stopAtProse);
    recommendations = res.clauses;
    if (res.proseLead) proseLead = res.proseLead;
    // Where the indstilling stopped, in body indices.
    afterIndstilling = res.used < region.length ? region[res.used]!.i : -1;
  }

  let decision: XLine[] | null = null;
  let decisionLead = "";
  if (!opts.agendaOnly) {
    if (refIdx >= 0) {
      decisionLead = labels[refIdx]!.rest;
      // Skip repeated headings ("Referat" then "Referat:").
      decision = keep(refIdx + 1, body.length).filter((l) => classifyLabel(l)?.kind !== "indstilling");
    } else if (!opts.templateHasReferatLabels) {
      if (indIdx < 0) decision = keep(0, body.length);
      else if (afterIndstilling >= 0) decision = keep(body.findIndex((l) => l.i === afterIndstilling), body.length);
      else decision = [];
      decisionLead = proseLead;
    }
  }

  const backgroundEnd = indIdx >= 0 ? indIdx : refIdx >= 0 ? refIdx : opts.templateHasReferatLabels || opts.agendaOnly ? body.length : 0;
  const background = free(0, backgroundEnd);
  if (decision && decision.length === 0 && !decisionLead) decision = null;
  return { background, recommendations, decision, decisionLead, attachments, followups };
}
