/**
 * Who is to act: a listed person (full name, first name, initials, spelling variant), a list
 * of them ("Charlotte og Lone"), or a body named in the text, in lower case as the contract
 * wants ("sekretariatet", "regionen", "kommunerne", "alle", "hver part").
 */
import type { Participant } from "./schema.ts";
import { resolveOwner } from "./names.ts";

// Nouns that name organisations, forums and groups in Danish public administration (definite forms).
const BODY_HEAD =
  /^(?:\p{L}*(?:gruppe[n]?|grupperne|udvalg(?:et)?|udvalgene|forum|fora|foraene|sekretariat(?:et)?|formandskab(?:et)?|ledelse[n]?|direktion(?:en)?|afdeling(?:en|erne)?|forvaltning(?:en)?|administration(?:en)?|region(?:en)?|kommune(?:n|rne)?|hospital(?:et)?|hospitalerne|psykiatri(?:en)?|klynge[n]?|klyngerne|parter(?:ne)?|styregruppe[n]?|råd(?:et)?|cent(?:er|eret|ret|re|rene|erne)|sygehus(?:et|ene)?|skole(?:n|rne)?|institution(?:en|erne)?|ledere?(?:n|ne)?|kontor(?:et|erne)?|enhed(?:en|erne)?|team(?:et)?|netværk(?:et)?|chefer(?:ne)?|direktør(?:en|erne)|repræsentant(?:en|erne)|praksis|konsulent(?:en|erne)|koordinator(?:en|erne)|formand(?:en)?|næstformand(?:en)?|byråd(?:et)?|kommunalbestyrelse[n]?|regionsråd(?:et)?))$/iu;
const ACRONYM = /^[A-ZÆØÅ]{2,6}$/;
const GENERIC = /^(?:alle|hver\s+part|parterne|begge\s+parter)$/i;
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
  const cleaned = phrase.replace(/^(?:og|samt|men|så|derfor|desuden|endvidere)\s+/i, "").trim();
  if (!cleaned) return null;
  const parts = cleaned.split(/\s*(?:,|\bog\b|\bsamt\b|&)\s*/).filter(Boolean);
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
  const words = p.split(/\s+/);
  if (words.length > 5) return null;
  const [w0, w1] = [words[0]!, words[1]];
  if (NOT_ACTOR.test(w0)) return null;
  if (ROLE_PLURAL.test(w0) && w1 && /^fra$/i.test(w1) && words.length <= 4) return words.slice(2).join(" ").toLowerCase();
  // "Region Nordjylland", "Jammerbugt Kommune", "Aalborg Universitetshospital": a body's proper name.
  if (words.length >= 2 && words.length <= 3 && words.every((w) => CAPITALISED.test(w)) && (BODY_HEAD.test(w0) || BODY_HEAD.test(words.at(-1)!))) {
    return p.toLowerCase();
  }
  // "Sekretariatet", "Koordineringsgruppen", "Formandskabet for driftsgruppen"
  if (BODY_HEAD.test(w0)) {
    if (words.length === 1) return p.toLowerCase();
    if (w1 && PREPOSITION.test(w1) && words.length <= 4 && words.slice(2).every((w) => CAPITALISED.test(w) || BODY_HEAD.test(w))) return p.toLowerCase();
    return null;
  }
  // "Driftsgruppens formandskab"
  if (words.length === 2 && /s$/i.test(w0) && BODY_HEAD.test(w0.slice(0, -1)) && BODY_HEAD.test(w1!)) return p.toLowerCase();
  // "PLO", "KLU Hjørring"
  if (ACRONYM.test(w0) && (words.length === 1 || (words.length === 2 && CAPITALISED.test(w1!)))) return p.toLowerCase();
  return null;
}
