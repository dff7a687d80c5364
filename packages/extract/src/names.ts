/**
 * Person names: recognising a name, resolving a mention ("Charlotte", "IKA", "Lisbeth Lagoni",
 * "Daniel Kjærsgaard Simonsen") to the participant list, and deciding whether two printed names
 * are the same person (to merge people across meetings).
 *
 * Whole-name string distance cannot separate people ("Charlotte Larsen"/"Charlotte Fuglesang"
 * score higher than "Inge Kjær Andersen"/"Inge Andersen"; shared/notes/dependencies.md), so names
 * are compared part by part: the first name exactly (after folding æ/ø/å), the surname by
 * distance (spelling variants "Kjærgaard"/"Kjærsgaard"), middle names may be missing.
 */
import { remembered } from "./memo.ts";
import { DamerauLevenshteinDistance, JaroWinklerDistance } from "natural/lib/natural/distance/index.js";
import { fold } from "./text.ts";

/** Name particles that stand in lower case inside Danish/foreign names. */
const PARTICLES = new Set(["de", "da", "del", "van", "von", "der", "den", "la", "le", "du", "af", "zu", "di", "el", "al", "bin"]);

/**
 * The parts of a name: words, with hyphenated surnames kept whole ("Aarup-Kristensen"), particles
 * left out. Remembered and shared: callers only read them.
 */
const partsOf: (name: string) => readonly string[] = remembered(8_192, (name: string) =>
  name
    .replace(/[(),;]/g, " ")
    .split(/\s+/)
    .filter((p) => p && !PARTICLES.has(p.toLowerCase())),
);

// Every owner phrase is compared with every participant, part by part: the folded form of a part
// and the distance verdict of two folded parts are remembered (bounded, like fold's own memo).
const SIMILAR = new Map<string, Map<string, boolean>>();
let similarSize = 0;

/** A part as compared: folded, a trailing dot (of an initial) off. */
const partKey: (part: string) => string = remembered(8_192, (part: string) => fold(part).replace(/\.$/, ""));

/** partKey of every part of a name, remembered per name. */
const keysOf: (name: string) => readonly string[] = remembered(8_192, (name: string) => partsOf(name).map(partKey));

/**
 * Two name parts, by their keys (partKey), are one name in two spellings (folded; surnames by
 * edit/Jaro-Winkler distance).
 */
function sameKey(x: string, y: string, strict: boolean): boolean {
  if (x === y) return true;
  // An initial "I." stands for any part with that first letter.
  if ((x.length === 1 || y.length === 1) && x[0] === y[0]) return true;
  // Hyphenated surnames: "Aarup-Kristensen" matches "Kristensen" (people drop one half).
  if (x.includes("-") || y.includes("-")) {
    const xs = x.split("-");
    const ys = y.split("-");
    if (xs.some((p) => ys.includes(p))) return true;
  }
  if (strict) return false;
  const shorter = Math.min(x.length, y.length);
  if (shorter < 4) return false;
  let row = SIMILAR.get(x);
  let similar = row?.get(y);
  if (similar === undefined) {
    // One edit (a swap counts one: Rohde/Rhode) in a short name, two in a long one, and close
    // overall by Jaro-Winkler (Kjærgaard/Kjærsgaard), which keeps Hansen/Jansen apart.
    const maxEdits = shorter >= 8 ? 2 : 1;
    similar = DamerauLevenshteinDistance(x, y) <= maxEdits && JaroWinklerDistance(x, y) >= 0.9;
    if (similarSize > 16_384) {
      SIMILAR.clear();
      similarSize = 0;
      row = undefined;
    }
    if (!row) SIMILAR.set(x, (row = new Map()));
    row.set(y, similar);
    similarSize++;
  }
  return similar;
}

/**
 * True when a and b name the same person: same first name (folded), same last name (within a
 * spelling variant), and every middle name of the shorter found in order in the longer.
 * "Lisbeth Lagoni" = "Lisbeth Kjær Lagoni"; "Charlotte Larsen" ≠ "Charlotte Fuglesang".
 */
export function sameName(a: string, b: string): boolean {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (pa.length < 2 || pb.length < 2) return pa.length === pb.length && pa.length === 1 && fold(pa[0]!) === fold(pb[0]!);
  return sameKeysName(keysOf(a), keysOf(b));
}

/** sameName of two names of two parts or more, on their parts' keys. */
function sameKeysName(ka: readonly string[], kb: readonly string[]): boolean {
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (!sameKey(short[0]!, long[0]!, true)) return false;
  if (!sameKey(short[short.length - 1]!, long[long.length - 1]!, false)) return false;
  // Middle parts of the shorter name appear in order among the middle parts of the longer one.
  let j = 1;
  for (let i = 1; i < short.length - 1; i++) {
    while (j < long.length - 1 && !sameKey(short[i]!, long[j]!, false)) j++;
    if (j >= long.length - 1) return false;
    j++;
  }
  return true;
}

/** Initials a person may sign with: "IKA" (all parts), "IA" (first+last), "SAA" (first + two of last). */
export function initialsOf(name: string): Set<string> {
  return new Set(initialsShared(name));
}

/** initialsOf, remembered per name for the resolver, which asks for every participant. */
const initialsShared: (name: string) => ReadonlySet<string> = remembered(8_192, (name: string) => initialsUncached(name));

function initialsUncached(name: string): Set<string> {
  const parts = partsOf(name).map((p) => p.replace(/\.$/, ""));
  const out = new Set<string>();
  if (parts.length < 2) return out;
  const first = (p: string) => p[0]!.toUpperCase();
  const hyphenFirsts = (p: string) => p.split("-").map(first).join("");
  const all = parts.map(first).join("");
  out.add(all);
  out.add(parts.map(hyphenFirsts).join(""));
  const firstPart = parts[0]!;
  const last = parts[parts.length - 1]!;
  out.add(first(firstPart) + first(last));
  // Danish workplaces often use first letter of the first name + two of the surname ("SAA"),
  // or two of the first name + first of the surname.
  out.add(first(firstPart) + last.slice(0, 2).toUpperCase());
  out.add(firstPart.slice(0, 2).toUpperCase() + first(last));
  // Old spelling: "Å" is "AA" ("Aalund" ~ "Ålund").
  for (const x of [...out]) if (x.includes("Å")) out.add(x.replace(/Å/g, "AA"));
  return out;
}

/** A mention that is initials: 2–5 capitals (æøå included), nothing else. */
export function isInitials(mention: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(mention.trim());
}

interface Named {
  name: string;
}

/**
 * What the resolver needs of each listed name, worked out once per participant list: the folded
 * name and the parts. Kept per list object and checked against the names on every use (the
 * participant reader appends to its list while it resolves sign-offs), so it is never stale.
 */
interface Roster {
  names: string[];
  folded: string[];
  parts: (readonly string[])[];
  keys: (readonly string[])[];
  /** The folded last part of names of two parts or more. */
  lastFolded: (string | null)[];
  foldedSet: Set<string>;
  /** The folded first space-separated word of every name, and the folded last parts. */
  firstWordFolds: Set<string>;
  lastFoldedSet: Set<string | null>;
  /** How many plain spaces the listed names have. */
  spaceCounts: Set<number>;
  /** What sameKey(x, first key, strict) can agree with, for names of two parts or more and for all. */
  firstOfLong: FirstKeys;
  firstOfAll: FirstKeys;
}

/**
 * The first keys of a list of names, for a quick answer to "can a strict sameKey(x, one of them)
 * be true?". Strictly, keys agree when equal, when one is an initial of the other's first letter,
 * or when hyphenated halves are shared: without x among the keys and no hyphen on either side, a
 * one-letter x agrees only with a key of its letter, a longer one only with a one-letter key.
 */
interface FirstKeys {
  keys: Set<string>;
  initials: Set<string>;
  /** The first letters of the keys: what a one-letter x can agree with. */
  letters: Set<string>;
  hyphen: boolean;
}

function firstKeys(keys: readonly string[]): FirstKeys {
  return {
    keys: new Set(keys),
    initials: new Set(keys.filter((k) => k.length === 1).map((k) => k[0]!)),
    letters: new Set(keys.filter((k) => k.length > 0).map((k) => k[0]!)),
    hyphen: keys.some((k) => k.includes("-")),
  };
}

function mayAgree(x: string, f: FirstKeys): boolean {
  if (f.keys.has(x) || f.hyphen || x.includes("-")) return true;
  return x.length === 1 ? f.letters.has(x) : x.length > 0 && f.initials.has(x[0]!);
}

const ROSTERS = new WeakMap<readonly Named[], Roster>();

function rosterOf(participants: readonly Named[]): Roster {
  const known = ROSTERS.get(participants);
  if (known && known.names.length === participants.length && known.names.every((n, i) => n === participants[i]!.name)) return known;
  const names = participants.map((p) => p.name);
  const parts = names.map(partsOf);
  const lastFolded = parts.map((pp) => (pp.length > 1 ? fold(pp[pp.length - 1]!) : null));
  const keys = names.map(keysOf);
  const folded = names.map(fold);
  const roster = {
    names,
    folded,
    parts,
    keys,
    lastFolded,
    foldedSet: new Set(folded),
    firstWordFolds: new Set(names.map((n) => fold(n.split(" ")[0]!))),
    lastFoldedSet: new Set(lastFolded),
    spaceCounts: new Set(names.map(spaces)),
    firstOfLong: firstKeys(keys.filter((k) => k.length >= 2).map((k) => k[0]!)),
    firstOfAll: firstKeys(keys.map((k) => k[0] ?? "")),
  };
  ROSTERS.set(participants, roster);
  return roster;
}

/** The number of plain spaces (U+0020) in a text. */
function spaces(text: string): number {
  let n = 0;
  for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) n++;
  return n;
}

/** The one name among the matches, or null when none or several people match. */
function uniqueName(names: string[]): string | null {
  const distinct = new Set(names);
  return distinct.size === 1 ? names[0]! : null;
}

/**
 * The participant a mention refers to, or null when none or more than one fits.
 * Tries, in order: the same name (spelling variants, missing middle names), initials,
 * a unique first name ("Charlotte"), a unique surname ("Aalund").
 */
export function resolveOwner(mention: string, participants: readonly Named[]): string | null {
  const m = mention
    .replace(/^(?:direktør|chef|konsulent|formand|sekretær)\s+/i, "")
    .replace(/[.,:;]+$/, "")
    .trim();
  // A person's name, or initials, starts with a capital: "der gives", "og at" name nobody (and
  // most phrases a sentence reader tries are such), so they are answered without comparing.
  if (!m || !/^\p{Lu}/u.test(m)) return null;
  const roster = rosterOf(participants);
  const { names, folded, parts: listed, keys, lastFolded } = roster;
  // fold() keeps every plain space (nothing folds to or from one), so a listed name can equal the
  // mention only with as many spaces: the fold of longer phrases is not needed.
  if (roster.spaceCounts.has(spaces(m))) {
    const foldedM = fold(m);
    if (roster.foldedSet.has(foldedM)) return uniqueName(names.filter((_, i) => folded[i] === foldedM));
  }
  if (isInitials(m)) {
    const upper = m.toUpperCase();
    return uniqueName(names.filter((n) => initialsShared(n).has(upper)));
  }
  const parts = partsOf(m);
  if (parts.length >= 2) {
    // Both tests below need the first names to agree (strictly) and a listed name of two parts
    // or more: find those people once.
    const first = partKey(parts[0]!);
    if (!mayAgree(first, roster.firstOfLong)) return null;
    const firstAgrees: number[] = [];
    for (let i = 0; i < names.length; i++) if (listed[i]!.length >= 2 && sameKey(first, keys[i]![0]!, true)) firstAgrees.push(i);
    const mk = keysOf(m);
    const same = firstAgrees.filter((i) => sameKeysName(mk, keys[i]!));
    if (same.length) return uniqueName(same.map((i) => names[i]!));
    // "Jytte Thøgersen" where the list has "Jytte Egetoft Thøgersen" is handled above; a first
    // name plus a middle name used as surname ("Inge Kjær") is tried next.
    const looser = firstAgrees.filter((i) => {
      const kk = keys[i]!;
      return kk.length > mk.length && mk.slice(1).every((x) => kk.slice(1).some((y) => sameKey(x, y, false)));
    });
    return looser.length ? uniqueName(looser.map((i) => names[i]!)) : null;
  }
  if (parts.length === 1 && /^\p{Lu}/u.test(parts[0]!)) {
    const w = parts[0]!;
    const first = partKey(w);
    // (A name with no parts at all compares as "", as partKey("") is "".)
    const byFirst = mayAgree(first, roster.firstOfAll) ? names.filter((_, i) => sameKey(first, keys[i]![0] ?? "", true)) : [];
    if (byFirst.length) return uniqueName(byFirst);
    const foldedW = fold(w);
    const byLast = names.filter((_, i) => lastFolded[i] === foldedW);
    return uniqueName(byLast);
  }
  return null;
}

/**
 * False when no mention that starts with `word` and a space (or is the word alone) can resolve:
 * for a word of letters only that is no particle and no title (resolveOwner's first part is then
 * the word itself). A listed name equal to the mention must fold to the same first word, as fold
 * works word by word and keeps the spaces; a first-name or surname match needs the word's key to
 * agree with a listed first part or equal a listed last part.
 */
export function mayResolveFrom(word: string, participants: readonly Named[]): boolean {
  if (!/^\p{L}+$/u.test(word) || isParticle(word) || /^(?:direktør|chef|konsulent|formand|sekretær)$/i.test(word)) return true;
  const roster = rosterOf(participants);
  return roster.firstWordFolds.has(fold(word)) || mayBeNamePart(word, roster);
}

/**
 * mayResolveFrom for a mention that starts with a particle ("De", "Der") and a word in lower case
 * (no particle, no title): the particle is no part of a name, so the name would start at `next`.
 */
export function mayResolveAfterParticle(particle: string, next: string, participants: readonly Named[]): boolean {
  if (!/^\p{L}+$/u.test(particle) || !isParticle(particle) || !/^\p{Ll}+$/u.test(next) || isParticle(next)) return true;
  const roster = rosterOf(participants);
  return roster.firstWordFolds.has(fold(particle)) || mayBeNamePart(next, roster);
}

/** A first part that may agree with a listed first name, or equal a listed surname. */
function mayBeNamePart(word: string, roster: Roster): boolean {
  return roster.lastFoldedSet.has(fold(word)) || mayAgree(partKey(word), roster.firstOfAll);
}

/** "de", "van", "von": a word that stands in lower case inside a name and is no part of it here. */
export function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

/** Splits a list of mentions: "Charlotte og Lone", "LKL og SAA", "A, B og C", "A/B". */
export function splitMentions(mention: string): string[] {
  return mention
    .split(/\s*(?:,|\bog\b|&|\/|\bsamt\b)\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Resolves each mention of a list; unresolved mentions are left out. */
export function resolveOwners(mention: string, participants: readonly Named[]): string[] {
  const out: string[] = [];
  for (const part of splitMentions(mention)) {
    const r = resolveOwner(part, participants);
    if (r && !out.includes(r)) out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Recognising names. Danish given names are a closed, well-known set; knowing the common ones
// separates "Leder af Sund Info Lise Søndergaard" (title, then a name from "Lise") and tells a
// person ("Camilla Donslund") from a capitalised organisation ("Novo Nordisk").

const FIRST_NAMES = new Set(
  (
    "adam agnete aksel alberte albert alexander alfred ali allan alma amalie anders andreas anette anita anja " +
    "ann anna anne annette anni arne asger astrid august axel benedikte bent bente berit birgit birgitte birte " +
    "bjarne bjørn bo bodil brian britt britta bruno camilla carl carina carina carsten caroline casper cecilie " +
    "charlotte christa christian christina christine christoffer claus connie dan daniel david dennis ditte " +
    "dorte dorthe ebbe eigil einar ejner elin elisabeth elise ella ellen else emil emilie emma erik erling " +
    "esben ester eva ewa fie finn flemming frank frederik frede freja frida gerda gitte grethe gunhild gustav " +
    "gyda hanna hanne hans harald heidi helen helene helga helle henning henriette henrik herdis hugo ib ida " +
    "inga inge inger ingolf ingrid irene iris isabella ivan jacob jakob jan jane janne jannie jens jeanette " +
    "jeppe jesper jette jimmy joachim johan johanne johannes john jonas jonathan jon jørgen jørn josefine " +
    "julie jytte kaj karen kari karin karina karl karoline kasper katrine keld kenneth kent kim kirsten " +
    "kirstine klaus knud kristian kristina kristine kurt lars lasse laura lauritz lea lena lene leif lilian " +
    "lilly lina line linda lis lisa lisbet lisbeth lise liselotte lone lotte louise lucas ludvig maja maj " +
    "malene mads magnus maiken margit margrethe maria marianne marie marlene martha martin mathias mathilde " +
    "mette michael michala mie mikael mikkel mogens morten natasja niels nikolaj nina noah ole oliver olivia " +
    "oluf otto ove palle per pernille peter pia poul preben rasmus rebekka rene rikke rita robert rolf rune " +
    "sabrina sanne sara sarah sebastian signe simon sine sisse sofia sofie solveig sonja steen sten stig " +
    "susanne svend søren sørine tage thomas thor thorkild tim tina tine tobias tom tommy tonny tove troels " +
    "trine tue uffe ulla ulrik ulrich vagn valdemar vera vibeke victor viggo vilhelm villads vivi william " +
    "yvonne åse aase ane ask benny bettina betina bibi birthe britta charlott dorit dorthea edith ejnar elsebeth " +
    "eske evald gert gerda grete hasse heine helmer hjalte iben ingeborg jens-peter jesper johnny kathrine " +
    "kenn kristoffer laila lajla lykke marius mia mona naja nanna niklas oscar oskar pauline rie ruth sidsel " +
    "signe stina susan sussie tanja thea theis tonje torben tove ulf vivian zenia anne-mette lise-lotte " +
    "marie-louise hans-henrik carl-christian per-henrik rene lene-marie torkil thorkil thorkild torkild aage " +
    "arnold asbjørn bertel birk bodil børge carsten christen dagmar dorrit egon ejvind elna erna esther " +
    "evy finnur folmer frands gudrun gunnar gunner hanne-lene harry helmuth hjørdis holger inga-lill " +
    "jette-marie jonna jimmi kaare kåre karsten kell kjeld kirstin knud-erik laurids lillian lisette " +
    "magda majbritt maibritt mai merete merethe mikala minna mogens morten nancy niels-christian nis " +
    "ole-christian orla ove palle paw peder poul-erik ragnhild rikard rosa rudi sigrid sonny steffen " +
    "susie svenning søs tenna tim tonni trond turid uwe vibe villy vinnie winnie walther aksel-erik " +
    "annemette annemarie annelise birgithe charlottte dorthea gitta hanna-maria jacqueline jeanett " +
    "katja kristel lisbeth-marie lærke malou marianna mette-marie pia-maria sascha stine tenna trine-lise " +
    "ulrikke vivi-ann henny erling-jørgen jens-ole per-ole søren-erik carl-erik ib-erik ahmed ali " +
    "mohammed mohamad fatima hassan omar yasmin sara leila mustafa ibrahim mehmet"
  ).split(/\s+/),
);

/** True when the word is a common Danish given name (compound given names included). */
export function isKnownFirstName(word: string): boolean {
  const w = word.toLowerCase().replace(/[.,]$/, "");
  return FIRST_NAMES.has(w) || (w.includes("-") && w.split("-").every((p) => FIRST_NAMES.has(p)));
}
