/**
 * Actions: future work given to an identifiable owner, in the decision text or the background
 * ("Charlotte og Lone laver et oplæg", "Sekretariatet udarbejder udkast til …", "Kommunerne er
 * blevet bedt om at melde tilbage inden …", "Det blev aftalt, at regionen undersøger …").
 * Sentences with no owner ("Der skal arbejdes med …") give no action.
 *
 * A sentence is read as subject + predicate: the subject must name an owner (owners.ts), the
 * predicate must start, within a few words of adverbials, with a verb of doing. Coordinated
 * predicates ("… og sikrer, at … samt orienterer …") give one action each.
 */
import type { Action, Participant } from "./schema.ts";
import type { Paragraph } from "./paragraphs.ts";
import { splitSentences } from "./sentences.ts";
import { noOwnerInPrefixes, noOwnerStartsWith, onlyFirstWordMayOwn, readOwners } from "./owners.ts";
import { findDeadline, type DeadlineContext } from "./deadlines.ts";
import { dk, dkWord, guarded } from "./regex.ts";
import { squash, wordsOf } from "./text.ts";

// Present-tense verbs of doing. Opinions and states (anbefaler, mener, ønsker, har, er) are left
// out on purpose: they give no task.
const ACTION_VERB = dk(
  /^(?:laver|udarbejder|undersøger|sender|fremsender|rundsender|udsender|arbejder|holder|fremskaffer|afsøger|tager|melder|følger|sørger|indkalder|samler|indsamler|fremlægger|giver|inviterer|kontakter|beskriver|forbereder|planlægger|koordinerer|afholder|opdaterer|udpeger|vender|retter|lover|varetager|afklarer|inddrager|bidrager|leverer|præsenterer|tilretter|sikrer|booker|kigger|orienterer|går|skriver|gennemgår|reviderer|udfærdiger|indhenter|tilrettelægger|afrapporterer|formidler|taler|udbreder|implementerer|igangsætter|etablerer|nedsætter|fremsætter|indsender|udsender|afsøger|opretter|tjekker|drøfter|stiller|forelægger|indstiller|sætter|indarbejder)$/i,
);
const MODAL = /^(?:skal|vil|bedes)$/i;
const NOT_AFTER_MODAL = /^(?:få|være|have|kunne|blive|gerne|også|ikke)$/i;
// Verbs that never make a task even inside "det blev aftalt, at …".
const STATE_VERB = /^(?:er|har|mener|ønsker|anbefaler|oplever|finder|hedder|ligger|står|kender|afspejler|indeholder|omfatter|dækker|fungerer|mangler|forventer|vurderer|kan|må|bør|afventer|foreligger|synes|tror)$/i;
const PRESENT = /^\p{Ll}{2,}er$/u;

const REQUEST = guarded(dk(/^(.{2,80}?)\s+(?:bedes|er\s+(?:\S+\s+)?blevet\s+bedt\s+om\s+at|blev\s+bedt\s+om\s+at|opfordres\s+til\s+at)\s+(.+)$/i), "bedes|bedt|opfordres");
const INVERTED_REQUEST = guarded(dkWord(/\bopfordres\s+(.{3,80}?)\s+til\s+at\s+(.+)$/i), "opfordres");
const AGREEMENT = guarded(
  dkWord(
    /\b(?:blev\s+(?:det\s+)?aftalt|det\s+aftales|aftales|aftalte|besluttede|besluttes|blev\s+(?:det\s+)?besluttet|konklusionen\s+blev|blev\s+enige\s+om|er\s+enige\s+om|enighed\s+om),?\s+at\s+(.+)$/i,
  ),
  "aftal|beslut|konklusionen|enig",
);
const V2_LEAD = dk(/^(?:på|i|til|inden|efter|herefter|derefter|derudover|desuden|frem\s+til|senest|snarest|fremover|hurtigst\s+muligt)\b/i);
const RECAP = guarded(
  dkWord(/\b(?:(?:på|ved|fra)\s+(?:det\s+|den\s+)?(?:seneste|sidste|forrige|tidligere)\s+\S*\s*møde|har\s+(?:\S+\s+)?(?:besluttet|godkendt|vedtaget|aftalt))\b/i),
  "møde|besluttet|godkendt|vedtaget|aftalt",
);
const PRESENTING = dk(/^(?:orienterer|fremlægger|præsenterer|gennemgår|redegør|giver\s+en\s+status)\b/i);
// The noun phrase (back to a preposition), "som", a passive verb, "af" and the agent.
const PASSIVE_AGENT = guarded(dk(/((?:\s\p{L}[\p{L}-]*){1,4}?),?\s+som\s+(\p{L}{3,}es)\s+af\s+([^,.;]{2,50}?)\s*[.;]?$/u), "som\\s+\\p{L}{3,}es\\s+af\\s");
// "<the work> <verb>-es af <agent> …": a passive main clause with its agent.
const MAIN_PASSIVE = guarded(
  dk(/^((?:en|et|den|det|de|ny|nyt|nye|\p{Lu})\S*(?:\s+\S+){1,20}?)\s+(\p{Ll}{3,}es)\s+af\s+(\p{Lu}[^,.;]{1,80}?|\p{Ll}+(?:et|en|erne|ne))\s*[.;]?$/u),
  "es\\s+af\\s",
);
// Passives that describe, not assign: "… præges af", "… påvirkes af", "… dækkes af".
const STATE_PASSIVE = /^(?:præges|påvirkes|dækkes|omfattes|kendetegnes|begrænses|styres|ejes|finansieres|bæres|følges)$/i;
const QUOTE = /["“”„«»]/;
// Subordinate tails that say when or why, not what: cut from the task text.
const TAIL = guarded(dk(/,?\s+(?:når|hvorefter|hvis|fordi|idet|mens|således\s+at)\b.*$/i), "når|hvorefter|hvis|fordi|idet|mens|således");
const ADVERBS = dk(/^(?:og|samt|men|derfor|desuden|endvidere|konkret|herefter|derefter|så)\s+/i);

export interface ActionContext extends DeadlineContext {
  participants: Participant[];
}

const tidy = (s: string) => TAIL.replace(squash(s), "").replace(/[\s.;:,]+$/, "").trim();

function isDoing(words: string[], at: number, lenient: boolean): boolean {
  const w = words[at]!.replace(/[,.;:]+$/, "");
  if (MODAL.test(w)) return !!words[at + 1] && !NOT_AFTER_MODAL.test(words[at + 1]!);
  if (ACTION_VERB.test(w)) return true;
  if (/^bliver$/i.test(w) && /^ansvarlig/i.test(words[at + 1] ?? "")) return true;
  if (/^har$/i.test(w) && /opgave/i.test(words.slice(at + 1, at + 4).join(" "))) return true;
  return lenient && PRESENT.test(w) && !STATE_VERB.test(w);
}

/**
 * "<owner> [adverbials] <verb> …" → owners and predicates. `lenient` accepts any present-tense
 * verb (inside an agreement "det blev aftalt, at …", what follows is agreed work).
 */
function readClause(clause: string, ctx: ActionContext, lenient: boolean): { owners: string[]; predicates: string[] } | null {
  const text = clause.trim().replace(ADVERBS, "");
  // The owner is among the first six words: the whole clause is cut into words only once an owner
  // is found. (Eight words or more give n from 6 down, as the whole list would.)
  let words = wordsOf(text, 8);
  // "Det …", "Mødet …": a first word that starts no owner phrase (no prefix need be tried).
  if (words.length >= 2 && noOwnerStartsWith(words[0]!, words[1], ctx.participants)) return null;
  // A first word that starts no owner phrase of any length (looked at with the next two words).
  if (noOwnerInPrefixes(words, ctx.participants)) return null;
  // "Sekretariatet udarbejder …": a body noun with a verb after it owns alone (no longer phrase can).
  let top = Math.min(6, words.length - 1);
  if (top > 1 && onlyFirstWordMayOwn(words, ctx.participants)) top = 1;
  for (let n = top; n >= 1; n--) {
    const owners = readOwners(words.slice(0, n).join(" "), ctx.participants);
    if (!owners) continue;
    if (words.length === 8) words = wordsOf(text);
    const rest = words.slice(n);
    // The predicates: the one that starts the rest and any joined by "og"/"samt"/"," that start with a verb.
    const starts: number[] = [];
    for (let j = 0; j < rest.length; j++) {
      const joined = j === 0 || /^(?:og|samt)$/i.test(rest[j - 1]!) || /,$/.test(rest[j - 1]!);
      const lookahead = j === 0 ? 4 : 1;
      if (!joined) continue;
      for (let v = j; v < Math.min(rest.length, j + lookahead); v++) {
        // "Administrationen vurderer, at forslaget vil …": the verb of a that-clause is not the owner's.
        if (v > j && (STATE_VERB.test(rest[v - 1]!.replace(/[,.;:]+$/, "")) || /,$/.test(rest[v - 1]!))) break;
        if (isDoing(rest, v, lenient)) {
          starts.push(j);
          break;
        }
        if (j > 0) break;
      }
    }
    if (starts.length === 0) return null;
    const predicates = starts.map((s, x) => {
      const end = x + 1 < starts.length ? starts[x + 1]! - 1 : rest.length;
      return tidy(rest.slice(s, end).join(" ").replace(/\s+(?:og|samt)$/i, ""));
    });
    return { owners, predicates: predicates.filter((p) => p.split(" ").length >= 2) };
  }
  return null;
}

/** Actions of one sentence (several where "… og at …" or coordinated verbs give more than one task). */
export function actionsInSentence(sentence: string, ctx: ActionContext, inBackground = false): Action[] {
  const s = sentence.trim();
  if (!s || /\?\s*$/.test(s) || RECAP.test(s)) return [];
  // Quoted text cites another document (a kommissorium, an e-mail): not tasks of this meeting.
  if (inBackground && QUOTE.test(s)) return [];
  const make = (text: string, owners: string[], where = s): Action => {
    const d = findDeadline(where, ctx);
    return { text: tidy(text), owners, deadline: d.deadline, deadlineText: d.deadlineText };
  };

  const agreement = AGREEMENT.exec(s);
  if (agreement) {
    // Another body's decision reported in the background is background, not our agreement.
    if (inBackground) return [];
    const out: Action[] = [];
    let owners: string[] | null = null;
    for (const clause of agreement[1]!.split(/,?\s+og\s+at\s+/i)) {
      const read = readClause(clause, ctx, true);
      if (read) {
        owners = read.owners;
        for (const p of read.predicates) out.push(make(read.predicates.length === 1 ? clause : p, read.owners));
      } else if (owners && /^(?:der\s+)?\p{Ll}/u.test(clause.trim())) {
        // "… og at der gives en status": the task of the owner named before.
        out.push(make(clause, owners));
      }
    }
    if (out.length > 0) return out;
  }

  const request = REQUEST.exec(s);
  if (request) {
    const owners = readOwners(request[1]!.replace(ADVERBS, ""), ctx.participants);
    if (owners) return [make(/bedes\s/i.test(s) ? request[2]!.replace(ADVERBS, "") : s, owners)];
  }
  const inverted = INVERTED_REQUEST.exec(s);
  if (inverted) {
    const owners = readOwners(inverted[1]!, ctx.participants);
    if (owners) return [make(inverted[2]!, owners)];
  }
  if (V2_LEAD.test(s)) {
    // Danish puts the verb second: "Herefter vil Koordineringsgruppen samle …",
    // "På mødet i december fremlægger Jytte og Charlotte erfaringerne …".
    const words = wordsOf(s);
    for (let v = 1; v < Math.min(words.length - 1, 10); v++) {
      if (!isDoing(words, v, false) && !MODAL.test(words[v]!)) continue;
      const after = words.slice(v + 1);
      for (let n = Math.min(5, after.length - 1); n >= 1; n--) {
        const owners = readOwners(after.slice(0, n).join(" "), ctx.participants);
        if (owners) return [make(`${words[v]} ${after.slice(n).join(" ")}`.split(/,\s+og\s+/)[0]!, owners)];
      }
      break;
    }
  }
  // "… godkendt med enkelte rettelser, som indarbejdes af sekretariatet": a passive task with its agent.
  const passive = PASSIVE_AGENT.exec(s);
  if (passive) {
    const owners = readOwners(passive[3]!, ctx.participants);
    if (owners) return [make(`${passive[1]!.trim()}, som ${passive[2]} af ${passive[3]}`, owners)];
  }
  // "Et notat om belægningen udarbejdes af Annette Winther [senest …]": the subject is the work,
  // the agent after "af" its owner.
  const mainPassive = MAIN_PASSIVE.exec(s);
  if (mainPassive && !STATE_PASSIVE.test(mainPassive[2]!)) {
    const agent = mainPassive[3]!.replace(/\s+(?:senest|inden|før|til|i\s+løbet\s+af|hurtigst|snarest|efter)\b.*$/i, "");
    const owners = readOwners(agent, ctx.participants);
    if (owners) return [make(`${mainPassive[1]} ${mainPassive[2]} af ${agent}`, owners)];
  }
  const read = readClause(s, ctx, false);
  // "Marianne Fog orienterer om resultatet" in the case text: what happens at this meeting.
  if (read && inBackground && PRESENTING.test(read.predicates[0] ?? "") && !findDeadline(s, ctx).deadlineText) return [];
  if (read) return read.predicates.map((p) => make(read.predicates.length === 1 ? s : p, read.owners));
  // A task in a second main clause: "Oplægget forelægges X den 1. december, hvorefter
  // sekretariatet udarbejder …", "…, og kommunerne melder tilbage …".
  const second = SECOND_CLAUSE.exec(s);
  if (second) {
    const tail = readClause(second[1]!, ctx, false);
    if (tail) return tail.predicates.map((p) => make(tail.predicates.length === 1 ? second[1]! : p, tail.owners, second[1]!));
  }
  return [];
}

const SECOND_CLAUSE = guarded(dk(/,\s+(?:hvorefter|og|men|mens|så)\s+(\p{Ll}.{8,})$/iu), ",");

/**
 * Actions of an item: background first (requests printed before the meeting), then the
 * decision text. A background that recounts an earlier meeting's decisions, or lists a
 * proposal's points, gives none.
 */
export function findActions(background: Paragraph[], decision: Paragraph[], ctx: ActionContext): Action[] {
  const out: Action[] = [];
  const seen = new Set<string>();
  const scan = (paras: Paragraph[], isBackground: boolean) => {
    let skipList = false;
    for (const p of paras) {
      if (isBackground) {
        // "Følgende blev besluttet … på seneste møde:" — all that follows is a recap.
        if (/:\s*$/.test(p.text) && RECAP.test(p.text)) return;
        if (p.marker && skipList) continue;
        skipList = /:\s*$/.test(p.text) && /foresl|forslag|eksempel|bl\.a\.|f\.eks\./i.test(p.text);
      }
      let last: Action | null = null;
      for (const sentence of splitSentences(p.text)) {
        // "Samt overveje …" continues the task list of the sentence before.
        const samt = /^samt\s+(\p{Ll}.*)$/iu.exec(sentence.trim());
        if (last && samt) {
          const a: Action = { ...last, text: tidy(samt[1]!), at: sentencePosition(p, sentence) };
          out.push(a);
          continue;
        }
        const found = actionsInSentence(sentence, ctx, isBackground).map((a) => ({ ...a, at: sentencePosition(p, sentence) }));
        // "Lene og Mette laver en beskrivelse. Sendes til KØ senest d. 3/4.": an ownerless sentence
        // that goes on with the task gives its deadline to it.
        if (last && last.deadlineText === null && found.length === 0 && /^\p{Lu}\p{Ll}+es\b/u.test(sentence.trim())) {
          const d = findDeadline(sentence, ctx);
          if (d.deadlineText) {
            last.deadline = d.deadline;
            last.deadlineText = d.deadlineText;
            continue;
          }
        }
        for (const a of found) {
          const key = a.text.toLowerCase();
          // "Kommunerne bedes :" names an owner and no task: nothing is left after tidying.
          if (key === "" || seen.has(key)) continue;
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

/** The page and line where a sentence of a paragraph starts: the line holding its first words. */
function sentencePosition(p: Paragraph, sentence: string): { page: number; line: number } | undefined {
  const head = wordsOf(sentence.trim()).slice(0, 3).join(" ");
  const line = p.lines.find((l) => l.text.includes(head)) ?? p.lines.find((l) => head.startsWith(wordsOf(l.text).slice(-2).join(" "))) ?? p.lines[0];
  return line ? { page: line.page, line: line.line } : undefined;
}
