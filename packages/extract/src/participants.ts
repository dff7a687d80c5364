/**
 * The participant list of a meeting: everyone listed under Deltagere / Til stede / Medlemmer /
 * Direktørforum / Chefforum / "Fra kommunerne" / Sekretariat / Gæster / Afbud / Fraværende,
 * wherever the block stands (a PDF may put the header block inside an item), in the printed forms
 *   "Title Name, Organisation"            "Name, title, Organisation (note)"
 *   "Name, title i Organisation"          "Name, Organisation – afbud"
 *   "… – i stedet deltog NAME"            "Navn | Titel | Organisation" table rows
 * Status (contract): afbud / under Afbud → absent; "i stedet deltog NAME" → NAME substitute (with
 * the organisation of the person replaced) and the replaced person absent; guests → guest;
 * Sekretariat, "… sekretær", referent, the minute-taker → secretary. A person listed twice is
 * kept once, with the more specific status.
 */
import type { Line } from "@minutes/ingest";
import type { Participant, ParticipantStatus, Warning } from "./schema.ts";
import { clean, stripMarker, stripMarkup } from "./text.ts";
import { initialsOf, isInitials, isKnownFirstName, resolveOwner, sameName, splitMentions } from "./names.ts";
import { guarded } from "./regex.ts";
import { HEADER_FIELD, isLayoutNoise, isOrgWord, isTitleFiller, isTitlePrefix, isTitleWord } from "./vocab.ts";

export interface ParticipantsResult {
  participants: Participant[];
  /** Indices into `lines` of the participant block (labels, entries, sign-off), for segmentation to skip. */
  usedLines: number[];
  warnings: Warning[];
}

// ---------------------------------------------------------------------------------------------
// Labels

interface Label {
  status: ParticipantStatus;
  org: string | null;
  /** Entry text on the label's own line ("Deltagere: Direktør Anne Krøjer, …"). */
  rest: string;
}

// Main labels, each with the status of the people under it. Order matters: "Fraværende med
// afbud" before "Deltagere", "Sekretariat" before everything that could swallow it.
const GROUP_LABELS: Array<[RegExp, ParticipantStatus]> = [
  [/^(?:afbud(?:\s*\/\s*fravær)?(?:\s+er\s+modtaget)?(?:\s+fra)?|fraværende(?:\s+(?:med|uden)\s+afbud)?|meldt\s+afbud|forhindret|ikke\s+til\s+stede)(?![\p{L}])/iu, "absent"],
  [/^(?:gæst(?:er)?|gæstedeltagere|inviterede(?:\s+gæster)?|oplægsholdere?|desuden\s+deltog|endvidere\s+deltog|øvrige\s+deltagere)(?![\p{L}])/iu, "guest"],
  [/^(?:sekretariat(?:et)?|sekretær(?:er)?|mødesekretær|referent|sekretariatsbetjening)(?![\p{L}])/iu, "secretary"],
  [/^(?:stedfortrædere?|suppleanter?|i\s+stedet\s+deltog)(?![\p{L}])/iu, "substitute"],
  [/^(?:deltagere(?:\s+i\s+mødet)?|deltagerne(?:\s+var)?|mødedeltagere|deltagende|til\s*stede|fremmødte|medlemmer|deltog|mødeleder|ordstyrer|dirigent)(?![\p{L}])/iu, "present"],
];

function groupLabel(text: string): Label | null {
  return groupLabelOf(stripMarkup(text));
}

/** groupLabel of a text already through stripMarkup. */
function groupLabelOf(t: string): Label | null {
  for (const [re, status] of GROUP_LABELS) {
    const m = re.exec(t);
    if (!m) continue;
    let after = t.slice(m[0].length);
    let org: string | null = null;
    // "Deltagere fra Region Nordjylland:", "Afbud fra:"
    const fra = /^\s+fra\s+(\p{Lu}[^:]*?)\s*(?=:|$)/u.exec(after);
    if (fra) {
      org = fra[1]!.trim();
      after = after.slice(fra[0].length);
    }
    if (/^\s*:/.test(after)) return { status, org, rest: after.replace(/^\s*:\s*/, "").trim() };
    if (after.trim() === "") return { status, org, rest: "" };
    // No colon: "Sekretariat Dorte Rosendal Meier, …", "Mødeleder Bente Graversen".
    if (/^\s+[\p{Lu}\d]/u.test(after)) return { status, org, rest: after.trim() };
    // "Gæster som deltager i punkterne 1-3": a label with a remark; a sentence is no label.
    if (t.split(/\s+/).length <= 8 && !/[.;]$/.test(t) && !/\b(?:var|blev|har|er|drøftede|besluttede)\b/iu.test(after)) {
      return { status, org, rest: "" };
    }
    return null;
  }
  return null;
}

/** "Direktørforum:", "Chefforum:", "Fra kommunerne", "Fra PLO Nordjylland", "Kommunale medlemmer:" (t through stripMarkup). */
function subLabelOf(t: string, heading: boolean): { org: string | null } | null {
  const words = t.split(/\s+/);
  if (words.length > 6 || /[.;,]$/.test(t)) return null;
  // An agenda item ("1) Velkomst") or an item section ("Bilag:", "Indstilling:") ends the list.
  if (/^(?:\(?\d{1,2}[.)]|[a-zæøå][.)]\s)/u.test(t) || ITEM_SECTION.test(t)) return null;
  const fra = /^fra\s+(.+?)\s*:?$/iu.exec(t);
  if (fra) return { org: /^\p{Lu}/u.test(fra[1]!) ? fra[1]! : null };
  if (!/:$/.test(t) && !heading) return null;
  const name = t.replace(/:$/, "").trim();
  if (!name || isNameTokens(name.split(/\s+/))) return null;
  return { org: name.split(/\s+/).some(isOrgWord) && !/forum|gruppe|udvalg|medlemmer|repræsentanter/iu.test(name) ? name : null };
}

const ITEM_SECTION = /^(?:indholdsfortegnelse|indhold|bilag|indstilling|det\s+indstilles|referat|beslutning|sagsfremstilling|baggrund|resum[eé]|dagsorden|punkt|sag|orientering|økonomi|konklusion|opfølgning|eventuelt|evt)(?![\p{L}])/iu;

// ---------------------------------------------------------------------------------------------
// Names, titles, organisations

// Capitalised words that start sentences and headings, never names.
const NOT_NAME = new Set(
  ("det der den de dagsorden referat møde mødet punkt pkt bilag sag sagen status godkendelse orientering " +
    "eventuelt evt indstilling beslutning ingen alle hele kommunerne regionen styregruppen tid sted dato side " +
    "til fra med på og i ved som for efter før under over se jf nb klynge sundhedsklynge næste fælles " +
    "strategisk politisk kommunal regional drøftelse opfølgning velkomst afbud deltagere gæster sekretariat").split(" "),
);
const NAME_TOKEN = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const INITIAL = /^\p{Lu}\.$/u;
const PARTICLE = /^(?:de|da|van|von|der|den|la|le|du|af|di)$/;

/** 2–6 capitalised words that are no title, organisation or sentence word: a personal name. */
function isNameTokens(tokens: string[]): boolean {
  if (tokens.length < 2 || tokens.length > 6) return false;
  if (NOT_NAME.has(tokens[0]!.toLowerCase())) return false;
  return tokens.every((w, i) => {
    if (PARTICLE.test(w)) return i > 0 && i < tokens.length - 1;
    if (INITIAL.test(w)) return i < tokens.length - 1;
    return NAME_TOKEN.test(w) && !isTitleWord(w) && !isOrgWord(w);
  });
}

/** A name that is surely a person: starts with a known given name. */
function isStrongName(tokens: string[]): boolean {
  return isNameTokens(tokens) && isKnownFirstName(tokens[0]!);
}

/**
 * Length of the title phrase at the start of tokens ("Konst. kontorchef", "Sundheds og
 * Seniorchef", "direktør og kommunal medformand", "Sygeplejefaglig direktør"); 0 if none.
 */
function leadTitleLength(tokens: string[]): number {
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    if (isTitleWord(w)) {
      last = i;
      continue;
    }
    const next = tokens[i + 1];
    // A compound prefix "Sundheds" only before "og"/"-" (first names end in -s too: "Lars").
    if (/s-?$/u.test(w) && /^\p{Lu}/u.test(w) && !(next === "og" || w.endsWith("-"))) break;
    if (isTitleFiller(w) && next !== undefined) continue;
    break;
  }
  return last + 1;
}

interface Parsed {
  name: string;
  title: string | null;
  organization: string | null;
  absent: boolean;
  guest: boolean;
  secretary: boolean;
  /** "… – i stedet deltog NAME": the people who stood in for this one. */
  substitutes: Array<{ name: string; title: string | null }>;
  /** "NAME deltog som stedfortræder for OTHER": this one stood in for OTHER. */
  replaces: string | null;
}

const NAME_RUN = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|la))*`;
// "– i stedet deltog Mette Rohde", "(i stedet deltager kontorchef Anne Hansen)"
// (Each behind the word it cannot match without: most entries name no substitute.)
const SUBSTITUTE_RE = guarded(
  new RegExp(
    String.raw`\s*[–—-]?\s*[,;]?\s*\(?\s*(?:i\s*stedet|istedet)\s+(?:for\s+\p{L}+\s+)?(?:deltog|deltager|deltage|mødte|møder|kom|kommer)\s*:?\s+(?:(?<t>\p{Ll}[\p{L}.]*)\s+)?(?<n>${NAME_RUN})\s*\)?`,
    "u",
  ),
  "stedet",
);
// "og Peter Steffensen deltog i stedet", "stedfortræder: NAME", "suppleant NAME", "NAME indkaldt"
const SUBSTITUTE_AFTER_RE = guarded(new RegExp(String.raw`[,;]?\s*(?:og\s+)?(?<n>${NAME_RUN})\s+(?:deltog|deltager)\s+i\s+stedet\b`, "u"), "stedet");
const STAND_IN_RE = guarded(new RegExp(String.raw`[,;]?\s*\(?\s*(?:stedfortræder|suppleant)\s*:?\s+(?<n>${NAME_RUN})\s*(?:indkaldt\s*)?\)?`, "u"), "stedfortræder|suppleant");
const CALLED_IN_RE = guarded(new RegExp(String.raw`,\s*(?<n>${NAME_RUN})\s+indkaldt\s*$`, "u"), "indkaldt");
// "Poul Erik Juhl deltog som stedfortræder for Karina Bech", "(suppleant for Karina Bech)"
const STANDS_IN_FOR_RE = guarded(
  new RegExp(
    String.raw`\s*[,–—-]?\s*\(?\s*(?:deltog\s+|deltager\s+|var\s+|er\s+)?(?:som\s+)?(?:stedfortræder|suppleant|vikar)\s+for\s+(?<n>${NAME_RUN})\s*\)?`,
    "u",
  ),
  "stedfortræder|suppleant|vikar",
);
const ABSENT_RE = guarded(
  /\s*[–—-]?\s*[,;]?\s*\(?\s*\b(?:havde\s+)?(?:meldt\s+)?(?:afbud|fraværende|forhindret|ikke\s+til\s+stede|deltog\s+ikke|udeblev(?:\s+uden\s+afbud)?)\b\s*\)?/iu,
  "afbud|fraværende|forhindret|ikke|udeblev",
);
const GUEST_RE = /\(\s*(?:gæst|inviteret|oplægsholder)[^)]*\)/iu;
// A role that makes a secretary but names no organisation ("Regional sekretær", "referent").
const SECRETARY_ROLE = /(?:sekretær|referent)(?![\p{L}])/iu;
// The secretariat as organisation ("Sekretariatet for Sundhedsklynge Syd"): its people are secretaries.
const SECRETARIAT_ORG = /^sekretariat(?:et)?(?![\p{L}])/iu;
const ORG_PREPOSITION = /^(?:i|ved|hos|på|fra)$/u;

/** Parses one entry (possibly several people: "Anne Hansen, Jens Olsen og Ib Berg"). */
export function parseEntry(text: string, defaultOrg: string | null): Parsed[] {
  let t = stripMarker(text);
  // "Anne Hansen (DH); Bo Jensen, formand (Byrådet)": one person per segment, each with its notes.
  if (t.includes(";")) {
    const segs = t.split(/\s*;\s*/).filter(Boolean).map((x) => parseEntry(x, defaultOrg));
    if (segs.length > 1 && segs.every((x) => x.length > 0)) return segs.flat();
  }
  const substitutes: Parsed["substitutes"] = [];
  let absent = false;
  let replaces: string | null = null;
  const sf = STANDS_IN_FOR_RE.exec(t);
  if (sf?.groups?.n && isNameTokens(sf.groups.n.split(/\s+/))) {
    replaces = sf.groups.n.trim();
    t = (t.slice(0, sf.index) + " " + t.slice(sf.index + sf[0].length)).trim();
  }
  for (const re of [SUBSTITUTE_RE, SUBSTITUTE_AFTER_RE, STAND_IN_RE, CALLED_IN_RE]) {
    const m = re.exec(t);
    if (m?.groups?.n && isNameTokens(m.groups.n.split(/\s+/))) {
      substitutes.push({ name: m.groups.n.trim(), title: m.groups.t ?? null });
      t = (t.slice(0, m.index) + " " + t.slice(m.index + m[0].length)).trim();
      absent = true;
    }
  }
  const a = ABSENT_RE.exec(t);
  if (a) {
    absent = true;
    t = (t.slice(0, a.index) + " " + t.slice(a.index + a[0].length)).trim();
  }
  const guest = GUEST_RE.test(t);
  const roleSecretary = /\(\s*(?:referent|sekretær|mødesekretær)\s*\)/iu.test(t);
  // A parenthesis that names an organisation ("(DH)", "(Byrådet)", "(Kærby Kommune)") is kept
  // aside; party letters "(A)", roles "(medformand)" and remarks "(til kl. 15)" are dropped.
  const parenOrgs = [...t.matchAll(/\(([^)]*)\)/g)]
    .map((m) => m[1]!.trim())
    .filter((c) => /^\p{Lu}/u.test(c) && !/^\p{Lu}$/u.test(c) && c.split(/\s+/).some(isOrgWord) && !c.split(/\s+/).some(isTitleWord));
  t = clean(t.replace(/\([^)]*\)?/g, " ").replace(/^[\s,;–—-]+|[\s,;–—:.-]+$/gu, ""));
  if (!t) return [];

  const parts = t.split(/\s*,\s*/).filter(Boolean);
  const base = { absent, guest, substitutes: [] as Parsed["substitutes"], replaces: null as string | null };
  // A line of names only: "Arne Ebsen, Birger Jensen, Christian Ulrich" / "Jens Askov og Henrik Berg".
  // Two names need a known given name in the second ("Peter Jensen, Novo Nordisk" is one person);
  // three or more name-like parts are a list.
  const names = parts.flatMap((p) => p.split(/\s+og\s+/));
  const allNames = names.every((p) => isNameTokens(p.split(/\s+/)));
  if (names.length >= 2 && allNames && (names.length >= 3 || isStrongName(names[1]!.split(/\s+/)))) {
    return names.map((n) => ({ ...base, name: n, title: null, organization: defaultOrg, secretary: roleSecretary }));
  }

  // Several people may share a line ("Anne Hansen, Hjørring Kommune, Bo Jensen, Frederikshavn
  // Kommune", or a PDF/DOCX line that ran two entries together): a part that is surely a name
  // after a complete person starts the next person.
  const people: Parsed[] = [];
  let name: string | null = null;
  let title: string | null = null;
  let org: string | null = null;
  let sec = false;
  const flush = () => {
    if (name) {
      const own = parenOrgs.filter((o) => !initialsOf(name!).has(o));
      const organization = org ?? own[0] ?? defaultOrg;
      people.push({
        name,
        title,
        organization,
        absent,
        guest,
        secretary: roleSecretary || sec || (organization !== null && SECRETARIAT_ORG.test(organization)),
        substitutes: people.length ? [] : substitutes,
        replaces: people.length ? null : replaces,
      });
    }
    name = title = org = null;
    sec = false;
  };
  for (let i = 0; i < parts.length; i++) {
    const tokens = parts[i]!.split(/\s+/);
    const n = leadTitleLength(tokens);
    if (name === null) {
      const r = titleAndName(tokens, n);
      if (r.name) {
        name = r.name;
        if (r.title) {
          title = r.title;
          if (SECRETARY_ROLE.test(r.title)) sec = true;
        }
        if (r.org) org = r.org;
        continue;
      }
      if (n === 0) break; // neither a name nor a title: no (further) person
      // A title before the name in its own part ("Direktør, Anne Hansen") is rare; keep the title.
      title = r.title;
      if (r.org) org = r.org;
      continue;
    }
    if (n > 0) {
      const rest = tokens.slice(n);
      if (rest.length >= 2 && isNameTokens(rest)) {
        // "Regional sekretær Specialkonsulent Inge Kjær Andersen": this person's role, then the
        // next person's "Title Name" (two entries run together on one line).
        let j = n - 1;
        while (j > 0 && isTitlePrefix(tokens[j - 1]!)) j--;
        const role = tokens.slice(0, j).join(" ");
        if (role) {
          if (SECRETARY_ROLE.test(role)) sec = true;
          title ??= role;
        }
        flush();
        name = rest.join(" ");
        title = tokens.slice(j, n).join(" ");
        continue;
      }
      const own = tokens.slice(0, n).join(" ");
      if (SECRETARY_ROLE.test(own)) sec = true;
      if (rest.length && ORG_PREPOSITION.test(rest[0]!) && rest.length > 1) {
        title ??= own;
        org ??= rest.slice(1).join(" ");
      } else if (rest.length && /^\p{Lu}/u.test(rest[0]!)) {
        title ??= own; // "Direktør Psykiatrien", "kontorchef Region Nordjylland"
        org ??= rest.join(" ");
      } else {
        title ??= tokens.join(" "); // "Leder af X", "chef for Sundhed og Omsorg"
      }
      continue;
    }
    if (isStrongName(tokens)) {
      flush();
      name = tokens.join(" ");
      continue;
    }
    // The organisation runs to the next person, commas kept ("Regionshuset, Tværsektorielt Samarbejde").
    let j = i;
    // … and stops at a title standing after it ("Aalborg Kommune, formand").
    const isTitlePart = (x: string) => {
      const w = x.split(/\s+/);
      return leadTitleLength(w) === w.length && !SECRETARY_ROLE.test(x);
    };
    while (j + 1 < parts.length && !isStrongName(parts[j + 1]!.split(/\s+/)) && !isTitlePart(parts[j + 1]!)) j++;
    const orgParts = parts.slice(i, j + 1).filter((p) => {
      if (!SECRETARY_ROLE.test(p) || p.split(/\s+/).some(isOrgWord)) return true;
      sec = true; // "Regional sekretær" is a role, not an organisation
      return false;
    });
    org ??= orgParts.join(", ") || null;
    i = j;
  }
  flush();
  return people;
}

/** Splits "Title Name" / "Title af X Name" / "Title i Org" / "Name" (the first comma part). */
function titleAndName(tokens: string[], n: number): { title: string | null; name: string | null; org: string | null } {
  if (n === 0) return { title: null, name: isNameTokens(tokens) ? tokens.join(" ") : null, org: null };
  const title = tokens.slice(0, n);
  const rest = tokens.slice(n);
  if (rest.length === 0) return { title: title.join(" "), name: null, org: null };
  if (/^(?:af|for)$/.test(rest[0]!)) {
    // "Leder af Sund Info Lise Søndergaard": the name starts at a given name; else the last two words.
    for (let f = 2; f <= rest.length - 2; f++) {
      if (isKnownFirstName(rest[f]!) && isNameTokens(rest.slice(f))) {
        return { title: [...title, ...rest.slice(0, f)].join(" "), name: rest.slice(f).join(" "), org: null };
      }
    }
    if (rest.length >= 4 && isNameTokens(rest.slice(-2))) {
      return { title: [...title, ...rest.slice(0, -2)].join(" "), name: rest.slice(-2).join(" "), org: null };
    }
    return { title: tokens.join(" "), name: null, org: null };
  }
  if (ORG_PREPOSITION.test(rest[0]!)) return { title: title.join(" "), name: null, org: rest.slice(1).join(" ") || null };
  if (isNameTokens(rest)) return { title: title.join(" "), name: rest.join(" "), org: null };
  // "Direktør Jan Mainz Psykiatrien": a name followed by an organisation without a comma.
  for (let k = rest.length - 1; k >= 2; k--) {
    if (isNameTokens(rest.slice(0, k)) && rest.slice(k).some(isOrgWord)) {
      return { title: title.join(" "), name: rest.slice(0, k).join(" "), org: rest.slice(k).join(" ") };
    }
  }
  return { title: title.join(" "), name: null, org: /^\p{Lu}/u.test(rest[0]!) ? rest.join(" ") : null };
}

// ---------------------------------------------------------------------------------------------
// Tables: "Navn | Titel | Organisation" and rows joined with " | ".

// A status column either marks who sent apologies ("Afbud": x) or who came ("Fremmøde": ja/nej).
type Column = "name" | "title" | "org" | "absentMark" | "presentMark" | "other";

function tableHeader(cells: string[]): Column[] | null {
  const cols = cells.map((c): Column => {
    const w = c.trim().toLowerCase();
    if (/^(?:navn|name|deltager|medlem)/.test(w)) return "name";
    if (/^(?:titel|stilling|funktion|rolle)/.test(w)) return "title";
    if (/^(?:organisation|arbejdssted|repræsent|enhed|forvaltning|institution|kommune\/region|virksomhed)/.test(w)) return "org";
    if (/^(?:afbud|fravær)/.test(w)) return "absentMark";
    if (/^(?:fremmøde|fremmødt|til\s*stede|deltog|deltager\s*\(ja\/nej\)|status)/.test(w)) return "presentMark";
    return "other";
  });
  // "Medlemmer: | Vibeke Berg Lauridsen (K)" is a labelled row with a person, not a header.
  if (!cols.includes("name") || cells.some((c) => parseEntry(c, null).length > 0)) return null;
  return cols;
}

function tableRowEntry(cells: string[], cols: Column[] | null, defaultOrg: string | null): Parsed[] {
  if (!cols) return parseEntry(cells.filter(Boolean).join(", "), defaultOrg);
  const get = (c: Column) => cells.filter((_, i) => cols[i] === c).map((s) => s.trim()).filter(Boolean);
  const nameCell = get("name")[0];
  if (!nameCell) return [];
  const parsed = parseEntry([nameCell, ...get("title"), ...get("org")].join(", "), defaultOrg);
  const absentMark = get("absentMark").join(" ").toLowerCase();
  const presentMark = get("presentMark").join(" ").toLowerCase();
  const marked = (v: string) => /^(?:x|✓|✔|ja|afbud)$/.test(v);
  for (const p of parsed) {
    if (marked(absentMark) || /afbud|fraværende|^nej$|deltog ikke/.test(presentMark)) p.absent = true;
  }
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// The block walk

interface Row {
  /** Index of the line the row comes from. */
  i: number;
  text: string;
  heading: boolean;
  table: boolean;
  /** stripMarkup, groupLabel, subLabel and "has an entry" of the row, once asked (the block walk asks each row many times). */
  plain?: string;
  label?: Label | null;
  subLabel?: { org: string | null } | null;
  hasEntry?: boolean;
}

function rowPlain(row: Row): string {
  if (row.plain === undefined) row.plain = stripMarkup(row.text);
  return row.plain;
}

function rowLabel(row: Row): Label | null {
  if (row.label === undefined) row.label = groupLabelOf(rowPlain(row));
  return row.label;
}

function rowSubLabel(row: Row): { org: string | null } | null {
  if (row.subLabel === undefined) row.subLabel = subLabelOf(rowPlain(row), row.heading);
  return row.subLabel;
}

function rowHasEntry(row: Row): boolean {
  if (row.hasEntry === undefined) row.hasEntry = parseEntry(row.text, null).length > 0;
  return row.hasEntry;
}

// ". Afbud: …", ". Referent: …" inside a line: a text layer without line breaks runs the groups on.
const INLINE_GROUP = /(?<=[.;])\s+(?=(?:afbud|fraværende|referent|gæst(?:er)?|sekretariat(?:et)?|deltagere|medlemmer|til\s+stede|stedfortrædere?|mødeleder)(?![\p{L}])[^:.;]{0,40}:)/giu;

// The cut needs a "." or ";" and white space after it: most lines have none.
const INLINE_GROUP_HINT = /[.;]\s/;

function splitInlineLabels(text: string): string[] {
  if (!INLINE_GROUP_HINT.test(text)) return [text.trim()].filter(Boolean);
  return text.split(INLINE_GROUP).map((x) => x.trim()).filter(Boolean);
}

/** "Fra administrationen: Direktør …": a sub-group label with its first entry on the line. */
function inlineSubLabel(text: string): { org: string | null; rest: string } | null {
  const m = /^fra\s+([^:]{1,40}?)\s*:\s*(\S.*)$/iu.exec(stripMarkup(text));
  if (!m) return null;
  return { org: /^\p{Lu}/u.test(m[1]!) && !/\s(?:deltager|deltog)$/iu.test(m[1]!) ? m[1]! : null, rest: m[2]! };
}

/** Does the next line continue the current entry (a layout wrap)? */
function continues(cur: string, next: Row): boolean {
  const t = next.text;
  if (isLayoutNoise(t) || next.table) return false;
  if (rowLabel(next) || HEADER_FIELD.test(t) || rowSubLabel(next)) return false;
  if (/^\p{Ll}/u.test(t)) return !/[.:]$/.test(cur);
  if (/^\(/.test(t)) return true;
  if (/^[–—-]\s*(?:afbud|i\s*stedet)/iu.test(t)) return true;
  if (/(?:[,&]|\s(?:og|i|for|ved|af|hos|deltog|deltager))$/u.test(cur) || /\p{L}-$/u.test(cur)) return true;
  const tokens = t.split(/\s+/);
  // A single word: an organisation word ("Universitetshospital"), the rest of a name broken after
  // a given name ("… deltog Mette" + "Rohde"), or the place after an organisation word
  // ("Regionshospital" + "Nordjylland"). Not a heading like "Indholdsfortegnelse".
  if (tokens.length === 1 && /^\p{Lu}/u.test(t) && !isTitleWord(t) && !ITEM_SECTION.test(t)) {
    const last = cur.split(/\s+/).pop() ?? "";
    if (isOrgWord(t) || isKnownFirstName(last) || isOrgWord(last)) return true;
  }
  if (!t.includes(",") && !isNameTokens(tokens.map((w) => w.replace(/\(.*$/, "")).filter(Boolean)) && tokens.some(isOrgWord) && tokens.length <= 5) return true;
  return false;
}

function joinWrapped(cur: string, next: string): string {
  // "Jammer-" + "bugt Kommune": a word broken by the layout; "Aarup-" + "Kristensen" keeps its hyphen.
  if (/\p{L}-$/u.test(cur) && /^\p{Ll}/u.test(next)) return cur.slice(0, -1) + next;
  if (/-$/.test(cur)) return cur + next;
  return `${cur} ${next}`;
}

/**
 * A PDF may run two entries into one line: "…, Regional sekretær Specialkonsulent" + "Inge Kjær
 * Andersen, Kommunal sekretær". A capitalised title word at the end of a part that already has a
 * title belongs to the next line's name.
 */
function carryTitle(cur: string, next: string | undefined): { cur: string; carry: string } {
  if (!next) return { cur, carry: "" };
  const nextFirst = next.split(",")[0]!.trim().split(/\s+/);
  if (!isNameTokens(nextFirst)) return { cur, carry: "" };
  const m = /^(.*,\s*)(.+?)\s+(\p{Lu}\p{Ll}+)$/u.exec(cur);
  if (!m || !isTitleWord(m[3]!)) return { cur, carry: "" };
  const partTokens = m[2]!.split(/\s+/);
  if (!partTokens.some((w) => isTitleWord(w) || isOrgWord(w))) return { cur, carry: "" };
  return { cur: `${m[1]}${m[2]}`, carry: m[3]! };
}

interface Found {
  p: Parsed;
  status: ParticipantStatus;
  at: { page: number; line: number };
}

export function extractParticipants(lines: Line[]): ParticipantsResult {
  const rows: Row[] = lines.flatMap((l, i) =>
    splitInlineLabels(clean(l.text)).map((text) => ({
      i,
      text,
      heading: l.hints.heading !== undefined || /^#{1,6}\s/.test(l.text.trim()),
      table: l.hints.tableRow === true || / \| /.test(l.text),
      // Present from the start, so that every row has one shape.
      plain: undefined,
      label: undefined,
      subLabel: undefined,
      hasEntry: undefined,
    })),
  );
  const used = new Set<number>();
  const warnings: Warning[] = [];
  const found: Found[] = [];
  // k indexes rows; a row points back to its line (a line may hold several labelled rows).
  const pos = (k: number) => ({ page: lines[rows[k]!.i]!.page, line: lines[rows[k]!.i]!.line });

  const add = (ps: Parsed[], status: ParticipantStatus, k: number) => {
    for (const p of ps) found.push({ p, status: statusOf(p, status), at: pos(k) });
  };

  let k = 0;
  while (k < rows.length) {
    const start = startOfBlock(rows, k);
    if (!start) {
      k++;
      continue;
    }
    // Walk the block: labels switch the group; entries (with their wrapped lines) are parsed.
    const blockUsed: number[] = [];
    let group = { status: start.status, org: start.org };
    let cols: Column[] | null = start.cols;
    let carry = "";
    let entries = 0;
    let j = k;
    let pendingText = start.rest;
    let first = true;
    while (j < rows.length) {
      const row = rows[j]!;
      let text: string;
      if (first) {
        first = false;
        blockUsed.push(j);
        if (!pendingText) {
          j++;
          continue;
        }
        text = pendingText;
      } else {
        if (isLayoutNoise(row.text)) {
          j++;
          continue;
        }
        if (HEADER_FIELD.test(rowPlain(row)) && !rowLabel(row)) break;
        if (row.table) {
          const cells = row.text.split(/\s*\|\s*/).map((c) => c.trim());
          const header = tableHeader(cells);
          if (header) {
            cols = header;
            blockUsed.push(j++);
            continue;
          }
          const lab = groupLabel(cells[0] ?? "");
          if (lab && cells.length > 1 && !cols) {
            group = { status: lab.status, org: lab.org };
            const ps = parseEntry(cells.slice(1).join(", "), group.org);
            add(ps, group.status, j);
            blockUsed.push(j++);
            continue;
          }
          // "| Niels Holm Poulsen (F), næstformand": a row that goes on with the group above it
          // (its label cell is empty because the label spans the rows).
          if (!cols && cells[0] === "" && cells.length > 1) {
            const more = parseEntry(cells.slice(1).filter(Boolean).join(", "), group.org);
            if (more.length) {
              add(more, group.status, j);
              entries += more.length;
              blockUsed.push(j++);
              continue;
            }
          }
          const ps = tableRowEntry(cells, cols, group.org);
          if (!ps.length) break;
          add(ps, group.status, j);
          entries += ps.length;
          blockUsed.push(j++);
          continue;
        }
        const lab = rowLabel(row);
        if (lab) {
          group = { status: lab.status, org: lab.org };
          blockUsed.push(j);
          if (!lab.rest) {
            j++;
            continue;
          }
          text = lab.rest;
        } else if (inlineSubLabel(row.text)) {
          const sub = inlineSubLabel(row.text)!;
          group = { status: start.status, org: sub.org };
          blockUsed.push(j);
          text = sub.rest;
        } else {
          const sub = rowSubLabel(row);
          // A sub-group label counts only with people (or another label) after it.
          const after = nextContent(rows, j);
          const peopleFollow =
            after !== undefined &&
            (after.table || rowLabel(after) !== null || rowSubLabel(after) !== null || rowHasEntry(after));
          if (sub && peopleFollow) {
            // A sub-group ("Fra administrationen deltager:") has the status the list opened with
            // (after "Afbud:" it starts a new group of attendees), and its own organisation.
            group = { status: start.status, org: sub.org };
            blockUsed.push(j++);
            continue;
          }
          text = row.text;
        }
      }
      text = carry ? `${carry} ${text}` : text;
      carry = "";
      const entryLines = [j];
      while (j + 1 < rows.length && continues(text, rows[j + 1]!)) {
        j++;
        text = joinWrapped(text, rows[j]!.text);
        entryLines.push(j);
      }
      const carried = carryTitle(text, rows[j + 1]?.text);
      text = carried.cur;
      carry = carried.carry;
      const ps = parseEntry(text, group.org);
      if (!ps.length) {
        if (blockUsed[blockUsed.length - 1] === entryLines[0]) {
          // A label line whose inline text is no entry ("Afbud: Ingen"): the label still counts.
          j++;
          continue;
        }
        break;
      }
      add(ps, group.status, entryLines[0]!);
      entries += ps.length;
      blockUsed.push(...entryLines);
      j++;
    }
    if (entries > 0 || (blockUsed.length > 0 && start.strong)) for (const x of blockUsed) used.add(rows[x]!.i);
    k = Math.max(j, k + 1);
  }

  const participants = merge(found);
  signOff(rows, lines, participants, used);
  if (participants.length === 0 && used.size > 0) {
    const first = lines[Math.min(...used)]!;
    warnings.push({ code: "participants-unparsed", message: "A participant block was found but no person could be read from it", page: first.page, line: first.line });
  }
  return { participants, usedLines: [...used].sort((a, b) => a - b), warnings };
}

/** Where a participant block starts: a main label, or a table header row with a name column. */
function startOfBlock(
  rows: Row[],
  k: number,
): { status: ParticipantStatus; org: string | null; rest: string; cols: Column[] | null; strong: boolean } | null {
  const row = rows[k]!;
  if (row.table) {
    const cells = row.text.split(/\s*\|\s*/);
    const cols = tableHeader(cells);
    if (cols) return { status: "present", org: null, rest: "", cols, strong: true };
    const lab = groupLabel(cells[0] ?? "");
    if (lab && cells.length > 1) return { status: lab.status, org: lab.org, rest: cells.slice(1).join(", "), cols: null, strong: true };
    return null;
  }
  const lab = rowLabel(row);
  if (!lab) return null;
  // A bare label counts only when an entry or another label follows (not a sentence that begins
  // with "Deltagerne …"); a label with text must have a person in it.
  if (!lab.rest) {
    const next = nextContent(rows, k);
    if (!next) return null;
    const ok = rowLabel(next) !== null || rowSubLabel(next) !== null || next.table || rowHasEntry(next);
    if (!ok) return null;
  } else if (parseEntry(lab.rest, null).length === 0 && !/^(?:ingen|intet)\b/iu.test(lab.rest)) {
    return null;
  }
  const strongLabel = /:\s*$/.test(row.text) || row.heading || !lab.rest;
  return { status: lab.status, org: lab.org, rest: lab.rest, cols: null, strong: strongLabel };
}

/** The next row after k that is no layout noise. */
function nextContent(rows: Row[], k: number): Row | undefined {
  for (let j = k + 1; j < rows.length; j++) if (!isLayoutNoise(rows[j]!.text)) return rows[j];
  return undefined;
}

function statusOf(p: Parsed, group: ParticipantStatus): ParticipantStatus {
  if (p.absent || group === "absent") return "absent";
  if (p.replaces) return "substitute";
  if (p.guest) return "guest";
  if (p.secretary || group === "secretary") return "secretary";
  return group;
}

// The more specific status wins when a person is listed twice (member and under Afbud).
const RANK: Record<ParticipantStatus, number> = { present: 0, guest: 1, secretary: 2, substitute: 3, absent: 4 };

function merge(found: Found[]): Participant[] {
  const out: Participant[] = [];
  const upsert = (p: Participant) => {
    const same = out.find((q) => sameName(q.name, p.name));
    if (!same) {
      out.push(p);
      return;
    }
    if (RANK[p.status] > RANK[same.status]) same.status = p.status;
    same.title ??= p.title;
    same.organization ??= p.organization;
  };
  for (const f of found) {
    upsert({ name: f.p.name, title: f.p.title, organization: f.p.organization, status: f.status, at: f.at });
    for (const s of f.p.substitutes) {
      upsert({ name: s.name, title: s.title, organization: f.p.organization, status: "substitute", at: f.at });
    }
  }
  // "X deltog som stedfortræder for Y": Y was away, and X represents Y's organisation.
  for (const f of found) {
    if (!f.p.replaces) continue;
    upsert({ name: f.p.replaces, title: null, organization: null, status: "absent", at: f.at });
    const sub = out.find((q) => sameName(q.name, f.p.name));
    const replaced = out.find((q) => sameName(q.name, f.p.replaces!));
    if (sub && replaced && sub.organization === null) sub.organization = replaced.organization;
  }
  return out;
}

// "Således opfattet IKA", "Referent: Inge Kjær Andersen", "Ref.: IKA": the minute-taker.
const SIGN_OFF = /^(?:således\s+opfattet|referent|ref\.|referat\s+ført\s+af|referatet\s+er\s+(?:skrevet|udarbejdet|taget)\s+af|referatfører|for\s+referatet)\s*:?\s*(?<who>.+)$/iu;
const APPROVED_BY = /^(?:godkendt|underskrevet)\s+af\s*:?\s*(?<who>.+)$/iu;

function signOff(rows: Row[], lines: Line[], participants: Participant[], used: Set<number>): void {
  for (let k = 0; k < rows.length; k++) {
    const m = SIGN_OFF.exec(rowPlain(rows[k]!));
    if (!m) continue;
    const mentions = splitMentions(m.groups!.who!.replace(/[.\s]+$/, ""));
    if (!mentions.length || !mentions.every((x) => isInitials(x) || isNameTokens(x.split(/\s+/)))) continue;
    for (const mention of mentions) {
      const who = resolveOwner(mention, participants);
      const p = who ? participants.find((q) => q.name === who) : undefined;
      if (p) {
        if (p.status === "present") p.status = "secretary";
      } else if (!isInitials(mention)) {
        const l = lines[rows[k]!.i]!;
        participants.push({ name: mention, title: null, organization: null, status: "secretary", at: { page: l.page, line: l.line } });
      }
    }
    used.add(rows[k]!.i);
    // The approval line that follows a sign-off ("Godkendt af LKL og SAA") is sign-off too.
    for (let j = k + 1; j < Math.min(rows.length, k + 3); j++) {
      const a = APPROVED_BY.exec(rowPlain(rows[j]!));
      if (a && splitMentions(a.groups!.who!).every((x) => isInitials(x) || isNameTokens(x.split(/\s+/)))) used.add(rows[j]!.i);
    }
  }
}
