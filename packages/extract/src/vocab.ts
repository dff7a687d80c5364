/**
 * Danish word knowledge shared by the header readers: job titles, organisation words, and the
 * labels minutes put before their header fields. General Danish, never words of one document.
 */
import { remembered } from "./memo.ts";

// Job titles end in one of these (compounds are the rule: "Sygeplejefagligdirektør",
// "Forløbschef", "Specialkonsulent", "Afdelingssygeplejerske", "Byrådsmedlem").
const TITLE_SUFFIXES = [
  "direktør", "chef", "konsulent", "leder", "formand", "forkvinde", "forperson", "sekretær", "læge", "plejerske",
  "borgmester", "rådmand", "koordinator", "fuldmægtig", "specialist", "medarbejder", "analytiker", "rådgiver",
  "assistent", "økonom", "jurist", "terapeut", "psykolog", "jordemoder", "pædagog", "visitator", "referent",
  "ordstyrer", "professor", "lektor", "forsker", "repræsentant", "medlem", "suppleant", "observatør", "ansvarlig",
  "sagsbehandler", "planlægger", "controller", "kontorchef", "udviklingschef", "projektejer", "tandlæge",
  "fysioterapeut", "ergoterapeut", "sundhedsplejerske", "farmaceut", "chefkonsulent", "direktion", "souschef",
  "overlæge", "kommunaldirektør", "regionsdirektør", "embedslæge", "praktiserende", "underdirektør", "dekan",
  "rektor", "inspektør", "kontorleder", "sekretariatsleder", "ph.d.", "cand.", "student", "elev", "formandskab",
  "næstformand", "medformand",
];

// Prefixes of a title phrase that are no titles themselves ("Konst. kontorchef", "Fg. direktør").
const TITLE_PREFIX = /^(?:konst\.?|kst\.?|konstitueret|fg\.?|fung\.?|fungerende|ledende|administrerende|adm\.?|vice|senior|ansvarshavende)$/iu;
// Adjectives before a title: "Sygeplejefaglig direktør", "Lægefaglig", "kommunal medformand", "regional".
const TITLE_ADJECTIVE = /^\p{L}+(?:faglig|lig|ende|isk|al|ær|iel|øs)$/iu;

// The participant reader asks about the same words (names, titles, organisations) line after
// line, and each answer is a walk over a suffix list: answers are kept per word, bounded.
const titleWordRemembered = remembered(8_192, (word: string) => titleWord(word));
const orgWordRemembered = remembered(8_192, (word: string) => orgWord(word));

/** A word that is (or ends in) a Danish job title. */
export function isTitleWord(word: string): boolean {
  return titleWordRemembered(word);
}

function titleWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[,:;]$/, "");
  if (w.length < 3) return false;
  return TITLE_SUFFIXES.some((s) => w.endsWith(s));
}

/** "Konst.", "Fg.", "Ledende": a word that opens a title phrase without being a title. */
export function isTitlePrefix(word: string): boolean {
  return TITLE_PREFIX.test(word);
}

/** A word that can stand inside a title phrase before/between title words. */
export function isTitleFiller(word: string): boolean {
  return TITLE_PREFIX.test(word) || TITLE_ADJECTIVE.test(word) || /^(?:og|&|\/)$/.test(word) || /^\p{L}+[s-]$/u.test(word);
}

// Organisation words: the last word of "Rebild Kommune", "Aalborg Universitetshospital",
// "Regionshospital Nordjylland" (first word), "Psykiatrien", "Fællesadministrationen".
const ORG_SUFFIXES = [
  "kommune", "kommunes", "region", "regionen", "hospital", "hospitalet", "hospitaler", "sygehus", "sygehuset",
  "psykiatri", "psykiatrien", "praksis", "styrelse", "styrelsen", "ministerium", "ministeriet", "forvaltning",
  "forvaltningen", "afdeling", "afdelingen", "administration", "administrationen", "center", "centret",
  "centeret", "huset", "rådhus", "rådhuset", "sekretariat", "sekretariatet", "forening", "foreningen", "fond",
  "fonden", "universitet", "universitetet", "højskole", "højskolen", "klinik", "klinikken", "direktionen",
  "enhed", "enheden", "udvalg", "udvalget", "rådet", "organisation", "organisationen", "kontor", "kontoret",
  "staben", "området", "apotek", "apoteket", "jobcenter", "tandplejen", "hjemmeplejen", "sundhedsplejen",
  "genoptræning", "akutmodtagelse", "skole", "skolen", "institut", "instituttet", "selskab", "selskabet",
  "a/s", "aps", "i/s", "sundhedshus", "sundhedshuset", "plejecenter", "sundhedscenter", "sundhed", "omsorg",
  "ældreomsorg", "forsorg", "regionshuset", "regionsrådet", "kommunalbestyrelsen", "byrådet", "landsforening",
  "danmark", "kl", "plo", "fællesadministration",
];

/** A word that marks an organisation ("Kommune", "Psykiatrien", "Universitetshospital", "PLO"). */
export function isOrgWord(word: string): boolean {
  return orgWordRemembered(word);
}

function orgWord(word: string): boolean {
  const raw = word.replace(/[,:;.]$/, "");
  const w = raw.toLowerCase();
  if (/^\p{Lu}{2,6}$/u.test(raw)) return true; // acronyms: PLO, KL, AAUH, UCN
  if (/^region$/i.test(w)) return true;
  return ORG_SUFFIXES.some((s) => w === s || (s.length >= 5 && w.endsWith(s)));
}

/**
 * Labels of header fields (not participants): "Mødedato:", "Tid og sted", "Sted", "Emne",
 * "Mødet påbegyndt". The value may follow on the same line, with or without colon.
 */
export const HEADER_FIELD =
  /^(?:møde(?:dato|tidspunkt|tid|sted|lokale|start|slut|nummer|nr\.?|form)|dato(?:\s+og\s+tid(?:spunkt)?)?|tid(?:spunkt)?(?:\s*(?:og|\/|&)\s*sted)?|sted|lokale|adresse|emne|mødet\s+(?:påbegyndt|afsluttet|startede|sluttede|hævet|begyndte)|start(?:tidspunkt)?(?:\s+for\s+møde(?:t)?|\s+kl\.?)?|slut(?:tidspunkt)?(?:\s+for\s+møde(?:t)?|\s+kl\.?)?|udsendt|udsendelsesdato|journal(?:nr|nummer)\.?|sagsnr\.?|indkaldt\s+af|indkaldelse|hvornår|hvor)(?![\p{L}])/iu;

/** "Side 2 af 4", "---", a bare page number: layout lines inside a header block. */
export function isLayoutNoise(text: string): boolean {
  const t = text.trim();
  return t === "" || /^(?:side\s+\d+(?:\s*(?:af|\/)\s*\d+)?|\d{1,3}|[-–—_=*]{3,}|\|?(?:\s*-{3,}\s*\|)+)$/iu.test(t);
}
