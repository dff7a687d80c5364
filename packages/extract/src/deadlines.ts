/**
 * Deadlines of actions: an ISO date where the text states one (year inferred as the contract
 * says), and the words as printed. "til næste møde", "medio august", "efter sommerferien" are
 * no date: deadline stays null and deadlineText keeps the words.
 */
import { findDates } from "./dates.ts";
import { dk, dkWord, guarded } from "./regex.ts";

export interface DeadlineContext {
  meetingDate: string | null;
  meetingYear: number | null;
  nearbyYear: number | null;
}

const VAGUE = guarded(
  dkWord(/\b(?:(?:til|på|inden|før|efter|umiddelbart\s+efter)\s+(?:det\s+)?(?:næste|kommende)\s+(?:møde|styregruppemøde|udvalgsmøde)\w*|(?:medio|primo|ultimo|midt\s+i|slutningen\s+af|starten\s+af|udgangen\s+af)\s+\p{L}+(?:\s+\d{4})?|(?:efter|inden|før)\s+sommerferien|i\s+løbet\s+af\s+\p{L}+|når\s+[^,.;]+)/iu),
  "næste|kommende|medio|primo|ultimo|midt|slutningen|starten|udgangen|sommerferien|løbet|når",
);

export interface Deadline {
  deadline: string | null;
  deadlineText: string | null;
  /** Where the year of `deadline` came from when the text printed none ("weekday", "meeting", …). */
  yearInferred?: string;
}

export function findDeadline(sentence: string, ctx: DeadlineContext): Deadline {
  const dates = findDates(sentence, { meetingYear: ctx.meetingYear, nearbyYear: ctx.nearbyYear, meetingDate: ctx.meetingDate });
  for (const d of dates) {
    if (!d.iso) continue;
    // Take the preposition before the date into the printed words ("senest den 23. juni").
    const before = sentence.slice(0, d.index);
    const lead = /(?:senest|inden|før|til|pr\.|frist(?:en)?(?:\s+\S+){0,4}?\s+er)?\s*(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+)?(?:den|d\.)?\s*$/i.exec(before);
    const start = lead ? d.index - lead[0].trimStart().length : d.index;
    let end = d.index + d.length;
    const time = /^\s*kl\.?\s*\d{1,2}[.:]\d{2}/i.exec(sentence.slice(end));
    if (time) end += time[0].length;
    const found: Deadline = { deadline: d.iso, deadlineText: sentence.slice(start, end).trim().replace(/[.,;:]$/, "") };
    if (d.yearInferred) found.yearInferred = d.yearSource ?? "context";
    return found;
  }
  const vague = VAGUE.exec(sentence);
  if (vague) return { deadline: null, deadlineText: vague[0].trim() };
  return { deadline: null, deadlineText: null };
}
