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
import { DamerauLevenshteinDistance, JaroWinklerDistance } from "natural/lib/natural/distance/index.js";
import { fold } from "./text.ts";

/** Name particles that stand in lower case inside Danish/foreign names. */
const PARTICLES = new Set(["de", "da", "del", "van", "von", "der", "den", "la", "le", "du", "af", "zu", "di", "el", "al", "bin"]);

/** The parts of a name: words, with hyphenated surnames kept whole ("Aarup-Kristensen"). */
const PARTS = new Map<string, string[]>();

export function nameParts(name: string): string[] {
  let parts = PARTS.get(name);
  if (parts === undefined) {
    parts = name
      .replace(/[(),;]/g, " ")
      .split(/\s+/)
      .filter((p) => p && !PARTICLES.has(p.toLowerCase()));
    if (PARTS.size > 50_000) PARTS.clear();
    PARTS.set(name, parts);
  }
  // A copy: callers may change the list they get.
  return parts.slice();
}

/** Two name parts are one name in two spellings (folded; surnames by edit/Jaro-Winkler distance). */
function samePart(a: string, b: string, strict: boolean): boolean {
  const x = fold(a).replace(/\.$/, "");
  const y = fold(b).replace(/\.$/, "");
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
  // One edit (a swap counts one: Rohde/Rhode) in a short name, two in a long one, and close
  // overall by Jaro-Winkler (Kjærgaard/Kjærsgaard), which keeps Hansen/Jansen apart.
  const maxEdits = shorter >= 8 ? 2 : 1;
  return DamerauLevenshteinDistance(x, y) <= maxEdits && JaroWinklerDistance(x, y) >= 0.9;
}

/**
 * True when a and b name the same person: same first name (folded), same last name (within a
 * spelling variant), and every middle name of the shorter found in order in the longer.
 * "Lisbeth Lagoni" = "Lisbeth Kjær Lagoni"; "Charlotte Larsen" ≠ "Charlotte Fuglesang".
 */
export function sameName(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (pa.length < 2 || pb.length < 2) return pa.length === pb.length && pa.length === 1 && fold(pa[0]!) === fold(pb[0]!);
  const [short, long] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  if (!samePart(short[0]!, long[0]!, true)) return false;
  if (!samePart(short[short.length - 1]!, long[long.length - 1]!, false)) return false;
  // Middle parts of the shorter name appear in order among the middle parts of the longer one.
  let j = 1;
  for (let i = 1; i < short.length - 1; i++) {
    while (j < long.length - 1 && !samePart(short[i]!, long[j]!, false)) j++;
    if (j >= long.length - 1) return false;
    j++;
  }
  return true;
}

/** Initials a person may sign with: "IKA" (all parts), "IA" (first+last), "SAA" (first + two of last). */
export function initialsOf(name: string): Set<string> {
  const parts = nameParts(name).map((p) => p.replace(/\.$/, ""));
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
  const unique = (xs: readonly Named[]): string | null => {
    const names = [...new Set(xs.map((x) => x.name))];
    return names.length === 1 ? names[0]! : null;
  };
  const exact = participants.filter((p) => fold(p.name) === fold(m));
  if (exact.length) return unique(exact);
  if (isInitials(m)) {
    return unique(participants.filter((p) => initialsOf(p.name).has(m.toUpperCase())));
  }
  const parts = nameParts(m);
  if (parts.length >= 2) {
    const same = participants.filter((p) => sameName(m, p.name));
    if (same.length) return unique(same);
    // "Jytte Thøgersen" where the list has "Jytte Egetoft Thøgersen" is handled above; a first
    // name plus a middle name used as surname ("Inge Kjær") is tried next.
    const looser = participants.filter((p) => {
      const pp = nameParts(p.name);
      return pp.length > parts.length && samePart(parts[0]!, pp[0]!, true) && parts.slice(1).every((x) => pp.slice(1).some((y) => samePart(x, y, false)));
    });
    return looser.length ? unique(looser) : null;
  }
  if (parts.length === 1 && /^\p{Lu}/u.test(parts[0]!)) {
    const w = parts[0]!;
    const byFirst = participants.filter((p) => samePart(w, nameParts(p.name)[0] ?? "", true));
    if (byFirst.length) return unique(byFirst);
    const byLast = participants.filter((p) => {
      const pp = nameParts(p.name);
      return pp.length > 1 && fold(pp[pp.length - 1]!) === fold(w);
    });
    return unique(byLast);
  }
  return null;
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
