/**
 * Alignment of a predicted document with its gold (minutes-eval v1): which items, recommendations,
 * decisions, actions and participants correspond. score.ts counts from it; diff.ts explains it.
 */
import { normalizeItemNumber, normalizeName, ownerSet, ownersEqual, ownersOverlap } from "./keys.ts";
import { matchOneToOne, type Pair } from "./match.ts";
import { sim } from "./text.ts";

/** The thresholds of minutes-eval v1. */
export const THRESHOLDS = {
  /** sim(title) of two items with equal numbers. */
  itemTitle: 0.6,
  recommendation: 0.7,
  decision: 0.6,
  /** sim(text) of two actions (whose owner sets must also share a name). */
  actionText: 0.5,
  /** sim(body) of the meeting. */
  meetingBody: 0.8,
} as const;

/** The fields the evaluation reads; both Minutes and GoldMinutes have this shape. */
export interface ScorableAction {
  text: string;
  owners: readonly string[];
  deadline: string | null;
}
export interface ScorableItem {
  number: string;
  title: string;
  recommendations: readonly string[];
  decisionText: string | null;
  outcome: string;
  decisions: readonly string[];
  actions: readonly ScorableAction[];
}
export interface ScorableParticipant {
  name: string;
  status: string;
}
export interface ScorableMeeting {
  body: string | null;
  cluster: string | null;
  kind: string;
  number: string | null;
  date: string | null;
}
export interface ScorableMinutes {
  meeting: ScorableMeeting;
  participants: readonly ScorableParticipant[];
  items: readonly ScorableItem[];
}

/** Pair.a indexes the gold list, Pair.b the predicted list. */
export interface ListAlignment<P extends Pair = Pair> {
  matches: P[];
  /** Gold entries without a match (false negatives), by index. */
  missing: number[];
  /** Predicted entries without a match (false positives), by index. */
  extra: number[];
}

export interface ActionPair extends Pair {
  ownersEqual: boolean;
  deadlineEqual: boolean;
}

export interface ItemPair extends Pair {
  recommendations: ListAlignment;
  decisions: ListAlignment;
  actions: ListAlignment<ActionPair>;
  /** sim(decisionText); null vs null is 1. */
  decisionTextSim: number;
  outcomeEqual: boolean;
}

export const MEETING_FIELDS = ["body", "cluster", "kind", "number", "date"] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

export interface MeetingCheck {
  field: MeetingField;
  ok: boolean;
  gold: string | null;
  predicted: string | null;
  /** For body: the sim that was compared with the threshold. */
  sim?: number;
}

export interface DocAlignment {
  items: ListAlignment<ItemPair>;
  meeting: MeetingCheck[];
  /** Matches of (normalised name, status) pairs; sim is always 1. */
  participants: ListAlignment;
}

export function alignDocument(predicted: ScorableMinutes, gold: ScorableMinutes): DocAlignment {
  const gNumbers = gold.items.map((it) => normalizeItemNumber(it.number));
  const pNumbers = predicted.items.map((it) => normalizeItemNumber(it.number));
  const itemPairs = matchOneToOne(gold.items.length, predicted.items.length, (g, p) => {
    if (gNumbers[g] !== pNumbers[p]) return null;
    const s = sim(gold.items[g]!.title, predicted.items[p]!.title);
    return s >= THRESHOLDS.itemTitle ? s : null;
  });
  const items = complete(
    itemPairs.map((pair) => alignItem(pair, predicted.items[pair.b]!, gold.items[pair.a]!)),
    gold.items.length,
    predicted.items.length,
  );
  return {
    items,
    meeting: checkMeeting(predicted.meeting, gold.meeting),
    participants: alignParticipants(predicted.participants, gold.participants),
  };
}

function alignItem(pair: Pair, p: ScorableItem, g: ScorableItem): ItemPair {
  return {
    ...pair,
    recommendations: alignTexts(p.recommendations, g.recommendations, THRESHOLDS.recommendation),
    decisions: alignTexts(p.decisions, g.decisions, THRESHOLDS.decision),
    actions: alignActions(p.actions, g.actions),
    decisionTextSim: sim(g.decisionText, p.decisionText),
    outcomeEqual: p.outcome === g.outcome,
  };
}

/** One-to-one matching of two lists of strings with sim ≥ threshold. */
export function alignTexts(predicted: readonly string[], gold: readonly string[], threshold: number): ListAlignment {
  const pairs = matchOneToOne(gold.length, predicted.length, (g, p) => {
    const s = sim(gold[g], predicted[p]);
    return s >= threshold ? s : null;
  });
  return complete(pairs, gold.length, predicted.length);
}

export function alignActions(predicted: readonly ScorableAction[], gold: readonly ScorableAction[]): ListAlignment<ActionPair> {
  const gOwners = gold.map((a) => ownerSet(a.owners));
  const pOwners = predicted.map((a) => ownerSet(a.owners));
  const pairs = matchOneToOne(gold.length, predicted.length, (g, p) => {
    if (!ownersOverlap(gOwners[g]!, pOwners[p]!)) return null;
    const s = sim(gold[g]!.text, predicted[p]!.text);
    return s >= THRESHOLDS.actionText ? s : null;
  });
  return complete(
    pairs.map((pair) => ({
      ...pair,
      ownersEqual: ownersEqual(gOwners[pair.a]!, pOwners[pair.b]!),
      deadlineEqual: (gold[pair.a]!.deadline ?? null) === (predicted[pair.b]!.deadline ?? null),
    })),
    gold.length,
    predicted.length,
  );
}

/** Participants as a multiset of (normalised name, status): a duplicate is an extra. */
export function alignParticipants(
  predicted: readonly ScorableParticipant[],
  gold: readonly ScorableParticipant[],
): ListAlignment {
  const key = (x: ScorableParticipant) => `${normalizeName(x.name)}\u0000${x.status}`;
  const open = new Map<string, number[]>();
  predicted.forEach((x, p) => {
    const k = key(x);
    const list = open.get(k);
    if (list) list.push(p);
    else open.set(k, [p]);
  });
  const pairs: Pair[] = [];
  gold.forEach((x, g) => {
    const p = open.get(key(x))?.shift();
    if (p !== undefined) pairs.push({ a: g, b: p, sim: 1 });
  });
  return complete(pairs, gold.length, predicted.length);
}

export function checkMeeting(predicted: ScorableMeeting, gold: ScorableMeeting): MeetingCheck[] {
  const value = (m: ScorableMeeting, f: MeetingField) => m[f] ?? null;
  return MEETING_FIELDS.map((field): MeetingCheck => {
    const g = value(gold, field);
    const p = value(predicted, field);
    if (field === "body") {
      const s = sim(g, p);
      return { field, ok: s >= THRESHOLDS.meetingBody, gold: g, predicted: p, sim: s };
    }
    if (field === "number") {
      const ok = g === null || p === null ? g === p : normalizeItemNumber(g) === normalizeItemNumber(p);
      return { field, ok, gold: g, predicted: p };
    }
    return { field, ok: g === p, gold: g, predicted: p };
  });
}

function complete<P extends Pair>(matches: P[], nGold: number, nPredicted: number): ListAlignment<P> {
  const usedG = new Set(matches.map((m) => m.a));
  const usedP = new Set(matches.map((m) => m.b));
  return {
    matches,
    missing: range(nGold).filter((g) => !usedG.has(g)),
    extra: range(nPredicted).filter((p) => !usedP.has(p)),
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}
