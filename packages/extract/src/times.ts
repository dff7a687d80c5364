/**
 * Clock times of a meeting as minutes print them: "kl. 12.45", "Kl.12.45 til kl. 14.00",
 * "kl. 10:30-12:00", "kl. 8.30 til kl.11.30", "Mødet påbegyndt: kl. 14:00", "Mødet afsluttet:
 * kl. 16:00", "Mødet startede kl. 15.30 og sluttede kl. 16.45", "Mødetidspunkt: 08:00 - 10:00".
 * A bare "12.45" is no time (it may be an amount or a section number): it needs "kl."/"klokken",
 * a colon, or a range partner that has one.
 */

export interface TimeRange {
  start: string | null;
  end: string | null;
}

export interface TimeMention {
  time: string;
  index: number;
  role: "start" | "end" | null;
}

const DASH = "(?:\\s*[-–—]\\s*|\\s+til\\s+(?:kl\\.?\\s*|klokken\\s*)?)";
const KL = "(?:kl\\.?|klokken)\\s*";
const HM = "(\\d{1,2})(?:[.:](\\d{2}))?";
const HM_STRICT = "(\\d{1,2})[.:](\\d{2})";

// "kl. 10:30-12:00", "kl. 8.30 til kl.11.30", "kl. 9-12", "kl. 14"
const KL_TIME = new RegExp(`(?<![\\p{L}])${KL}${HM}(?:${DASH}${HM})?(?![\\d])`, "giu");
// "10:30-12:00", "08.00 - 10.00" (both sides with minutes), "14:00" (a colon is a clock)
const BARE_RANGE = new RegExp(`(?<![\\d.:,/])${HM_STRICT}\\s*[-–—]\\s*${HM_STRICT}(?![\\d.:]\\d|\\s*%)`, "gu");
const COLON_TIME = /(?<![\d.:,/])(\d{1,2}):(\d{2})(?![\d:])/gu;

// Cue words just before a time: "påbegyndt", "starttidspunkt", "fra" mark the start;
// "afsluttet", "sluttede", "hævet", "slut", "sluttidspunkt", "til" mark the end.
const START_CUE = /(?:påbegyndt|begyndt|begyndte|start(?:ede|et|tidspunkt)?|fra|mødestart)\s*:?\s*$/iu;
const END_CUE = /(?:afsluttet|afsluttes|sluttede|slutter|slut(?:tidspunkt)?|hævet|hæves|ophørte|ophører|til|mødeslut|færdig)\s*:?\s*$/iu;

function hhmm(h: string, m: string | undefined): string | null {
  const hour = Number(h);
  const min = m === undefined ? 0 : Number(m);
  if (hour > 24 || min > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** Every clock time in the text with the role its cue word gives it. */
export function findTimes(text: string): TimeMention[] {
  const out: TimeMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (i: number, j: number) => taken.every(([a, b]) => j <= a || i >= b);
  const roleBefore = (i: number): TimeMention["role"] => {
    const before = text.slice(Math.max(0, i - 30), i);
    if (END_CUE.test(before)) return "end";
    if (START_CUE.test(before)) return "start";
    return null;
  };
  const add = (m: RegExpMatchArray, h1: string, m1: string | undefined, h2?: string, m2?: string) => {
    const i = m.index!;
    const j = i + m[0].length;
    if (!free(i, j)) return;
    const a = hhmm(h1, m1);
    if (!a) return;
    const b = h2 !== undefined ? hhmm(h2, m2) : null;
    if (h2 !== undefined && !b) return;
    taken.push([i, j]);
    if (b) {
      out.push({ time: a, index: i, role: "start" }, { time: b, index: i + m[0].length - 1, role: "end" });
    } else {
      out.push({ time: a, index: i, role: roleBefore(i) });
    }
  };
  for (const m of text.matchAll(KL_TIME)) add(m, m[1]!, m[2], m[3], m[4]);
  for (const m of text.matchAll(BARE_RANGE)) add(m, m[1]!, m[2], m[3], m[4]);
  for (const m of text.matchAll(COLON_TIME)) add(m, m[1]!, m[2]);
  return out.sort((x, y) => x.index - y.index);
}

/**
 * Start and end of a meeting from the text of its time line(s). A single unlabelled time is
 * the start; a time after "afsluttet"/"sluttede"/"hævet" is the end.
 */
export function parseTimeRange(text: string): TimeRange {
  const times = findTimes(text);
  let start: string | null = null;
  let end: string | null = null;
  for (const t of times) {
    if (t.role === "end") {
      if (end === null) end = t.time;
    } else if (start === null) {
      start = t.time;
    } else if (end === null && t.role === null && t.time > start) {
      // "kl. 12.45 og kl. 14.00": a second plain time after the start closes the range.
      end = t.time;
    }
  }
  return { start, end };
}
