/**
 * Private data out of stored text. Minutes name citizens; a CPR number (the Danish personal ID
 * number, "DDMMYY-SSSS") must never reach the database. Before a document is written, every text
 * the store keeps (meeting fields, participants, item titles, presenters, recommendations,
 * decision texts, decisions, actions and their owners and deadline words, attachments, warning
 * messages) is scanned and each hit replaced by a marker; the counts go on the document and the
 * run. File paths and names are not changed: they identify the file (rename the file instead).
 *
 * Rules (`RedactRules`; on by default: cpr only — officials' e-mail addresses and phone numbers
 * are public and stay):
 *
 * - **cpr** → "[CPR]": six digits that are a real date DDMMYY, then a dash (-, ‐, ‑, –), a space
 *   or nothing, then four digits; not part of a longer number (no digit on either side, and no
 *   digit joined by . , / or - either: "27.00.00-010190-1234" is a case number). The date is
 *   checked with the century the CPR rules give the seventh digit, so 29 February is a date
 *   only in leap years ("290200-4xxx" is 2000, "290200-1xxx" is 1900), and a birthday in the
 *   future is no date ("1003456789", a P-number, would be 10 March 2045). Modulus 11 is not
 *   checked: numbers issued since 2007 need not pass it. Substitute numbers (day + 60) and
 *   other invalid dates are not hit unless labelled: a ten-digit number right after "CPR",
 *   "CPR-nr.", "cpr.nr.", "personnummer" or "personnr." is redacted whatever its date. A number
 *   labelled as something else ("P-nr.", "kontonr.", "fakturanr.", "ordrenr.", "sagsnr.",
 *   "j.nr.", "journalnr.", "bilag", "kunde-", "aftale-", "kontraktnr.", CVR/SE/EAN/GLN) is not hit.
 * - **email** → "[e-mail]": local@domain.tld.
 * - **phone** → "[telefon]": Danish numbers (8 digits, optionally grouped 2-2-2-2 or 4-4 and
 *   prefixed +45/0045) and +CC international numbers; not when labelled as another number
 *   (CVR, SE, P-nr., kontonr., sagsnr. …: the labels the CPR rule skips).
 */

export const REDACT_RULES = ["cpr", "email", "phone"] as const;
export type RedactRule = (typeof REDACT_RULES)[number];
export type RedactRules = Record<RedactRule, boolean>;
export type RedactCounts = Record<RedactRule, number>;

/** On by default: CPR numbers. E-mail addresses and phone numbers of officials stay. */
export const DEFAULT_REDACT_RULES: Readonly<RedactRules> = Object.freeze({ cpr: true, email: false, phone: false });

export const REDACT_MARKERS: Readonly<Record<RedactRule, string>> = Object.freeze({ cpr: "[CPR]", email: "[e-mail]", phone: "[telefon]" });

export function noRedactions(): RedactCounts {
  return { cpr: 0, email: 0, phone: 0 };
}

export function addCounts(into: RedactCounts, more: RedactCounts): RedactCounts {
  for (const r of REDACT_RULES) into[r] += more[r];
  return into;
}

export function totalRedactions(c: RedactCounts): number {
  return c.cpr + c.email + c.phone;
}

/** Rules from an option: `true`/undefined = the defaults, `false` = none, or some rules set. */
export function redactRules(option: Partial<RedactRules> | boolean | undefined): RedactRules {
  if (option === false) return { cpr: false, email: false, phone: false };
  if (option === true || option === undefined) return { ...DEFAULT_REDACT_RULES };
  return { ...DEFAULT_REDACT_RULES, ...option };
}

/** "cpr,email,phone", "cpr", "none" (as `--redact` takes it) → rules. Throws on an unknown name. */
export function parseRedactRules(spec: string): RedactRules {
  const names = spec
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const rules: RedactRules = { cpr: false, email: false, phone: false };
  if (names.length === 1 && names[0] === "none") return rules;
  if (names.length === 0) throw new Error(`no redaction rules in "${spec}": give some of ${REDACT_RULES.join(", ")}, or none`);
  for (const n of names) {
    if (!(REDACT_RULES as readonly string[]).includes(n)) {
      throw new Error(`unknown redaction rule "${n}": the rules are ${REDACT_RULES.join(", ")} (or none)`);
    }
    rules[n as RedactRule] = true;
  }
  return rules;
}

/** The rules that are on, as `--redact` writes them ("cpr,email" or "none"). */
export function formatRedactRules(rules: RedactRules): string {
  return REDACT_RULES.filter((r) => rules[r]).join(",") || "none";
}

// ---------------------------------------------------------------------------------------------
// CPR

/** DDMMYY, a dash (hyphen, non-breaking hyphen, en dash), a space or nothing, then SSSS. */
const CPR_CANDIDATE = /(\d{2})(\d{2})(\d{2})[-‐‑– \u00a0]?(\d{4})/g;
/** "CPR", "CPR-nr.", "cpr.nr.:", "personnummer", "erstatningspersonnummer", "personnr." right before a number. */
const CPR_LABEL = /(?:\bcpr|personn(?:umme)?r)\.?(?:[\s.:-]*(?:nr|nummer)\b)?[\s.:-]*$/iu;
/**
 * Numbers labelled as something else: P-numbers (ten digits, some of which read as dates),
 * account, invoice, order, case, journal, attachment, customer and contract numbers. "Journal"
 * and "sag" alone are no label ("journal 010190-1234" is a patient's record by CPR number).
 */
const OTHER_LABEL =
  /(?:\b(?:p|se|j|journal|sags?)[\s.-]*(?:nr|nummer|id)|\b(?:cvr|ean|gln|reg|konto|faktura|ordre|bilags?|kunde|aftale|kontrakt)(?:[\s.-]*(?:nr|nummer|id))?)\.?[\s.:-]*$/iu;

/** The century of a CPR number's birth year, from its seventh digit (CPR-kontoret's table). */
function cprYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

/** Whether DDMMYY with this seventh digit is a day that existed, not after `today`. */
export function isCprDate(dd: number, mm: number, yy: number, seventh: number, today = new Date()): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const year = cprYear(yy, seventh);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1]!;
  return dd <= days && Date.UTC(year, mm - 1, dd) <= today.getTime();
}

/** Part of a longer number: a digit next to it, or a digit joined to it by . , / or -. */
function inLongerNumber(text: string, start: number, end: number): boolean {
  const digit = (i: number) => i >= 0 && i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  const joiner = (i: number) => i >= 0 && i < text.length && ".,/-‐‑–".includes(text[i]!);
  return digit(start - 1) || digit(end) || (joiner(start - 1) && digit(start - 2)) || (joiner(end) && digit(end + 1));
}

/** Where the CPR numbers in `text` are: [start, end) ranges, in order. */
export function findCpr(text: string, today = new Date()): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(CPR_CANDIDATE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inLongerNumber(text, start, end)) continue;
    const before = text.slice(Math.max(0, start - 24), start);
    if (CPR_LABEL.test(before)) {
      out.push([start, end]);
      continue;
    }
    if (OTHER_LABEL.test(before)) continue;
    const [dd, mm, yy, serial] = [m[1], m[2], m[3], m[4]].map((s) => Number.parseInt(s!, 10)) as [number, number, number, number];
    if (isCprDate(dd, mm, yy, Math.floor(serial / 1000), today)) out.push([start, end]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// E-mail and phone

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

/** +45/0045 and 8 digits (12345678, 12 34 56 78, 1234 5678, 12-34-56-78), or +CC and 6–12 digits. */
const PHONE = /(?:(?:\+|00)45[\s.-]?)?(?:\d{8}|\d{2}([ .-])\d{2}\1\d{2}\1\d{2}|\d{4} \d{4})|\+(?!45)\d{1,3}[\s.-]?\d(?:[\s.-]?\d){5,11}/g;

function findMatches(text: string, re: RegExp, keep: (start: number, end: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    if (keep(start, end)) out.push([start, end]);
  }
  return out;
}

export function findEmail(text: string): [number, number][] {
  return findMatches(text, EMAIL, () => true);
}

export function findPhone(text: string): [number, number][] {
  return findMatches(
    text,
    PHONE,
    (start, end) => !inLongerNumber(text, start, end) && !OTHER_LABEL.test(text.slice(Math.max(0, start - 24), start)),
  );
}

const FINDERS: Record<RedactRule, (text: string) => [number, number][]> = { cpr: findCpr, email: findEmail, phone: findPhone };

// ---------------------------------------------------------------------------------------------
// Redaction

/** `text` with every hit of the rules replaced by its marker, and the counts. CPR goes first. */
export function redactText(text: string, rules: RedactRules): { text: string; counts: RedactCounts } {
  const counts = noRedactions();
  let out = text;
  for (const rule of REDACT_RULES) {
    if (!rules[rule] || !/[\d@]/.test(out)) continue;
    const hits = FINDERS[rule](out);
    if (hits.length === 0) continue;
    counts[rule] += hits.length;
    let built = "";
    let at = 0;
    for (const [s, e] of hits) {
      built += out.slice(at, s) + REDACT_MARKERS[rule];
      at = e;
    }
    out = built + out.slice(at);
  }
  return { text: out, counts };
}

/**
 * A redactor that keeps a running count: `text(s)` for a string, `value(v)` for every string in
 * a JSON-like value (objects and arrays walked, other values kept).
 */
export class Redactor {
  readonly counts = noRedactions();
  constructor(readonly rules: RedactRules) {}

  get active(): boolean {
    return REDACT_RULES.some((r) => this.rules[r]);
  }

  text(s: string): string;
  text(s: string | null): string | null;
  text(s: string | null): string | null {
    if (s === null || !this.active) return s;
    const r = redactText(s, this.rules);
    addCounts(this.counts, r.counts);
    return r.text;
  }

  value<T>(v: T): T {
    if (typeof v === "string") return this.text(v) as T;
    if (Array.isArray(v)) return v.map((x) => this.value(x)) as T;
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x)])) as T;
    }
    return v;
  }
}
