/**
 * Who is to act: a listed person (full name, first name, initials, spelling variant), a list
 * of them ("Charlotte og Lone"), or a body named in the text, in lower case as the contract
 * wants ("sekretariatet", "regionen", "kommunerne", "alle", "hver part").
 */
import { remembered } from "./memo.ts";
import type { Participant } from "./schema.ts";
import { isParticle, mayResolveAfterParticle, mayResolveFrom, resolveOwner } from "./names.ts";
import { wordsOf } from "./text.ts";

// Nouns that name organisations, forums and groups in Danish public administration (definite forms).
const BODY_HEAD =
  /^(?:\p{L}*(?:gruppe[n]?|grupperne|udvalg(?:et)?|udvalgene|forum|fora|foraene|sekretariat(?:et)?|formandskab(?:et)?|ledelse[n]?|direktion(?:en)?|afdeling(?:en|erne)?|forvaltning(?:en)?|administration(?:en)?|region(?:en)?|kommune(?:n|rne)?|hospital(?:et)?|hospitalerne|psykiatri(?:en)?|klynge[n]?|klyngerne|parter(?:ne)?|styregruppe[n]?|råd(?:et)?|cent(?:er|eret|ret|re|rene|erne)|sygehus(?:et|ene)?|skole(?:n|rne)?|institution(?:en|erne)?|ledere?(?:n|ne)?|kontor(?:et|erne)?|enhed(?:en|erne)?|team(?:et)?|netværk(?:et)?|chefer(?:ne)?|direktør(?:en|erne)|repræsentant(?:en|erne)|praksis|konsulent(?:en|erne)|koordinator(?:en|erne)|formand(?:en)?|næstformand(?:en)?|byråd(?:et)?|kommunalbestyrelse[n]?|regionsråd(?:et)?))$/iu;
// The owner reader asks about the same few words (sentence starts) again and again: the answers
// of the (backtracking) body-noun pattern are kept, per word, bounded.
const isBodyHead: (word: string) => boolean = remembered(8_192, (word: string) => BODY_HEAD.test(word));

const ACRONYM = /^[A-ZÆØÅ]{2,6}$/;
const GENERIC = /^(?:alle|hver\s+part|parterne|begge\s+parter)$/i;
// A conjunction or adverb before the subject ("og sekretariatet …"), not part of it.
const LEAD = /^(?:og|samt|men|så|derfor|desuden|endvidere)\s+/i;
const LEAD_WORD = /^(?:og|samt|men|så|derfor|desuden|endvidere)$/i;
// Words that start a sentence but are never actors.
const NOT_ACTOR = /^(?:der|det|den|de|dette|disse|man|vi|i|her|sagen|punktet|emnet|indstillingen|oplægget|status|projektet|mødet|næste|herefter|derefter|desuden|derudover|endvidere)$/i;

export interface OwnerMatch {
  owners: string[];
}

/**
 * Reads a subject noun phrase ("Jan Nybo og Lise Søndergaard", "Driftsgruppens formandskab",
 * "Sekretariatet", "KLU Hjørring") as owners, or null when it names no actor.
 */
// One document asks about the same phrases many times (every sentence start, 1–6 words): the
// answers are remembered per participant list (a WeakMap: gone with the document).
const ANSWERS = new WeakMap<Participant[], Map<string, string[] | null>>();

/**
 * True when no phrase of words joined by single spaces that starts with `word` (then `next`)
 * names an owner, so that the sentence reader need not try the phrase's prefixes one by one. The
 * word must be one that is never an actor ("Det", "der", "Mødet"): then only a participant's name
 * can start there, and
 *  - a word in lower case starts no name (the resolver wants a capital);
 *  - a capitalised word must not fit any listed name (mayResolveFrom);
 *  - after a capitalised particle ("Der", "De") the name would start at the next word, which
 *    must then be a word in lower case that fits no listed name either.
 * Conservative: words that the phrase reader strips or splits at (og, samt, men, "&", ",") say no.
 */
export function noOwnerStartsWith(word: string, next: string | undefined, participants: Participant[]): boolean {
  if (!NOT_ACTOR.test(word) || LEAD_WORD.test(word) || hasSplit(word)) return false;
  if (/^\p{Ll}+$/u.test(word)) return true;
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  if (!isParticle(word)) return !mayResolveFrom(word, participants);
  return next !== undefined && !hasSplit(next) && !mayResolveAfterParticle(word, next, participants);
}

const GENERIC_FIRST = new Set(["alle", "hver", "parterne", "begge"]);
const TRAILING_PUNCT = /[,.;:]+$/;

/**
 * True when readOwners names no owner for the first n words joined by single spaces, for any n ≥ 1:
 * one look at the first three words instead of a reading of every prefix. The phrase's first part
 * (before a list separator) must name the owner, and it starts with the whole first word when that
 * word holds no separator and is no lead word ("og", "så"), so the part can name someone only if:
 *  - it is generic ("alle", "hver part") or a role plural ("repræsentanterne fra …");
 *  - it may be a listed person's name: a capital first (or a title before it), and then
 *    mayResolveFrom (titles and non-letters say yes);
 *  - its first word is a body noun (also as "Xs" + body noun) or an acronym;
 *  - it is a capitalised proper name of 2–3 words ending in a body noun ("Jammerbugt Kommune").
 * Conservative: a second or third word holding a separator says yes.
 */
export function noOwnerInPrefixes(words: readonly string[], participants: Participant[]): boolean {
  const w0 = words[0];
  // (Words as wordsOf cuts them hold no white space; an empty one would shift the words.)
  if (!w0 || words[1] === "" || words[2] === "" || LEAD_WORD.test(w0) || hasSplit(w0)) return false;
  const s0 = w0.replace(TRAILING_PUNCT, "");
  if (GENERIC_FIRST.has(w0.toLowerCase()) || GENERIC_FIRST.has(s0.toLowerCase())) return false;
  if (ROLE_PLURAL.test(w0) || ROLE_PLURAL.test(s0)) return false;
  if (isBodyHead(s0) || (/s$/i.test(w0) && isBodyHead(w0.slice(0, -1)))) return false;
  if (ACRONYM.test(w0) || ACRONYM.test(s0)) return false;
  if (CAPITALISED.test(w0)) {
    const w1 = words[1];
    if (w1 !== undefined && CAPITALISED.test(w1)) {
      if (hasSplit(w1) || isBodyHead(w1.replace(TRAILING_PUNCT, ""))) return false;
      const w2 = words[2];
      if (w2 !== undefined && CAPITALISED.test(w2) && (hasSplit(w2) || isBodyHead(w2.replace(TRAILING_PUNCT, "")))) return false;
    }
  }
  // A person's name starts with a capital (after a title, which may stand in lower case).
  if (!/^\p{Lu}/u.test(w0)) return !TITLE.test(w0);
  return !mayResolveFrom(w0, participants);
}

/**
 * True when readOwners names no owner for the first n words joined by single spaces, for any
 * n ≥ 2, so that only the first word need be read. The first word must start the first part (no
 * lead word, no separator in it or the second word: the part then holds both words whole) and
 * name nobody (a capital and mayResolveFrom, or a title, say it may); nor be generic, a role
 * plural or an acronym. Then the part can only be a body: the first word alone, or followed by a
 * preposition, a capitalised word ("Region Nordjylland") or a body noun ("Driftsgruppens
 * formandskab"). A second word that is none of these leaves the first word alone.
 */
export function onlyFirstWordMayOwn(words: readonly string[], participants: Participant[]): boolean {
  const w0 = words[0];
  const w1 = words[1];
  if (!w0 || !w1 || LEAD_WORD.test(w0) || hasSplit(w0) || hasSplit(w1)) return false;
  const s0 = w0.replace(TRAILING_PUNCT, "");
  if (GENERIC_FIRST.has(w0.toLowerCase()) || GENERIC_FIRST.has(s0.toLowerCase())) return false;
  if (ROLE_PLURAL.test(w0) || ROLE_PLURAL.test(s0) || ACRONYM.test(w0) || ACRONYM.test(s0)) return false;
  if (/^\p{Lu}/u.test(w0) ? mayResolveFrom(w0, participants) : TITLE.test(w0)) return false;
  const s1 = w1.replace(TRAILING_PUNCT, "");
  return !(CAPITALISED.test(w1) || PREPOSITION.test(w1) || PREPOSITION.test(s1) || isBodyHead(s1));
}

/** The titles resolveOwner drops before a name. */
const TITLE = /^(?:direktør|chef|konsulent|formand|sekretær)$/i;

/** A word where the phrase reader may cut a list ("og", "samt" inside it too, "," and "&"). */
function hasSplit(word: string): boolean {
  return word.includes("og") || word.includes("samt") || word.includes(",") || word.includes("&");
}

export function readOwners(phrase: string, participants: Participant[]): string[] | null {
  let answers = ANSWERS.get(participants);
  if (!answers) ANSWERS.set(participants, (answers = new Map()));
  const known = answers.get(phrase);
  if (known !== undefined) return known && [...known];
  const found = readOwnersUncached(phrase, participants);
  answers.set(phrase, found);
  return found && [...found];
}

function readOwnersUncached(phrase: string, participants: Participant[]): string[] | null {
  const cleaned = phrase.replace(LEAD, "").trim();
  if (!cleaned) return null;
  // Most phrases hold no list: the split's separators all need one of these (and cleaned is non-empty).
  const list = cleaned.includes(",") || cleaned.includes("&") || cleaned.includes("og") || cleaned.includes("samt");
  const parts = list ? cleaned.split(/\s*(?:,|\bog\b|\bsamt\b|&)\s*/).filter(Boolean) : [cleaned];
  const owners: string[] = [];
  for (const part of parts) {
    const one = readOneOwner(part, participants);
    if (!one) return null;
    owners.push(one);
  }
  return owners.length > 0 ? [...new Set(owners)] : null;
}

const PREPOSITION = /^(?:for|fra|i|på|under|ved|hos)$/i;
// "Repræsentanterne fra PIU", "medlemmerne fra X": the people stand for their organisation.
const ROLE_PLURAL = /^(?:repræsentant(?:en|erne)|medlem(?:met|merne)|deltager(?:en|ne)|folk(?:ene)?)$/i;
const CAPITALISED = /^[\p{Lu}]/u;

function readOneOwner(part: string, participants: Participant[]): string | null {
  const p = part.trim().replace(/[,.;:]+$/, "");
  if (!p || NOT_ACTOR.test(p)) return null;
  if (GENERIC.test(p)) return p.toLowerCase();
  const person = resolveOwner(p, participants);
  if (person) return person;
  // More than five words name no body: six are enough to know (and then words is every word).
  const words = wordsOf(p, 6);
  if (words.length > 5) return null;
  const [w0, w1] = [words[0]!, words[1]];
  if (NOT_ACTOR.test(w0)) return null;
  if (ROLE_PLURAL.test(w0) && w1 && /^fra$/i.test(w1) && words.length <= 4) return words.slice(2).join(" ").toLowerCase();
  // "Region Nordjylland", "Jammerbugt Kommune", "Aalborg Universitetshospital": a body's proper name.
  if (words.length >= 2 && words.length <= 3 && words.every((w) => CAPITALISED.test(w)) && (isBodyHead(w0) || isBodyHead(words.at(-1)!))) {
    return p.toLowerCase();
  }
  // "Sekretariatet", "Koordineringsgruppen", "Formandskabet for driftsgruppen"
  if (isBodyHead(w0)) {
    if (words.length === 1) return p.toLowerCase();
    if (w1 && PREPOSITION.test(w1) && words.length <= 4 && words.slice(2).every((w) => CAPITALISED.test(w) || isBodyHead(w))) return p.toLowerCase();
    return null;
  }
  // "Driftsgruppens formandskab"
  if (words.length === 2 && /s$/i.test(w0) && isBodyHead(w0.slice(0, -1)) && isBodyHead(w1!)) return p.toLowerCase();
  // "PLO", "KLU Hjørring"
  if (ACRONYM.test(w0) && (words.length === 1 || (words.length === 2 && CAPITALISED.test(w1!)))) return p.toLowerCase();
  return null;
}
