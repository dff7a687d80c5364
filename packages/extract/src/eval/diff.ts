/**
 * What the evaluation did not match, with the nearest candidate and its sim: the view an extractor
 * developer reads (`pnpm eval --verbose`). diffDocument builds a plain object (it also goes into
 * the JSON report); renderDiff prints it.
 *
 * Markers: "-" in gold but not predicted (missed), "+" predicted but not in gold (extra),
 * "~" matched but an attribute differs.
 */
import {
  alignDocument,
  THRESHOLDS,
  type ActionPair,
  type DocAlignment,
  type ListAlignment,
  type MeetingCheck,
  type ScorableAction,
  type ScorableItem,
  type ScorableMinutes,
} from "./align.ts";
import { normalizeItemNumber, normalizeName, ownerSet, ownersOverlap } from "./keys.ts";
import { sim, tokens } from "./text.ts";

/** The closest entry on the other side, whether or not it may match. */
export interface Candidate {
  index: number;
  text: string;
  sim: number;
  /** It is matched to another entry. */
  taken: boolean;
}

export interface TextDiff {
  text: string;
  best: Candidate | null;
}

export interface ListDiff {
  gold: number;
  predicted: number;
  matched: number;
  missing: TextDiff[];
  extra: TextDiff[];
}

export interface ActionSide {
  text: string;
  owners: string[];
  deadline: string | null;
}

export interface ActionCandidate extends ActionSide {
  sim: number;
  taken: boolean;
  /** Why it does not match: "text" (sim below the threshold), "owners" (no shared owner), or null. */
  blocked: "text" | "owners" | "text+owners" | null;
}

export interface ActionDiff {
  gold: number;
  predicted: number;
  matched: number;
  missing: (ActionSide & { best: ActionCandidate | null })[];
  extra: (ActionSide & { best: ActionCandidate | null })[];
  /** Matched actions whose owners or deadline differ. */
  wrong: { gold: ActionSide; predicted: ActionSide; sim: number; owners: boolean; deadline: boolean }[];
}

export interface ItemRef {
  index: number;
  number: string;
  title: string;
}

export interface ItemCandidate extends ItemRef {
  sim: number;
  taken: boolean;
}

export interface UnmatchedItem extends ItemRef {
  /** The other side's item with the same number, if any (its title sim was below the threshold or it was taken). */
  sameNumber: ItemCandidate | null;
  /** The other side's item with the most similar title, whatever its number. */
  bestTitle: ItemCandidate | null;
  recommendations: number;
  decisions: number;
  actions: number;
}

export interface ItemDiff {
  gold: ItemRef;
  predicted: ItemRef;
  titleSim: number;
  outcome: { gold: string; predicted: string } | null;
  decisionText: {
    sim: number;
    gold: string | null;
    predicted: string | null;
    /** Words of gold not in predicted / of predicted not in gold (multiset difference), in text order. */
    missingWords: string[];
    extraWords: string[];
  } | null;
  recommendations: ListDiff;
  decisions: ListDiff;
  actions: ActionDiff;
}

export interface ParticipantDiff {
  name: string;
  status: string;
  /** Statuses the other side gives the same (normalised) name. */
  otherStatus: string[];
}

export interface DocDiff {
  meeting: MeetingCheck[];
  participants: { matched: number; missing: ParticipantDiff[]; extra: ParticipantDiff[] };
  items: {
    gold: number;
    predicted: number;
    matched: number;
    missing: UnmatchedItem[];
    extra: UnmatchedItem[];
    /** Matched items with anything short of a perfect score. */
    differing: ItemDiff[];
  };
}

export function diffDocument(predicted: ScorableMinutes, gold: ScorableMinutes, al: DocAlignment = alignDocument(predicted, gold)): DocDiff {
  const takenG = new Set(al.items.matches.map((m) => m.a));
  const takenP = new Set(al.items.matches.map((m) => m.b));
  const differing: ItemDiff[] = [];
  for (const m of al.items.matches) {
    const d = diffItem(m.a, m.b, m.sim, predicted.items[m.b]!, gold.items[m.a]!, m);
    if (d) differing.push(d);
  }
  return {
    meeting: al.meeting.filter((c) => !c.ok),
    participants: {
      matched: al.participants.matches.length,
      missing: al.participants.missing.map((g) => participantDiff(gold.participants[g]!, predicted.participants)),
      extra: al.participants.extra.map((p) => participantDiff(predicted.participants[p]!, gold.participants)),
    },
    items: {
      gold: gold.items.length,
      predicted: predicted.items.length,
      matched: al.items.matches.length,
      missing: al.items.missing.map((g) => unmatchedItem(g, gold.items, predicted.items, takenP)),
      extra: al.items.extra.map((p) => unmatchedItem(p, predicted.items, gold.items, takenG)),
      differing,
    },
  };
}

function participantDiff(x: { name: string; status: string }, other: readonly { name: string; status: string }[]): ParticipantDiff {
  const n = normalizeName(x.name);
  return { name: x.name, status: x.status, otherStatus: other.filter((o) => normalizeName(o.name) === n).map((o) => o.status) };
}

function unmatchedItem(index: number, side: readonly ScorableItem[], other: readonly ScorableItem[], takenOther: Set<number>): UnmatchedItem {
  const item = side[index]!;
  const num = normalizeItemNumber(item.number);
  let sameNumber: ItemCandidate | null = null;
  let bestTitle: ItemCandidate | null = null;
  other.forEach((o, k) => {
    const s = sim(item.title, o.title);
    const cand = { index: k, number: o.number, title: o.title, sim: s, taken: takenOther.has(k) };
    if (normalizeItemNumber(o.number) === num && (!sameNumber || s > sameNumber.sim)) sameNumber = cand;
    if (s > 0 && (!bestTitle || s > bestTitle.sim)) bestTitle = cand;
  });
  return {
    index,
    number: item.number,
    title: item.title,
    sameNumber,
    bestTitle,
    recommendations: item.recommendations.length,
    decisions: item.decisions.length,
    actions: item.actions.length,
  };
}

function diffItem(g: number, p: number, titleSim: number, pi: ScorableItem, gi: ScorableItem, m: {
  recommendations: ListAlignment;
  decisions: ListAlignment;
  actions: ListAlignment<ActionPair>;
  decisionTextSim: number;
  outcomeEqual: boolean;
}): ItemDiff | null {
  const recommendations = listDiff(pi.recommendations, gi.recommendations, m.recommendations);
  const decisions = listDiff(pi.decisions, gi.decisions, m.decisions);
  const actions = actionDiff(pi.actions, gi.actions, m.actions);
  const outcome = m.outcomeEqual ? null : { gold: gi.outcome, predicted: pi.outcome };
  const decisionText =
    m.decisionTextSim >= 1
      ? null
      : {
          sim: m.decisionTextSim,
          gold: gi.decisionText,
          predicted: pi.decisionText,
          ...wordDiff(gi.decisionText, pi.decisionText),
        };
  const clean = (l: { missing: unknown[]; extra: unknown[] }) => l.missing.length === 0 && l.extra.length === 0;
  if (!outcome && !decisionText && clean(recommendations) && clean(decisions) && clean(actions) && actions.wrong.length === 0) {
    return null;
  }
  return {
    gold: { index: g, number: gi.number, title: gi.title },
    predicted: { index: p, number: pi.number, title: pi.title },
    titleSim,
    outcome,
    decisionText,
    recommendations,
    decisions,
    actions,
  };
}

function listDiff(predicted: readonly string[], gold: readonly string[], al: ListAlignment): ListDiff {
  const takenG = new Set(al.matches.map((m) => m.a));
  const takenP = new Set(al.matches.map((m) => m.b));
  const best = (text: string, other: readonly string[], taken: Set<number>): Candidate | null => {
    let b: Candidate | null = null;
    other.forEach((o, k) => {
      const s = sim(text, o);
      if (s > 0 && (!b || s > b.sim)) b = { index: k, text: o, sim: s, taken: taken.has(k) };
    });
    return b;
  };
  return {
    gold: gold.length,
    predicted: predicted.length,
    matched: al.matches.length,
    missing: al.missing.map((g) => ({ text: gold[g]!, best: best(gold[g]!, predicted, takenP) })),
    extra: al.extra.map((p) => ({ text: predicted[p]!, best: best(predicted[p]!, gold, takenG) })),
  };
}

function side(a: ScorableAction): ActionSide {
  return { text: a.text, owners: [...a.owners], deadline: a.deadline ?? null };
}

function actionDiff(predicted: readonly ScorableAction[], gold: readonly ScorableAction[], al: ListAlignment<ActionPair>): ActionDiff {
  const takenG = new Set(al.matches.map((m) => m.a));
  const takenP = new Set(al.matches.map((m) => m.b));
  const best = (a: ScorableAction, other: readonly ScorableAction[], taken: Set<number>): ActionCandidate | null => {
    let b: ActionCandidate | null = null;
    const owners = ownerSet(a.owners);
    other.forEach((o, k) => {
      const s = sim(a.text, o.text);
      if (s === 0 || (b && s <= b.sim)) return;
      const textOk = s >= THRESHOLDS.actionText;
      const ownersOk = ownersOverlap(owners, ownerSet(o.owners));
      const blocked = textOk && ownersOk ? null : !textOk && !ownersOk ? "text+owners" : !textOk ? "text" : "owners";
      b = { ...side(o), sim: s, taken: taken.has(k), blocked };
    });
    return b;
  };
  return {
    gold: gold.length,
    predicted: predicted.length,
    matched: al.matches.length,
    missing: al.missing.map((g) => ({ ...side(gold[g]!), best: best(gold[g]!, predicted, takenP) })),
    extra: al.extra.map((p) => ({ ...side(predicted[p]!), best: best(predicted[p]!, gold, takenG) })),
    wrong: al.matches
      .filter((m) => !m.ownersEqual || !m.deadlineEqual)
      .map((m) => ({
        gold: side(gold[m.a]!),
        predicted: side(predicted[m.b]!),
        sim: m.sim,
        owners: m.ownersEqual,
        deadline: m.deadlineEqual,
      })),
  };
}

/** Multiset difference of the normalised words, each side in its own text order. */
export function wordDiff(gold: string | null, predicted: string | null): { missingWords: string[]; extraWords: string[] } {
  const g = tokens(gold);
  const p = tokens(predicted);
  const minus = (a: string[], b: string[]) => {
    const counts = new Map<string, number>();
    for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
    return a.filter((t) => {
      const c = counts.get(t) ?? 0;
      if (c > 0) {
        counts.set(t, c - 1);
        return false;
      }
      return true;
    });
  };
  return { missingWords: minus(g, p), extraWords: minus(p, g) };
}

// ─── rendering ──────────────────────────────────────────────────────────────────────────────

export interface RenderOptions {
  /** Longest quoted text before it is cut with "…" (default 100). */
  width?: number;
}

export const DIFF_LEGEND = '- in gold, not predicted (missed)   + predicted, not in gold (extra)   ~ matched, but differs';

/** Renders a DocDiff as indented lines (no trailing newline). Prints nothing for a perfect document. */
export function renderDiff(diff: DocDiff, options: RenderOptions = {}): string[] {
  const width = options.width ?? 100;
  const q = (text: string | null) => (text === null ? "null" : JSON.stringify(cut(oneLine(text), width)));
  const f2 = (x: number) => x.toFixed(2);
  const out: string[] = [];

  if (diff.meeting.length > 0) {
    const parts = diff.meeting.map((c) => {
      const s = c.sim !== undefined ? ` (sim ${f2(c.sim)})` : "";
      return `${c.field}: got ${q(c.predicted)}, want ${q(c.gold)}${s}`;
    });
    out.push(`meeting      ${parts.join("; ")}`);
  }

  const pd = diff.participants;
  if (pd.missing.length + pd.extra.length > 0) {
    const gold = pd.matched + pd.missing.length;
    const pred = pd.matched + pd.extra.length;
    out.push(`participants ${pd.matched} matched of ${gold} gold, ${pred} predicted`);
    // A name on both sides with another status is one "~" line, not a "-" and a "+".
    const extraLeft = [...pd.extra];
    for (const m of pd.missing) {
      const k = extraLeft.findIndex((e) => normalizeName(e.name) === normalizeName(m.name));
      if (k >= 0) {
        const e = extraLeft.splice(k, 1)[0]!;
        out.push(`  ~ ${m.name}: status got ${e.status}, want ${m.status}`);
      } else {
        out.push(`  - ${m.name} (${m.status})`);
      }
    }
    for (const e of extraLeft) out.push(`  + ${e.name} (${e.status})`);
  }

  const it = diff.items;
  if (it.missing.length + it.extra.length + it.differing.length > 0) {
    out.push(`items        ${it.matched} matched of ${it.gold} gold, ${it.predicted} predicted`);
  }
  const itemHint = (u: UnmatchedItem, otherSide: string) => {
    const hints: string[] = [];
    if (u.sameNumber) {
      const why = u.sameNumber.taken ? "taken by another" : `title sim ${f2(u.sameNumber.sim)} < ${THRESHOLDS.itemTitle}`;
      hints.push(`${otherSide} ${u.sameNumber.number} ${q(u.sameNumber.title)}: ${why}`);
    } else {
      hints.push(`no ${otherSide} item ${u.number}`);
    }
    // A well-matching title under another number is a renumbering; a poor one is noise.
    if (u.bestTitle && u.bestTitle.index !== u.sameNumber?.index && u.bestTitle.sim >= THRESHOLDS.itemTitle) {
      hints.push(`best title: ${otherSide} ${u.bestTitle.number} ${q(u.bestTitle.title)} sim ${f2(u.bestTitle.sim)}${u.bestTitle.taken ? " (taken)" : ""}`);
    }
    const content = [
      u.recommendations && `${u.recommendations} recs`,
      u.decisions && `${u.decisions} decs`,
      u.actions && `${u.actions} acts`,
    ].filter(Boolean);
    return `${content.length ? ` [${content.join(", ")}]` : ""}\n      ${hints.join("; ")}`;
  };
  for (const u of it.missing) out.push(`  - ${u.number} ${q(u.title)}${itemHint(u, "predicted")}`);
  for (const u of it.extra) out.push(`  + ${u.number} ${q(u.title)}${itemHint(u, "gold")}`);

  for (const d of it.differing) {
    const renamed =
      d.titleSim < 1 || d.predicted.number !== d.gold.number
        ? `  (predicted ${d.predicted.number} ${q(d.predicted.title)}, title sim ${f2(d.titleSim)})`
        : "";
    out.push(`  item ${d.gold.number} ${q(d.gold.title)}${renamed}`);
    if (d.outcome) out.push(`    ~ outcome: got ${d.outcome.predicted}, want ${d.outcome.gold}`);
    if (d.decisionText) {
      const t = d.decisionText;
      if (t.gold === null || t.predicted === null) {
        out.push(`    ~ decisionText sim ${f2(t.sim)}: got ${q(t.predicted)}, want ${q(t.gold)}`);
      } else {
        const words = (w: string[]) => cut(w.join(" "), width);
        const parts = [`    ~ decisionText sim ${f2(t.sim)}`];
        if (t.missingWords.length) parts.push(`      missing ${t.missingWords.length} words: ${words(t.missingWords)}`);
        if (t.extraWords.length) parts.push(`      extra ${t.extraWords.length} words: ${words(t.extraWords)}`);
        out.push(...parts);
      }
    }
    const list = (label: string, l: ListDiff, threshold: number) => {
      if (l.missing.length + l.extra.length === 0) return;
      out.push(`    ${label} ${l.matched} matched of ${l.gold} gold, ${l.predicted} predicted (sim ≥ ${threshold})`);
      const hint = (b: Candidate | null) =>
        b ? `\n        best ${f2(b.sim)}${b.taken ? " (taken)" : ""}: ${q(b.text)}` : "  (no word in common)";
      for (const m of l.missing) out.push(`      - ${q(m.text)}${hint(m.best)}`);
      for (const e of l.extra) out.push(`      + ${q(e.text)}${hint(e.best)}`);
    };
    list("recommendations", d.recommendations, THRESHOLDS.recommendation);
    list("decisions", d.decisions, THRESHOLDS.decision);

    const a = d.actions;
    if (a.missing.length + a.extra.length + a.wrong.length > 0) {
      out.push(`    actions ${a.matched} matched of ${a.gold} gold, ${a.predicted} predicted (sim ≥ ${THRESHOLDS.actionText}, shared owner)`);
      const act = (x: ActionSide) => `${q(x.text)} [${x.owners.join(", ")}]${x.deadline ? ` ${x.deadline}` : ""}`;
      const hint = (b: ActionCandidate | null) => {
        if (!b) return "  (no word in common)";
        const why = b.blocked === null ? "" : b.blocked === "text" ? ", text sim too low" : b.blocked === "owners" ? ", no shared owner" : ", text sim too low, no shared owner";
        return `\n        best ${f2(b.sim)}${b.taken ? " (taken)" : ""}${why}: ${act(b)}`;
      };
      for (const m of a.missing) out.push(`      - ${act(m)}${hint(m.best)}`);
      for (const e of a.extra) out.push(`      + ${act(e)}${hint(e.best)}`);
      for (const w of a.wrong) {
        const parts: string[] = [];
        if (!w.owners) parts.push(`owners got [${w.predicted.owners.join(", ")}], want [${w.gold.owners.join(", ")}]`);
        if (!w.deadline) parts.push(`deadline got ${w.predicted.deadline ?? "null"}, want ${w.gold.deadline ?? "null"}`);
        out.push(`      ~ ${q(w.gold.text)}: ${parts.join("; ")}`);
      }
    }
  }
  return out.flatMap((l) => l.split("\n"));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1))}…`;
}
