/**
 * Actions: future work given to an identifiable owner, in the decision text or the background
 * ("Charlotte og Lone laver et oplæg", "Sekretariatet udarbejder udkast til …", "Kommunerne er
 * blevet bedt om at melde tilbage inden …", "Det blev aftalt, at regionen undersøger …").
 * Sentences with no owner ("Der skal arbejdes med …") give no action.
 */
import type { Action, Participant } from "./schema.ts";
import type { Paragraph } from "./paragraphs.ts";
import { splitSentences } from "./sentences.ts";
import { readOwners } from "./owners.ts";
import { findDeadline, type DeadlineContext } from "./deadlines.ts";

// Present-tense verbs of doing (what an owner is to do). Opinions and states (anbefaler,
// mener, ønsker, har, er) are left out on purpose: they give no task.
const ACTION_VERBS =
  "laver|udarbejder|undersøger|sender|fremsender|rundsender|udsender|arbejder|holder|fremskaffer|afsøger|tager|melder|følger|sørger|indkalder|samler|indsamler|fremlægger|giver|inviterer|kontakter|beskriver|forbereder|planlægger|koordinerer|afholder|opdaterer|udpeger|vender|retter|lover|varetager|afklarer|vurderer|inddrager|bidrager|leverer|præsenterer|tilretter|sikrer|booker|finder|kigger|orienterer|går|skriver|udsender|gennemgår|reviderer|udfærdiger|indhenter|tilrettelægger|afrapporterer|fremsætter|formidler|deltager|genoptager|drøfter";
const MODAL = "skal|vil|bedes";
const SUBJECT_VERB = new RegExp(`^(.{2,80}?)\\s+((?:${ACTION_VERBS}|${MODAL})(?=\\s|,)\\b)(.*)$`, "iu");
const REQUEST = /^(.{2,80}?)\s+(?:bedes|er\s+(?:\S+\s+)?blevet\s+bedt\s+om\s+at|blev\s+bedt\s+om\s+at|opfordres\s+til\s+at)\s+(.+)$/iu;
const INVERTED_REQUEST = /\bopfordres\s+(.{3,80}?)\s+til\s+at\s+(.+)$/iu;
const AGREEMENT = /\b(?:blev\s+(?:det\s+)?aftalt|det\s+aftales|aftales|aftalte|besluttede|besluttes|blev\s+(?:det\s+)?besluttet|konklusionen\s+blev|blev\s+enige\s+om|er\s+enige\s+om|enighed\s+om),?\s+at\s+(.+)$/iu;
const V2 = new RegExp(
  `^(?:på|i|til|inden|efter|herefter|derefter|derudover|desuden|frem\\s+til|senest|snarest|fremover)\\b[^,.]*?\\s((?:${ACTION_VERBS}|${MODAL})(?=\\s)\\b)\\s+(.+)$`,
  "iu",
);
const RECAP = /\b(?:(?:på|ved|fra)\s+(?:det\s+|den\s+)?(?:seneste|sidste|forrige|tidligere)\s+\S*\s*møde|har\s+(?:\S+\s+)?(?:besluttet|godkendt|vedtaget|aftalt))\b/i;
const QUESTION = /\?\s*$/;

export interface ActionContext extends DeadlineContext {
  participants: Participant[];
}

const tidy = (s: string) => s.replace(/\s+/g, " ").replace(/[\s.;:,]+$/, "").trim();

/** Actions of one sentence (several where "… og at …" gives more than one task). */
export function actionsInSentence(sentence: string, ctx: ActionContext): Action[] {
  const s = sentence.trim();
  if (!s || QUESTION.test(s) || RECAP.test(s)) return [];

  const agreement = AGREEMENT.exec(s);
  if (agreement) {
    const clauses = agreement[1]!.split(/,?\s+og\s+at\s+/i);
    const out: Action[] = [];
    let owners: string[] | null = null;
    for (const clause of clauses) {
      const a = subjectAction(clause, ctx, owners);
      if (a) {
        owners = a.owners;
        out.push(a);
      }
    }
    if (out.length > 0) return out;
  }

  const request = REQUEST.exec(s);
  if (request) {
    const owners = readOwners(stripAdverbs(request[1]!), ctx.participants);
    if (owners) return [make(tidy(s), owners, s, ctx)];
  }
  const inverted = INVERTED_REQUEST.exec(s);
  if (inverted) {
    const owners = readOwners(inverted[1]!, ctx.participants);
    if (owners) return [make(tidy(inverted[2]!), owners, s, ctx)];
  }
  const v2 = V2.exec(s);
  if (v2) {
    const words = v2[2]!.split(/\s+/);
    for (let n = Math.min(5, words.length - 1); n >= 1; n--) {
      const owners = readOwners(words.slice(0, n).join(" "), ctx.participants);
      if (owners) return [make(tidy(`${v2[1]} ${words.slice(n).join(" ")}`.split(/,\s+og\s+/)[0]!), owners, s, ctx)];
    }
  }
  const a = subjectAction(s, ctx, null);
  return a ? [a] : [];
}

/** "<owner> <verb> …" → an action; `inherit` gives the owner of a clause that names none ("og at der gives …"). */
function subjectAction(clause: string, ctx: ActionContext, inherit: string[] | null): Action | null {
  const c = clause.trim();
  const m = SUBJECT_VERB.exec(c);
  if (m) {
    const owners = readOwners(stripAdverbs(m[1]!), ctx.participants);
    if (owners) return make(tidy(c), owners, c, ctx);
  }
  if (inherit && /^(?:der\s+)?\p{Ll}/u.test(c)) return make(tidy(c), inherit, c, ctx);
  return null;
}

function stripAdverbs(subject: string): string {
  return subject.replace(/^(?:og|samt|men|derfor|desuden|endvidere|konkret|herefter|derefter)\s+/i, "").trim();
}

function make(text: string, owners: string[], sentence: string, ctx: ActionContext): Action {
  const d = findDeadline(sentence, ctx);
  return { text, owners, deadline: d.deadline, deadlineText: d.deadlineText };
}

/**
 * Actions of an item: background first (requests printed before the meeting), then the
 * decision text. A background that recounts an earlier meeting's decisions gives none.
 */
export function findActions(background: Paragraph[], decision: Paragraph[], ctx: ActionContext): Action[] {
  const out: Action[] = [];
  const seen = new Set<string>();
  const scan = (paras: Paragraph[], isBackground: boolean) => {
    for (const p of paras) {
      // "Følgende blev besluttet … på seneste møde:" — what follows is a recap.
      if (isBackground && /:\s*$/.test(p.text) && RECAP.test(p.text)) return;
      let last: Action | null = null;
      for (const sentence of splitSentences(p.text)) {
        // "Samt overveje …" continues the task list of the sentence before.
        if (last && /^samt\s+\p{Ll}/iu.test(sentence.trim())) {
          const a = make(tidy(sentence.trim().replace(/^samt\s+/i, "")), last.owners, sentence, ctx);
          out.push(a);
          continue;
        }
        const found = actionsInSentence(sentence, ctx);
        for (const a of found) {
          const key = a.text.toLowerCase();
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(a);
        }
        last = found.at(-1) ?? null;
      }
    }
  };
  scan(background, true);
  scan(decision, false);
  return out;
}
