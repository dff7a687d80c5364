/**
 * Danish dates as minutes print them, each with the ISO date the contract gives it. Dates are
 * UTC midnight Date objects.
 */
import type { Rng } from "./prng.ts";

export const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
export const MONTHS_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
export const WEEKDAYS = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

export function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, "0");
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function parts(date: Date) {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), wd: WEEKDAYS[date.getUTCDay()]! };
}

/** A working day (Monday–Friday) of the meeting years 2019–2024. */
export function meetingDate(rng: Rng): Date {
  for (;;) {
    const date = utc(rng.int(2019, 2024), rng.int(1, 12), rng.int(1, 28));
    const wd = date.getUTCDay();
    // no meetings in July (summer holiday), nor at weekends
    const { m, d } = parts(date);
    if (wd !== 0 && wd !== 6 && m !== 7 && !(m === 12 && d > 20) && !(m === 1 && d < 4)) return date;
  }
}

/** "19. november 2020", with the year. */
export function longDate(date: Date): string {
  const { y, m, d } = parts(date);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** "04-06-2020" */
export function dashDate(date: Date): string {
  const { y, m, d } = parts(date);
  return `${pad(d)}-${pad(m)}-${y}`;
}

/** "04.06.2020" */
export function dotDate(date: Date): string {
  const { y, m, d } = parts(date);
  return `${pad(d)}.${pad(m)}.${y}`;
}

export interface Deadline {
  /** The words as printed (deadlineText). */
  text: string;
  /** ISO date, or null when the words are no date. */
  iso: string | null;
}

/**
 * A deadline after the meeting: a dated form (ISO from the words; a year-less date lies in the
 * meeting's year, and a printed weekday is true in it) or a vague form (no date).
 */
export function deadline(rng: Rng, meeting: Date, opts: { vague?: number } = {}): Deadline {
  const { y: my } = parts(meeting);
  if (rng.chance(opts.vague ?? 0.4)) {
    const m = parts(addDays(meeting, rng.int(20, 70))).m;
    const month = MONTHS[m - 1]!;
    const sameYear = parts(addDays(meeting, 70)).y === my;
    const forms = [
      "til næste møde",
      "til næste møde",
      "inden næste møde",
      "på næste møde",
      "efter sommerferien",
      "hurtigst muligt",
      `inden udgangen af uge ${rng.int(2, 50)}`,
      ...(sameYear ? [`medio ${month}`, `primo ${month}`, `ultimo ${month}`, `inden udgangen af ${month}`, `i ${month}`] : []),
    ];
    return { text: rng.pick(forms), iso: null };
  }
  const date = addDays(meeting, rng.int(7, 110));
  const { y, m, d, wd } = parts(date);
  const sameYear = y === my;
  const month = MONTHS[m - 1]!;
  const lead = rng.pick(["senest", "senest", "inden", "senest den", "inden den"]);
  const yearless = [
    `${lead} den ${d}. ${month}`.replace("den den", "den"),
    `senest d. ${d}. ${month}`,
    `inden ${wd} den ${d}. ${month}`,
    `senest ${wd} den ${d}. ${month}`,
    `senest d. ${d}/${m}`,
    `inden ${d}. ${month}`,
    `frem til ${d}. ${month}`,
    `senest den ${d}.${MONTHS_SHORT[m - 1]}`,
  ];
  const withYear = [
    `senest den ${d}. ${month} ${y}`,
    `inden den ${d}. ${month} ${y}`,
    `senest ${pad(d)}.${pad(m)}.${String(y).slice(2)}`,
    `inden ${dashDate(date)}`,
    `senest ${wd} den ${d}. ${month} ${y}`,
  ];
  const text = sameYear && rng.chance(0.65) ? rng.pick(yearless) : rng.pick(withYear);
  return { text, iso: iso(date) };
}

export const capFirst = cap;
