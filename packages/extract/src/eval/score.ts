/**
 * The figures of minutes-eval v1 (CONTRACT.md). A DocScore keeps the raw counts; the figures are
 * computed from them, so total() over a set sums the counts and yields micro-averaged figures.
 */
import { alignDocument, MEETING_FIELDS, type DocAlignment, type ScorableMinutes } from "./align.ts";

/** Counts of an F1 figure. */
export interface F1Counts {
  tp: number;
  fp: number;
  fn: number;
}
/** Counts of an accuracy: right out of total. */
export interface AccuracyCounts {
  correct: number;
  total: number;
}
/** Counts of a mean: sum of the values over n. */
export interface MeanCounts {
  sum: number;
  n: number;
}

export interface ScoreCounts {
  items: F1Counts;
  recommendations: F1Counts;
  decisions: F1Counts;
  decisionText: MeanCounts;
  outcome: AccuracyCounts;
  actions: F1Counts;
  owners: AccuracyCounts;
  deadline: AccuracyCounts;
  meeting: AccuracyCounts;
  participants: F1Counts;
}

export type FigureName = keyof ScoreCounts;

/**
 * The figures, each in [0, 1]. An F1 with nothing to find and nothing found (tp = fp = fn = 0) is 1.
 * An accuracy or mean over nothing (no matched items or actions) is null: not applicable.
 */
export type Figures = Record<FigureName, number | null>;

export interface DocScore {
  /** How many documents the counts cover. */
  documents: number;
  counts: ScoreCounts;
  figures: Figures;
}

export type FigureKind = "f1" | "accuracy" | "mean";

/** The figures in report order, with a short column label. */
export const FIGURES: readonly { name: FigureName; label: string; kind: FigureKind; title: string }[] = [
  { name: "items", label: "items", kind: "f1", title: "items F1" },
  { name: "recommendations", label: "recs", kind: "f1", title: "recommendations F1" },
  { name: "decisions", label: "decs", kind: "f1", title: "decisions F1" },
  { name: "decisionText", label: "dtext", kind: "mean", title: "decisionText mean sim over matched items" },
  { name: "outcome", label: "outc", kind: "accuracy", title: "outcome accuracy over matched items" },
  { name: "actions", label: "acts", kind: "f1", title: "actions F1" },
  { name: "owners", label: "owner", kind: "accuracy", title: "owners accuracy over matched actions" },
  { name: "deadline", label: "dline", kind: "accuracy", title: "deadline accuracy over matched actions" },
  { name: "meeting", label: "meet", kind: "accuracy", title: "meeting accuracy (body, cluster, kind, number, date)" },
  { name: "participants", label: "parts", kind: "f1", title: "participants F1 over (name, status)" },
];

export function f1(c: F1Counts): number {
  const denominator = 2 * c.tp + c.fp + c.fn;
  return denominator === 0 ? 1 : (2 * c.tp) / denominator;
}
export function precision(c: F1Counts): number | null {
  return c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
}
export function recall(c: F1Counts): number | null {
  return c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
}
export function accuracy(c: AccuracyCounts): number | null {
  return c.total === 0 ? null : c.correct / c.total;
}
export function mean(c: MeanCounts): number | null {
  return c.n === 0 ? null : c.sum / c.n;
}

export function figuresOf(c: ScoreCounts): Figures {
  return {
    items: f1(c.items),
    recommendations: f1(c.recommendations),
    decisions: f1(c.decisions),
    decisionText: mean(c.decisionText),
    outcome: accuracy(c.outcome),
    actions: f1(c.actions),
    owners: accuracy(c.owners),
    deadline: accuracy(c.deadline),
    meeting: accuracy(c.meeting),
    participants: f1(c.participants),
  };
}

/** Scores one predicted document against its gold. */
export function scoreDocument(predicted: ScorableMinutes, gold: ScorableMinutes): DocScore {
  return scoreAlignment(alignDocument(predicted, gold), predicted, gold);
}

/** The counts of an alignment made by alignDocument(predicted, gold). */
export function scoreAlignment(al: DocAlignment, predicted: ScorableMinutes, gold: ScorableMinutes): DocScore {
  const c = zeroCounts();
  c.items = { tp: al.items.matches.length, fp: al.items.extra.length, fn: al.items.missing.length };

  for (const m of al.items.matches) {
    for (const key of ["recommendations", "decisions", "actions"] as const) {
      c[key].tp += m[key].matches.length;
      c[key].fp += m[key].extra.length;
      c[key].fn += m[key].missing.length;
    }
    c.decisionText.sum += m.decisionTextSim;
    c.decisionText.n += 1;
    c.outcome.total += 1;
    if (m.outcomeEqual) c.outcome.correct += 1;
    for (const a of m.actions.matches) {
      c.owners.total += 1;
      if (a.ownersEqual) c.owners.correct += 1;
      c.deadline.total += 1;
      if (a.deadlineEqual) c.deadline.correct += 1;
    }
  }
  // Recommendations, decisions and actions can only match within matched items: those of a
  // missing gold item are all missed, those of an extra predicted item all false.
  for (const g of al.items.missing) {
    const item = gold.items[g]!;
    c.recommendations.fn += item.recommendations.length;
    c.decisions.fn += item.decisions.length;
    c.actions.fn += item.actions.length;
  }
  for (const p of al.items.extra) {
    const item = predicted.items[p]!;
    c.recommendations.fp += item.recommendations.length;
    c.decisions.fp += item.decisions.length;
    c.actions.fp += item.actions.length;
  }

  c.meeting = { correct: al.meeting.filter((m) => m.ok).length, total: al.meeting.length };
  c.participants = {
    tp: al.participants.matches.length,
    fp: al.participants.extra.length,
    fn: al.participants.missing.length,
  };
  return { documents: 1, counts: c, figures: figuresOf(c) };
}

/**
 * The score of a document that could not be read or extracted: nothing predicted, so every gold
 * entry is missed and every meeting field is wrong (even those whose gold value is null).
 */
export function scoreUnreadable(gold: ScorableMinutes): DocScore {
  const c = zeroCounts();
  const sum = (f: (it: ScorableMinutes["items"][number]) => number) => gold.items.reduce((n, it) => n + f(it), 0);
  c.items.fn = gold.items.length;
  c.recommendations.fn = sum((it) => it.recommendations.length);
  c.decisions.fn = sum((it) => it.decisions.length);
  c.actions.fn = sum((it) => it.actions.length);
  c.meeting = { correct: 0, total: MEETING_FIELDS.length };
  c.participants.fn = gold.participants.length;
  return { documents: 1, counts: c, figures: figuresOf(c) };
}

/** Sums the counts of several scores: the figures of the result are micro-averaged. */
export function total(scores: readonly DocScore[]): DocScore {
  const c = zeroCounts();
  for (const s of scores) {
    for (const key of Object.keys(c) as FigureName[]) {
      const into = c[key] as unknown as Record<string, number>;
      const from = s.counts[key] as unknown as Record<string, number>;
      for (const k of Object.keys(into)) into[k]! += from[k]!;
    }
  }
  return { documents: scores.reduce((n, s) => n + s.documents, 0), counts: c, figures: figuresOf(c) };
}

export function zeroCounts(): ScoreCounts {
  const f = (): F1Counts => ({ tp: 0, fp: 0, fn: 0 });
  const a = (): AccuracyCounts => ({ correct: 0, total: 0 });
  return {
    items: f(),
    recommendations: f(),
    decisions: f(),
    decisionText: { sum: 0, n: 0 },
    outcome: a(),
    actions: f(),
    owners: a(),
    deadline: a(),
    meeting: a(),
    participants: f(),
  };
}
