/**
 * Who is to act: a listed person (full name, first name, initials, spelling variant), a list
 * of them ("Charlotte og Lone"), or a body named in the text, in lower case as the contract
 * wants ("sekretariatet", "regionen", "kommunerne", "alle", "hver part").
 */
import type { Participant } from "./schema.ts";
import { resolveOwner } from "./names.ts";

// Nouns that name organisations, forums and groups in Danish public administration (definite forms).
const BODY_HEAD =
  /^(?:\p{L}*(?:gruppe[n]?|grupperne|udvalg(?:et)?|udvalgene|forum|fora|foraene|sekretariat(?:et)?|formandskab(?:et)?|ledelse[n]?|direktion(?:en)?|afdeling(?:en|erne)?|forvaltning(?:en)?|administration(?:en)?|region(?:en)?|kommune(?:n|rne)?|hospital(?:et)?|hospitalerne|psykiatri(?:en)?|klynge[n]?|klyngerne|parter(?:ne)?|styregruppe[n]?|råd(?:et)?|center|centret|centeret|enhed(?:en)?|team(?:et)?|netværk(?:et)?|chefer(?:ne)?|direktør(?:en|erne)|repræsentant(?:en|erne)|praksis|konsulent(?:en|erne)|koordinator(?:en|erne)|formand(?:en)?|næstformand(?:en)?|byråd(?:et)?|kommunalbestyrelse[n]?|regionsråd(?:et)?))$/iu;
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
export function readOwners(phrase: string, participants: Participant[]): string[] | null {
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

function readOneOwner(part: string, participants: Participant[]): string | null {
  const p = part.trim();
  if (!p || NOT_ACTOR.test(p)) return null;
  if (GENERIC.test(p)) return p.toLowerCase();
  const person = resolveOwner(p, participants);
  if (person) return person;
  const words = p.split(/\s+/);
  if (words.length > 4) return null;
  const first = words[0]!;
  if (NOT_ACTOR.test(first)) return null;
  // "Driftsgruppens formandskab", "Sekretariatet", "Repræsentanterne fra PIU", "KLU Hjørring"
  if (words.some((w) => BODY_HEAD.test(w.replace(/s$/, "")) || BODY_HEAD.test(w)) || ACRONYM.test(first)) {
    return p.toLowerCase();
  }
  return null;
}
