/**
 * Danish dates as minutes print them: "13.aug", "d. 17. april", "den 27.oktober", "19. november 2020",
 * "1. marts 2021", "Fredag den 13.aug", "07.09.20", "04-06-2020", "15-maj-2002", "24/5", "4/6-2020",
 * "2021-08-13". Pure functions; no Date.now(): a missing year is inferred only from the context given.
 *
 * Year inference (contract): the printed year; else the year that makes a printed weekday true
 * (searched around the meeting's or a nearby year, closest first); else the meeting's year; else a
 * year stated nearby; else no ISO date at all.
 */

export interface DateContext {
  /** The meeting's year when known ("Møde 4, 2021", or the meeting date's year). */
  meetingYear?: number | null;
  /** A year the text states near the date or elsewhere in the document. */
  nearbyYear?: number | null;
  /** The meeting date (ISO); dates without a year are placed close to it. */
  meetingDate?: string | null;
}

export type YearSource = "printed" | "weekday" | "meeting" | "nearby";

export interface DateMatch {
  /** YYYY-MM-DD, or null when no year could be found. */
  iso: string | null;
  /** Position and printed form of the whole expression (weekday and "den" included). */
  index: number;
  length: number;
  text: string;
  yearInferred: boolean;
  /** Where the year came from; null when there is none. */
  yearSource: YearSource | null;
  day: number;
  month: number;
  /** 0 = Sunday … 6 = Saturday, when a weekday is printed. */
  weekday: number | null;
  /** False when a printed weekday contradicts the printed year (the printed year is kept). */
  weekdayAgrees: boolean | null;
}

// Full names before abbreviations so that the alternation takes the longest form.
const MONTHS: Array<[string, number]> = [
  ["januar", 1], ["februar", 2], ["marts", 3], ["april", 4], ["maj", 5], ["juni", 6], ["juli", 7],
  ["august", 8], ["september", 9], ["oktober", 10], ["november", 11], ["december", 12],
  ["sept", 9], ["jan", 1], ["feb", 2], ["mar", 3], ["apr", 4], ["jun", 6], ["jul", 7], ["aug", 8],
  ["sep", 9], ["okt", 10], ["nov", 11], ["dec", 12],
];
const MONTH_BY_NAME = new Map(MONTHS);
const FULL_MONTHS = new Set(MONTHS.slice(0, 12).map(([m]) => m));
const MONTH_RE = MONTHS.map(([m]) => m).join("|");

// Weekdays; the short forms only with a dot ("man" and "tor" are also ordinary words).
const WEEKDAYS: Array<[string, number]> = [
  ["søndag", 0], ["mandag", 1], ["tirsdag", 2], ["onsdag", 3], ["torsdag", 4], ["fredag", 5], ["lørdag", 6],
  ["søn.", 0], ["man.", 1], ["tirs.", 2], ["tir.", 2], ["ons.", 3], ["tors.", 4], ["tor.", 4], ["fre.", 5], ["lør.", 6],
];
const WEEKDAY_BY_NAME = new Map(WEEKDAYS);
const WEEKDAY_RE = WEEKDAYS.map(([w]) => w.replace(".", "\\.")).join("|");

// Optional "Fredag den", "tirsdag d.", "mandag,": the lead-in belongs to the date expression.
const LEAD = `(?:(?<wd>${WEEKDAY_RE})\\s*,?\\s*)?(?:(?<den>den|d\\.)\\s*)?`;

/** "13.aug", "17. april 2021", "den 27.oktober", "15-maj-2002", "13. aug. 2021". */
const TEXTUAL = new RegExp(
  `(?<![\\p{L}\\d])${LEAD}(?<day>\\d{1,2})(?:\\.\\s*|\\s+|\\s*-\\s*)(?<mon>${MONTH_RE})(?<mdot>\\.)?(?![\\p{L}])` +
    `(?:(?:\\s*,?\\s*|\\s*-\\s*)(?<year>(?:19|20)\\d{2})(?!\\d))?`,
  "giu",
);

/** "07.09.20", "04-06-2020", "13/8/2021": three numeric parts with one separator. */
const NUMERIC = new RegExp(
  `(?<![\\d./-])${LEAD}(?<day>\\d{1,2})(?<sep>[./-])(?<mon>\\d{1,2})\\k<sep>(?<year>\\d{4}|\\d{2})(?![\\d]|[./-]\\d)`,
  "giu",
);

/** "24/5", "4/6-2020", "4/6 2020", "4/6-20": the slash form, with or without a year. */
const SLASH = new RegExp(
  `(?<![\\d./-])${LEAD}(?<day>\\d{1,2})\\/(?<mon>\\d{1,2})(?:(?:-|\\s)(?<year>(?:19|20)\\d{2})|-(?<year2>\\d{2}))?(?![\\d/]|[.,]\\d)`,
  "giu",
);

/** "d. 24.5", "den 3.6.": day.month without a year only after "den"/"d." (else it is a decimal). */
const DOTTED = new RegExp(`(?<![\\p{L}\\d])(?<den>den|d\\.)\\s*(?<day>\\d{1,2})\\.(?<mon>\\d{1,2})\\.?(?![\\d]|\\.\\d)`, "giu");

/** ISO "2021-08-13". */
const ISO = /(?<![\d-])(?<year>(?:19|20)\d{2})-(?<mon>\d{2})-(?<day>\d{2})(?![\d-])/g;

// A three-part number after these words is a section number ("afsnit 2.1.10"), not a date.
const SECTION_WORDS = /(?:pkt|punkt|afsnit|kapitel|kap|bilag|§|indsats|nr|version|ver|tlf|telefon|mobil|cvr|cpr|sag|sagsnr|j\.nr|journalnr)\.?\s*$/i;
// "1/2 time", "2/3 af": fractions, not dates.
const FRACTION_AFTER = /^\s*(?:af|del|dele|time|timer|procent|%|år|døgn|deltid|stilling|årsværk)\b/i;

interface RawDate {
  index: number;
  length: number;
  day: number;
  month: number;
  year: number | null;
  weekday: number | null;
}

// Cheap necessary conditions, checked before the full patterns (findDates runs on every row and
// sentence, and most hold no date). Every pattern needs a digit; TEXTUAL the day, its separator
// and a month stem (same flags, so the same case folding); the other four a digit, a separator
// and a digit.
const ANY_DIGIT = /\d/;
const MONTH_STEM = /\d(?:\.\s*|\s+|\s*-\s*)(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)/iu;
const DIGIT_SEP_DIGIT = /\d[./-]\d/;

export function findDates(text: string, ctx: DateContext = {}): DateMatch[] {
  if (!ANY_DIGIT.test(text)) return [];
  const raw: RawDate[] = [];
  const textual = MONTH_STEM.test(text);
  const numeric = DIGIT_SEP_DIGIT.test(text);
  if (textual) for (const m of text.matchAll(TEXTUAL)) {
    const g = m.groups!;
    const monWord = g.mon!;
    const month = MONTH_BY_NAME.get(monWord.toLowerCase())!;
    const after = text.slice(m.index! + m[0].length);
    // "3. Jan Mainz", "2. Maj Skårhøj": a capitalised month word before a capitalised word is a name.
    if (!g.year && !g.wd && !g.den && /^\p{Lu}/u.test(monWord) && /^\s+\p{Lu}/u.test(after)) continue;
    // An abbreviation without dot must be lower case or followed by a year ("Jan" is a first name).
    if (!FULL_MONTHS.has(monWord.toLowerCase()) && monWord.toLowerCase() !== "maj" && !g.mdot && !g.year && /^\p{Lu}/u.test(monWord) && !g.den && !g.wd) continue;
    raw.push(rawOf(m, Number(g.day), month, g.year ? Number(g.year) : null, g.wd));
  }
  if (numeric) for (const m of text.matchAll(NUMERIC)) {
    const g = m.groups!;
    if (SECTION_WORDS.test(text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    raw.push(rawOf(m, Number(g.day), Number(g.mon), fullYear(g.year!), g.wd));
  }
  if (numeric) for (const m of text.matchAll(SLASH)) {
    const g = m.groups!;
    if (SECTION_WORDS.test(text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    const year = g.year ? Number(g.year) : g.year2 ? fullYear(g.year2) : null;
    if (year === null && !g.den && !g.wd && FRACTION_AFTER.test(text.slice(m.index! + m[0].length))) continue;
    raw.push(rawOf(m, Number(g.day), Number(g.mon), year, g.wd));
  }
  if (numeric) for (const m of text.matchAll(DOTTED)) {
    const g = m.groups!;
    raw.push(rawOf(m, Number(g.day), Number(g.mon), null, undefined));
  }
  if (numeric) for (const m of text.matchAll(ISO)) {
    const g = m.groups!;
    raw.push(rawOf(m, Number(g.day), Number(g.mon), Number(g.year), undefined));
  }
  // Keep the longest expression where two patterns overlap; drop impossible days/months.
  raw.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: DateMatch[] = [];
  let end = -1;
  for (const r of raw) {
    if (r.index < end) continue;
    if (!validDayMonth(r.day, r.month, r.year)) continue;
    out.push(resolve(r, text, ctx));
    end = r.index + r.length;
  }
  return out;
}

/** The first date in the text, or null. */
export function parseDanishDate(text: string, ctx: DateContext = {}): DateMatch | null {
  return findDates(text, ctx)[0] ?? null;
}

function rawOf(m: RegExpMatchArray, day: number, month: number, year: number | null, wd: string | undefined): RawDate {
  // Trailing white space that the optional groups may have eaten is not part of the date.
  const printed = m[0].replace(/\s+$/, "");
  return {
    index: m.index!,
    length: printed.length,
    day,
    month,
    year,
    weekday: wd ? (WEEKDAY_BY_NAME.get(wd.toLowerCase()) ?? null) : null,
  };
}

/** Two-digit years: "20" is 2020, "98" is 1998 (minutes of the digital era; pivot at 70). */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n < 70 ? 2000 + n : 1900 + n;
}

function validDayMonth(day: number, month: number, year: number | null): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (year !== null && (year < 1900 || year > 2100)) return false;
  // Without a year, 29 February stays possible.
  return day <= daysIn(year ?? 2000, month);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function resolve(r: RawDate, text: string, ctx: DateContext): DateMatch {
  const base = {
    index: r.index,
    length: r.length,
    text: text.slice(r.index, r.index + r.length),
    day: r.day,
    month: r.month,
    weekday: r.weekday,
  };
  if (r.year !== null) {
    const agrees = r.weekday === null ? null : weekdayOf(r.year, r.month, r.day) === r.weekday;
    return { ...base, iso: toIso(r.year, r.month, r.day), yearInferred: false, yearSource: "printed", weekdayAgrees: agrees };
  }
  const inferred = inferYear(r.day, r.month, r.weekday, ctx);
  // 29 February in a year without it: no date.
  if (!inferred || r.day > daysIn(inferred.year, r.month)) return { ...base, iso: null, yearInferred: false, yearSource: null, weekdayAgrees: null };
  const agrees = r.weekday === null ? null : weekdayOf(inferred.year, r.month, r.day) === r.weekday;
  return {
    ...base,
    iso: toIso(inferred.year, r.month, r.day),
    yearInferred: true,
    yearSource: inferred.source,
    weekdayAgrees: agrees,
  };
}

/** The year of a date printed without one (see the file comment for the order). */
export function inferYear(
  day: number,
  month: number,
  weekday: number | null,
  ctx: DateContext,
): { year: number; source: YearSource } | null {
  const meetingDateYear = ctx.meetingDate ? Number(ctx.meetingDate.slice(0, 4)) : null;
  const center = meetingDateYear ?? ctx.meetingYear ?? ctx.nearbyYear ?? null;
  if (weekday !== null && center !== null) {
    // A weekday recurs on the same date every 5–11 years, so ±6 years around the context finds
    // the nearest fit. On a tie, a date relative to a known meeting (a deadline) lies ahead;
    // a meeting's own date is more often before the years its text mentions, so look back first.
    const forwardFirst = meetingDateYear !== null;
    for (let d = 0; d <= 6; d++) {
      const order = d === 0 ? [center] : forwardFirst ? [center + d, center - d] : [center - d, center + d];
      for (const y of order) {
        if (day <= daysIn(y, month) && weekdayOf(y, month, day) === weekday) {
          return { year: y, source: "weekday" };
        }
      }
    }
  }
  if (ctx.meetingDate && meetingDateYear !== null) {
    return { year: nearestYear(day, month, ctx.meetingDate), source: "meeting" };
  }
  if (ctx.meetingYear) return { year: ctx.meetingYear, source: "meeting" };
  if (ctx.nearbyYear) return { year: ctx.nearbyYear, source: "nearby" };
  return null;
}

/**
 * The year (meeting year ±1) that puts the date closest to the meeting. Dates ahead count
 * a little less than dates behind, because what minutes date without a year is mostly a
 * deadline; "den 15. januar" in December minutes is next January.
 */
function nearestYear(day: number, month: number, meetingDate: string): number {
  const y0 = Number(meetingDate.slice(0, 4));
  const meet = Date.parse(meetingDate + "T00:00:00Z");
  let best = y0;
  let bestCost = Infinity;
  for (const y of [y0 - 1, y0, y0 + 1]) {
    if (day > daysIn(y, month)) continue;
    const diff = (Date.UTC(y, month - 1, day) - meet) / 86_400_000;
    const cost = diff >= 0 ? diff : -diff * 1.5;
    if (cost < bestCost) {
      bestCost = cost;
      best = y;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Vague times: phrases that place work in time without a date. They are deadlineText, never a date.

const VAGUE_PARTS = [
  // "medio august", "primo 2022", "ultimo uge 34", "i starten af september"
  `(?:primo|medio|ultimo|(?:i\\s+)?(?:starten|begyndelsen|midten|slutningen|udgangen)\\s+af|(?:inden|før|ved)\\s+udgangen\\s+af|først\\s+i|sidst\\s+i|midt\\s+i)\\s+(?:${MONTH_RE}|uge\\s+\\d{1,2}|året|\\d{4}|(?:\\d\\.|første|andet|tredje|fjerde)\\s+kvartal|foråret|sommeren|efteråret|vinteren)(?:\\s+\\d{4})?`,
  // "efter sommerferien", "inden jul", "hen over sommeren"
  `(?:efter|før|inden|op\\s+til|hen\\s+over|over|i)\\s+(?:sommerferien|vinterferien|efterårsferien|påskeferien|juleferien|jul(?:en)?|nytår(?:et)?|påske(?:n)?|sommeren|foråret|efteråret|vinteren)(?:\\s+\\d{4})?`,
  // "i løbet af efteråret", "i løbet af 2022"
  `i\\s+løbet\\s+af\\s+(?:foråret|sommeren|efteråret|vinteren|året|måneden|ugen|${MONTH_RE}|\\d{4}|de\\s+kommende\\s+\\w+)`,
  // "til næste møde", "på det kommende møde", "inden næste styregruppemøde"
  `(?:til|på|inden|før|ved|forud\\s+for)\\s+(?:det\\s+)?(?:næste|kommende|førstkommende|efterfølgende)\\s+\\p{L}*møde`,
  // "i uge 34", "i 3. kvartal 2022"
  `(?:i|inden|til|senest)\\s+uge\\s+\\d{1,2}`,
  `(?:i|inden|ved)\\s+(?:\\d\\.|første|andet|tredje|fjerde)\\s+kvartal(?:\\s+\\d{4})?`,
  `snarest(?:\\s+muligt)?`,
  `hurtigst\\s+muligt`,
];
const VAGUE = new RegExp(`(?<![\\p{L}])(?:${VAGUE_PARTS.join("|")})(?![\\p{L}])`, "giu");

export interface VagueTime {
  text: string;
  index: number;
  length: number;
}

/** Every vague time phrase in the text, as printed. */
export function findVagueTimes(text: string): VagueTime[] {
  return [...text.matchAll(VAGUE)].map((m) => ({ text: m[0], index: m.index!, length: m[0].length }));
}

/** True when the text places something in time without a date ("medio august", "til næste møde"). */
export function isVagueTime(text: string): boolean {
  return findVagueTimes(text).length > 0;
}
