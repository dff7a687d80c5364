/**
 * The meeting fields of minutes-json/1: body, cluster, kind, number, date, start/end time and
 * location, read from the title and the header block ("Mødedato:", "Tid og sted", "Sted",
 * "Mødet påbegyndt: kl. 14:00", "Møde 4, 2021"), which may stand anywhere in the extracted text
 * (pdf-to-text can put it inside an item). Everything not printed stays null.
 */
import type { Line } from "@minutes/ingest";
import type { Meeting, Warning } from "./schema.ts";
import { findDates, type DateContext, type DateMatch } from "./dates.ts";
import { findTimes, parseTimeRange } from "./times.ts";
import { clean, fold, stripMarkup } from "./text.ts";
import { HEADER_FIELD, isLayoutNoise } from "./vocab.ts";

export interface MeetingContext {
  /** A year known from outside the text (a file date, a series); used after the text's own years. */
  nearbyYear?: number | null;
}

export interface MeetingResult {
  meeting: Meeting;
  warnings: Warning[];
  /** Indices into `lines` of the title and header-field lines, for segmentation to skip. */
  usedLines: number[];
}

type FieldKind = "date" | "place" | "datePlace" | "start" | "end" | "subject" | "other";

interface Field {
  kind: FieldKind;
  /** Row of the label. */
  row: number;
  /** Value text and the rows it came from. */
  value: string;
  valueRows: number[];
}

const TITLE_WORD = /^(?<kind>referat|dagsorden|beslutningsprotokol|beslutningsreferat|mødereferat|protokol|udkast\s+til\s+referat|foreløbigt\s+referat|godkendt\s+referat)(?![\p{L}])/iu;
// "Beslutning i Økonomiudvalget den 04-06-2020": a decision protocol names its body too.
const DECISION_TITLE = /^(?:beslutning(?:er)?|beslutningsprotokol)\s+(?:i|fra|for)\s+/iu;
const MEETING_TITLE = /^[Mm]øde(?:\s+(?:i|for|med))?\s+(?=\p{Lu})/u;
// Words that open a body phrase without being part of it.
const BODY_LEAD = /^(?:(?:fra|af|for|over|vedr\.?)\s+)?(?:(?:det|den)\s+)?(?:(?:ordinære|ekstraordinære|konstituerende|fælles)\s+)?(?:møde(?:t)?\s+(?:i|for|med)\s+|møde\s+)?/iu;

function classify(label: string): FieldKind {
  const l = label.toLowerCase();
  if (/^tid(?:spunkt)?\s*(?:og|\/|&)\s*sted|^dato\s+og\s+sted/.test(l)) return "datePlace";
  if (/påbegyndt|startede|begyndte|^start|mødestart/.test(l)) return "start";
  if (/afsluttet|sluttede|hævet|^slut|mødeslut/.test(l)) return "end";
  if (/^(?:sted|lokale|adresse|hvor|mødested|mødelokale)$/.test(l)) return "place";
  if (/^(?:mødedato|dato|tid|tidspunkt|mødetidspunkt|mødetid|dato\s+og\s+tid(?:spunkt)?|hvornår)$/.test(l)) return "date";
  if (/^emne$/.test(l)) return "subject";
  return "other";
}

/** A header-field label at the start of a row: the label, and the value after it on the row. */
function labelOf(text: string): { label: string; value: string } | null {
  const plain = stripMarkup(text);
  const t = plain.includes("|") ? plain.replace(/\s*:?\s*\|\s*/, ": ") : plain; // table row "Dato | 13. august 2021", "Sted: | …"
  const m = HEADER_FIELD.exec(t);
  if (!m) return null;
  const after = t.slice(m[0].length);
  if (/^\s*:/.test(after)) return { label: m[0], value: after.replace(/^\s*:\s*/, "").trim() };
  if (after.trim() === "") return { label: m[0], value: "" };
  // Without a colon the value must start like a value ("Tid Mandag d. 17. april", "Sted Mødelokale D").
  if (/^\s+[\p{Lu}\d]/u.test(after) && !/^\s+(?:og|er|var|blev)\b/iu.test(after)) return { label: m[0], value: after.trim() };
  return null;
}

/** A label in colon form only ("Tid og sted:"), for rows that carry several labels. */
function colonLabel(text: string): { label: string; value: string } | null {
  const m = HEADER_FIELD.exec(text);
  return m && /^\s*:/.test(text.slice(m[0].length)) ? labelOf(text) : null;
}

export function extractMeeting(lines: Line[], ctx: MeetingContext = {}): MeetingResult {
  // stripMarkup cleans first (and clean twice is clean once).
  const rows = lines.map((l) => stripMarkup(l.text));
  const used = new Set<number>();
  const warnings: Warning[] = [];
  const at = (k: number) => ({ page: lines[k]!.page, line: lines[k]!.line });

  const fields = headerCluster(headerFields(rows), rows);
  for (const f of fields) {
    used.add(f.row);
    for (const r of f.valueRows) used.add(r);
  }

  // ---- title, body, kind
  const title = findTitle(rows);
  if (title) for (const r of title.rows) used.add(r);
  let body = title?.body ?? null;
  const allText = rows.join("\n");
  if (!body) {
    body = guessBody(allText);
    if (body) {
      warnings.push({ code: "body-guessed", message: `No title names the forum; "${body}" is the forum the text names most`, page: null, line: null });
    } else {
      warnings.push({ code: "body-missing", message: "The document does not name its forum", page: null, line: null });
    }
  }
  const cluster = clusterOf(body, allText);
  const hasMinutesText = rows.some((r) => /^(?:referat|beslutning|protokol)\s*:?$/iu.test(r) || /^(?:referat|beslutning)\s*:\s*\S/iu.test(r));
  const kind: Meeting["kind"] = title?.kind === "dagsorden" && !hasMinutesText ? "dagsorden" : "referat";

  // ---- number (and the year it states: "Møde 4, 2021")
  const headerRows = headerContext(rows, fields, title);
  let number: string | null = null;
  let meetingYear: number | null = null;
  for (const k of headerRows) {
    const n = numberOf(rows[k]!);
    if (n) {
      number = n.number;
      meetingYear = n.year;
      used.add(k);
      break;
    }
  }

  // ---- date
  const nearbyYear = documentYear(rows) ?? ctx.nearbyYear ?? null;
  const dateCtx: DateContext = { meetingYear, nearbyYear };
  let date: DateMatch | null = null;
  let dateRow: number | null = null;
  const dateFields = fields.filter((f) => f.kind === "date" || f.kind === "datePlace");
  for (const f of dateFields) {
    const d = findDates(f.value, dateCtx).find((x) => x.iso);
    if (d) {
      date = d;
      dateRow = f.valueRows[0] ?? f.row;
      break;
    }
  }
  if (!date && title) {
    // "Referat fra mødet i Økonomiudvalget den 4. juni 2020", or a date line right under the title.
    for (const r of title.dateRows) {
      const d = findDates(rows[r]!, dateCtx).find((x) => x.iso);
      if (d) {
        date = d;
        dateRow = r;
        used.add(r);
        break;
      }
    }
  }
  if (date && date.yearInferred && dateRow !== null) {
    warnings.push({
      code: "year-inferred",
      message: `"${date.text}" prints no year; ${date.iso!.slice(0, 4)} inferred from the ${yearReason(date)}`,
      ...at(dateRow),
    });
  }
  if (date && date.weekdayAgrees === false && dateRow !== null) {
    warnings.push({ code: "weekday-mismatch", message: `"${date.text}": the weekday does not fit the date ${date.iso}`, ...at(dateRow) });
  }
  if (!date) warnings.push({ code: "date-missing", message: "No meeting date is printed", page: null, line: null });

  // ---- times
  let startTime: string | null = null;
  let endTime: string | null = null;
  const timeSources = [...dateFields.map((f) => f.value), ...(dateRow !== null ? [rows[dateRow]!] : [])];
  for (const v of timeSources) {
    const t = parseTimeRange(v);
    startTime ??= t.start;
    endTime ??= t.end;
    if (startTime) break;
  }
  for (const f of fields) {
    if (f.kind === "start") startTime ??= parseTimeRange(f.value).start;
    if (f.kind === "end") {
      const t = parseTimeRange(f.value);
      endTime ??= t.end ?? t.start;
    }
  }
  if (!startTime || !endTime) {
    // "Mødet startede kl. 15.30 og sluttede kl. 16.45", "Mødet hævet kl. 17.10" (often at the end).
    for (const r of rows) {
      if (!/^mødet\s+(?:blev\s+)?(?:startede|påbegyndt|begyndte|sluttede|hævet|afsluttet|slut|hæves)/iu.test(r)) continue;
      const t = findTimes(r);
      for (const x of t) {
        if (x.role === "end") endTime ??= x.time;
        else if (x.role === "start") startTime ??= x.time;
      }
    }
  }

  // ---- location
  let location: string | null = null;
  for (const f of fields) {
    if (f.kind === "place" && isPlace(f.value)) {
      location = f.value;
      break;
    }
    if (f.kind === "datePlace") {
      const p = placeAfterDateTime(f.value, dateCtx);
      if (p) {
        location = p;
        break;
      }
    }
  }
  if (!location && dateRow !== null && title?.dateRows.includes(dateRow)) {
    location = placeAfterDateTime(rows[dateRow]!, dateCtx);
  }

  const meeting: Meeting = {
    body,
    cluster,
    kind,
    number,
    date: date?.iso ?? null,
    startTime,
    endTime,
    location,
  };
  return { meeting, warnings, usedLines: [...used].sort((a, b) => a - b) };
}

function yearReason(d: DateMatch): string {
  switch (d.yearSource) {
    case "weekday":
      return "weekday, which fits that year";
    case "meeting":
      return "meeting's year";
    default:
      return "years the document states";
  }
}

// ---------------------------------------------------------------------------------------------
// Header fields

/**
 * Every header-field label with its value. A label without a value on its row takes the next
 * row that is no label ("Mødedato:" / "Tid og sted:" / "Fredag den 13.aug Kl.12.45 …"); "Tid og
 * sted" may take a second row for the place.
 */
function headerFields(rows: string[]): Field[] {
  const out: Field[] = [];
  // Each row's label, read once: the value search below asks about the same rows again.
  const labels = new Map<number, { label: string; value: string } | null>();
  const labelAt = (k: number) => {
    let lab = labels.get(k);
    if (lab === undefined) labels.set(k, (lab = labelOf(rows[k]!)));
    return lab;
  };
  const isLabelRow = (k: number) => labelAt(k) !== null;
  for (let k = 0; k < rows.length; k++) {
    const lab = labelAt(k);
    if (!lab) continue;
    // "Mødedato: Tid og sted:": a row of several labels without values.
    const labels = [lab.label];
    let value = lab.value;
    for (let inner = colonLabel(value); inner && labels.length < 4; inner = colonLabel(value)) {
      labels.push(inner.label);
      value = inner.value;
    }
    // "Dato: 13. august 2021 – Tid: kl. 12.45-14.00 – Sted: Regionshuset": labels inside a value.
    const inline = splitInline(value);
    if (inline.length > 1) {
      value = inline[0]!.value;
      for (const x of inline.slice(1)) out.push({ kind: classify(x.label), row: k, value: x.value, valueRows: [] });
    }
    const kinds = labels.map(classify);
    const kind: FieldKind = kinds.includes("datePlace") || (kinds.includes("date") && kinds.includes("place")) ? "datePlace" : kinds[0]!;
    const valueRows: number[] = [];
    if (!value) {
      // The value stands on the next rows after any further empty labels.
      let j = k + 1;
      while (j < rows.length && (isLayoutNoise(rows[j]!) || (isLabelRow(j) && labelAt(j)!.value === ""))) j++;
      if (j < rows.length && !isLabelRow(j) && j - k <= 6 && looksLikeValue(rows[j]!)) {
        value = rows[j]!;
        valueRows.push(j);
        // "Tid og sted": the place may follow on the next row.
        if (kind === "datePlace" && findDates(value).length && remainderAfterDateTime(value, {}) === "") {
          let p = j + 1;
          while (p < rows.length && isLayoutNoise(rows[p]!)) p++;
          if (p < rows.length && !isLabelRow(p) && isPlaceRow(rows[p]!) && looksLikeValue(rows[p]!) && !findDates(rows[p]!).length) {
            let place = rows[p]!;
            valueRows.push(p);
            // A postcode at the line end wants its town on the next line ("…, 9000" / "Aalborg").
            const q = p + 1;
            if (/(?:\b\d{4}|,)$/.test(place) && q < rows.length && /^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?$/u.test(rows[q]!) && !isLabelRow(q)) {
              place = `${place} ${rows[q]!}`;
              valueRows.push(q);
            }
            value = `${value} | ${place}`;
          }
        }
      }
    }
    if (kind === "datePlace" || kind === "date" || kind === "place" || kind === "start" || kind === "end" || kind === "subject" || value) {
      out.push({ kind, row: k, value, valueRows });
    }
  }
  return out;
}

// Labels only a meeting header uses; "Tidspunkt:"/"Sted:" also stand inside items (a planned seminar).
const MEETING_LABEL = /^(?:møde\p{L}*|dato|tid\s*(?:og|\/|&)\s*sted|mødet\s)/iu;
const ITEM_ROW = /^(?:\d{1,2}[.)]|punkt\s+\d+|pkt\.?\s*\d+)\s+\p{Lu}/u;

/**
 * The header's fields: the first run of labels (gaps under 20 rows, no agenda item between)
 * that stands before the first agenda item or uses a meeting-only label ("Mødedato", "Tid og
 * sted"). Labels inside items ("Tidspunkt: marts 2021 / Sted: Læsø" for a planned seminar) stay text.
 */
function headerCluster(fields: Field[], rows: string[]): Field[] {
  const firstItem = rows.findIndex((r) => ITEM_ROW.test(r));
  const clusters: Field[][] = [];
  for (const f of fields) {
    const cur = clusters[clusters.length - 1];
    const prev = cur?.[cur.length - 1];
    const itemBetween = prev !== undefined && rows.slice(prev.row + 1, f.row).some((r) => ITEM_ROW.test(r));
    // A participant list between two labels is part of the header, however long it is.
    const between = prev ? rows.slice(prev.row + 1, f.row) : [];
    const listBetween = between.some((r) => /^(?:deltagere|mødedeltagere|medlemmer|til\s*stede|afbud|fraværende)\b/iu.test(r));
    if (cur && prev && (f.row - prev.row <= 20 || (listBetween && f.row - prev.row <= 120)) && !itemBetween) cur.push(f);
    else clusters.push([f]);
  }
  for (const c of clusters) {
    const early = firstItem < 0 || c[0]!.row < firstItem;
    const specific = c.some((f) => MEETING_LABEL.test(stripMarkup(rows[f.row]!)));
    if (early || specific) return c;
  }
  return [];
}

const INLINE_LABEL = /(?:^|[\s,;|–—-])(tid(?:spunkt)?|sted|mødested|lokale|dato|mødedato)\s*:\s*/giu;

/** Splits a value at further "Label:" parts; the first part keeps the outer label. */
function splitInline(value: string): Array<{ label: string; value: string }> {
  const marks = [...value.matchAll(INLINE_LABEL)].filter((m) => m.index! > 0);
  if (!marks.length) return [{ label: "", value }];
  const out = [{ label: "", value: value.slice(0, marks[0]!.index).replace(/[\s,;|–—-]+$/u, "").trim() }];
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.index : value.length;
    out.push({ label: m[1]!, value: value.slice(m.index! + m[0].length, end).replace(/[\s,;|–—-]+$/u, "").trim() });
  });
  return out;
}

/** A value row is short and no item, list or sentence ("1. Godkendelse …" or "Det indstilles"). */
function looksLikeValue(text: string): boolean {
  if (/^\d{1,2}[.)]\s+\p{Lu}/u.test(text) && !findDates(text).length) return false;
  if (text.split(/\s+/).length > 16) return false;
  return !/^(?:deltagere|afbud|dagsorden|referat|bilag|indstilling|det\s+indstilles)\b/iu.test(text);
}

// Cues of a place: rooms, buildings, streets, postcodes, online meetings.
const PLACE_CUE = /(?:lokale|sal(?:en)?|rum|mødecenter|bygning|auditorium|kantine|huset|rådhus|kontor|vej|gade|allé|plads|torv|park|hospital|sygehus|center|centret|skole|teams|skype|zoom|online|virtuel|virtuelt|video|digitalt?|telefon|\d{4}\s+\p{Lu})/iu;

/** A place as printed: not a remark ("– efter seminar"), starts capitalised or with a room cue. */
function isPlace(text: string): boolean {
  const t = text.replace(/^[\s,;:–—-]+/u, "").trim();
  if (!t || t.length > 160) return false;
  if (/^(?:efter|før|inden|herefter|umiddelbart|i\s+forlængelse|afholdes|aflyst|udsat|ingen)\b/iu.test(t)) return false;
  if (findDates(t).length && !PLACE_CUE.test(t)) return false;
  return /^\p{Lu}/u.test(t) || PLACE_CUE.test(t) || /^\d/.test(t);
}

/** A row of its own that names a place: a place cue, or a few capitalised words (no sentence). */
function isPlaceRow(text: string): boolean {
  if (!isPlace(text) || /[.:!?]$/.test(text)) return false;
  if (PLACE_CUE.test(text)) return true;
  const words = text.split(/\s+/);
  return words.length <= 6 && words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^[,–—-]$/u.test(w));
}

/** The text after the date and time of a "Tid og sted" value ("– efter seminar", "i Byrådssalen"). */
function remainderAfterDateTime(text: string, ctx: DateContext): string {
  const dates = findDates(text, ctx);
  const lastDate = dates[dates.length - 1];
  let cut = lastDate ? lastDate.index + lastDate.length : 0;
  for (const t of text.matchAll(/(?:kl\.?|klokken)?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?)?(?![\d.])/giu)) {
    if (!/kl|\d[.:]\d/iu.test(t[0])) continue; // a bare number is no time
    if (t.index! + t[0].length > cut && t.index! >= cut - 1) cut = t.index! + t[0].length;
  }
  const rest = text.slice(cut).replace(/^[\s,;:–—-]+/u, "").replace(/^(?:i|på)\s+/iu, "").trim();
  // "… kl. 16.30-18.30 Sted: Mødelokale 3": the place's own label is no part of it.
  const lab = labelOf(rest);
  return lab && classify(lab.label) === "place" ? lab.value : rest;
}

/** What stands after the date and time on a "Tid og sted" value: the place, or null. */
function placeAfterDateTime(value: string, ctx: DateContext): string | null {
  const parts = value.split(" | ");
  const rest = remainderAfterDateTime(parts[0]!, ctx);
  const candidates = [rest, ...parts.slice(1)];
  for (const c of candidates) if (c && isPlace(c)) return c.replace(/[.,;]$/, "").trim();
  return null;
}

/** Rows that belong to the header: the first rows, and rows near labels, title and participant block. */
function headerContext(rows: string[], fields: Field[], title: Title | null): number[] {
  const set = new Set<number>();
  for (let k = 0; k < Math.min(rows.length, 15); k++) set.add(k);
  const anchors = [...fields.map((f) => f.row), ...(title?.rows ?? [])];
  rows.forEach((r, k) => {
    if (/^(?:deltagere|afbud|mødedeltagere|til\s*stede)\b/iu.test(r)) anchors.push(k);
  });
  for (const a of anchors) for (let k = Math.max(0, a - 6); k <= Math.min(rows.length - 1, a + 6); k++) set.add(k);
  return [...set].sort((a, b) => a - b);
}

/** "Møde 4, 2021", "Møde nr. 3", "3. møde i 2021", "Mødenummer: 7" → the number (and year). */
function numberOf(row: string): { number: string; year: number | null } | null {
  const t = row.replace(/^emne\s*:?\s*/iu, "");
  const m =
    /^møde\s+(?:nr\.?\s*)?(\d{1,3})(?!\d)(?!\.\s*\p{L})(?:\s*[,/]\s*((?:19|20)\d{2})(?!\d))?/iu.exec(t) ??
    /\bmøde\s*nr\.?\s*(\d{1,3})(?!\d)(?:\s*[,/]\s*((?:19|20)\d{2})(?!\d))?/iu.exec(t) ??
    /^mødenummer\s*:?\s*(\d{1,3})(?!\d)/iu.exec(t) ??
    /^(\d{1,2})\.\s+møde\b(?:\s+i\s+((?:19|20)\d{2}))?/iu.exec(t);
  if (!m) return null;
  return { number: m[1]!, year: m[2] ? Number(m[2]) : null };
}

/**
 * The year the document's dates state most often (the latest on a tie), for yearless dates;
 * without full dates, the year the text names most ("i maj 2023", "budget 2024").
 */
function documentYear(rows: string[]): number | null {
  const fromDates = new Map<number, number>();
  const bare = new Map<number, number>();
  for (const r of rows) {
    if (mayPrintYear(r)) for (const d of findDates(r)) {
      if (d.yearSource === "printed" && d.iso) bump(fromDates, Number(d.iso.slice(0, 4)));
    }
    // A year is "19" or "20" and two digits: rows without either are not scanned.
    if (r.includes("19") || r.includes("20")) for (const m of r.matchAll(/(?<![\d.,/-])((?:19|20)\d{2})(?![\d.,/-]\d|\d)/g)) bump(bare, Number(m[1]));
  }
  return mode(fromDates) ?? mode(bare);
}

// Every date printed with its year holds four digits in a row ("2021"), or a two-digit year after
// day and month ("7.9.20", "4/6-20"): a row with neither gives findDates no printed year.
const PRINTED_YEAR_HINT = /\d{4}|\d[./-]\d{1,2}[./-]\d{2}|\d\/\d{1,2}-\d{2}/;

/** False when findDates(text) can hold no date with a printed year. */
export function mayPrintYear(text: string): boolean {
  return PRINTED_YEAR_HINT.test(text);
}

function bump(m: Map<number, number>, y: number): void {
  m.set(y, (m.get(y) ?? 0) + 1);
}

function mode(counts: Map<number, number>): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Title and body

interface Title {
  kind: "referat" | "dagsorden";
  body: string | null;
  rows: number[];
  /** Rows where the meeting's date may stand (the title row and the rows right after it). */
  dateRows: number[];
}

function findTitle(rows: string[]): Title | null {
  const firstRows: number[] = [];
  for (let k = 0; k < rows.length && firstRows.length < 12; k++) if (!isLayoutNoise(rows[k]!)) firstRows.push(k);
  for (const k of firstRows) {
    const row = rows[k]!;
    if (/^\d{1,2}[.)]\s/.test(row)) break; // the first agenda item: the title comes before it
    // "Referat Klyngestyregruppe Syd", "Referat fra mødet i Økonomiudvalget den 4. juni 2020"
    const tw = TITLE_WORD.exec(row);
    const dt = DECISION_TITLE.exec(row);
    if (tw || dt) {
      const kind = tw && /dagsorden/i.test(tw.groups!.kind!) ? "dagsorden" : "referat";
      const rest = row.slice((tw ?? dt)![0].length).replace(/^\s*[:–—-]?\s*/u, "");
      let body = bodyFrom(rest);
      const titleRows = [k];
      if (!body) {
        // "# Referat" + "## Klyngestyregruppe Nord": the body is the next row (or the one before).
        const next = firstRows.find((j) => j > k);
        const prev = [...firstRows].reverse().find((j) => j < k);
        for (const j of [next, prev]) {
          if (j === undefined) continue;
          // A letterhead ("Aalborg Kommune", "Region Nordjylland") is the owner, not the forum.
          if (/^(?:\p{Lu}[\p{L}-]*\s+(?:Kommune|Regionskommune)|Region\s+\p{Lu}[\p{L}-]*)$/u.test(rows[j]!)) continue;
          const b = bodyFrom(rows[j]!);
          if (b && isBodyRow(rows[j]!)) {
            body = b;
            titleRows.push(j);
            break;
          }
        }
      }
      // A title row that is a list heading ("Dagsorden:" before the items) is no title.
      if (!body && /:\s*$/.test(row)) continue;
      const after = firstRows.filter((j) => j > k).slice(0, 3);
      return { kind, body, rows: titleRows, dateRows: [k, ...after] };
    }
    // "Møde Direktørforum – Sundhedsklynge Midt"
    if (MEETING_TITLE.test(row)) {
      const body = bodyFrom(row.replace(MEETING_TITLE, ""));
      if (body) return { kind: "referat", body, rows: [k], dateRows: [k, ...firstRows.filter((j) => j > k).slice(0, 3)] };
    }
    // "Økonomiudvalget. Referat fra møde torsdag den 6. september 2012", "Egebjerg Kommune Økonomiudvalget Referat"
    const pre = /^(?<body>\p{Lu}.*?)[.,:–—-]?\s+(?<kind>referat|dagsorden|beslutningsprotokol)(?:\s|$)/iu.exec(row);
    if (pre) {
      const body = bodyFrom(stripOwnerPrefix(pre.groups!.body!));
      if (body && new RegExp(FORUM.source, "u").test(body)) {
        const kind = /dagsorden/i.test(pre.groups!.kind!) ? "dagsorden" : "referat";
        return { kind, body, rows: [k], dateRows: [k, ...firstRows.filter((j) => j > k).slice(0, 3)] };
      }
    }
  }
  return null;
}

/** A row that can be a forum's name on its own: short, capitalised, no label, item or sentence. */
function isBodyRow(row: string): boolean {
  return (
    row.split(/\s+/).length <= 10 &&
    /^\p{Lu}/u.test(row) &&
    !labelOf(row) &&
    !/^\d/.test(row) &&
    !/[.!?]$/.test(row) &&
    !/^(?:deltagere|afbud|dagsorden|referat|bilag|indhold)\b/iu.test(row)
  );
}

/** The body phrase: lead words off; date, time, place and trailing punctuation cut. */
function bodyFrom(text: string): string | null {
  let t = clean(text).replace(BODY_LEAD, "");
  const dates = findDates(t);
  if (dates.length) t = t.slice(0, dates[0]!.index);
  t = t
    .replace(/\s+(?:kl\.?|klokken)\s*\d.*$/iu, "")
    .replace(/\s+(?:den|d\.)\s*$/iu, "")
    .replace(/[,\s]+(?:møde\s*)?nr\.?\s*\d+.*$/iu, "") // "…, møde nr. 3"
    .replace(/\s*\((?:[^)]*)\)\s*$/u, "")
    .replace(/[\s,.:;–—-]+$/u, "")
    .replace(/^["“„»]|["”«]$/gu, "")
    .trim();
  if (!t || !/^\p{Lu}/u.test(t) || t.split(/\s+/).length > 10) return null;
  if (/^(?:møde|mødet|referat|dagsorden)$/iu.test(t)) return null;
  return t;
}

/** "Egebjerg Kommune Økonomiudvalget" → "Økonomiudvalget": the owner is no part of the forum's name. */
function stripOwnerPrefix(text: string): string {
  return text.replace(/^(?:\p{Lu}[\p{L}-]*\s+(?:Kommune|Regionskommune)|Region\s+\p{Lu}[\p{L}-]*)[.,:]?\s+(?=\p{Lu})/u, "");
}

// Forum words: "Klyngestyregruppe", "Direktørforum", "Økonomiudvalget", "Regionsrådet", "Bestyrelsen".
const FORUM = /(?<![\p{L}])(?<head>\p{L}*(?:styregruppe|gruppe|forum|udvalg|råd|bestyrelse|komité|komite|netværk|panel|sundhedsklynge)(?:n|en|et|met)?)(?:\s+(?<qual>(?:for\s+)?\p{Lu}[\p{L}-]*))?(?![\p{L}])/gu;
// Generic group words that name no standing forum.
const GENERIC_FORUM = new Set(
  "gruppe arbejdsgruppe undergruppe projektgruppe målgruppe patientgruppe borgergruppe aldersgruppe ledergruppe følgegruppe råd forum udvalg panel netværk"
    .split(" ")
    .map(forumStem),
);

/** "Klyngestyregruppen"/"klyngestyregruppe" → one key: folded, definite ending and final e off. */
function forumStem(word: string): string {
  return fold(word).replace(/(?:met|en|et|n|t)$/u, "").replace(/e$/u, "");
}
const ACTS = String.raw`(?:besluttede|beslutter|godkendte|godkender|kvitterede|kvitterer|drøftede|drøfter|tog|tager|anbefaler|anbefalede|tilsluttede|tilslutter|bakkede|nikkede|vedtog|vedtager|pegede)`;

/** The forum the text names most, weighted by where it acts ("Klyngestyregruppen besluttede …"). */
export function guessBody(text: string): string | null {
  const score = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const m of text.matchAll(FORUM)) {
    const head = m.groups!.head!;
    const stem = forumStem(head);
    if (GENERIC_FORUM.has(stem) || stem.length < 5) continue;
    let s = 1;
    const after = text.slice(m.index! + head.length, m.index! + head.length + 20);
    const before = text.slice(Math.max(0, m.index! - 25), m.index!);
    if (new RegExp(`^\\s+${ACTS}`, "iu").test(after) || /(?:indstilles,?\s+at|indstilling:)\s*$/iu.test(before)) s += 3;
    score.set(stem, (score.get(stem) ?? 0) + s);
    const qual = m.groups!.qual;
    // The printed name: the indefinite head with its qualifier ("Klyngestyregruppe Midt").
    if (qual && !/^for\s/i.test(qual) && /^(?:nord|midt|syd|øst|vest|\p{Lu}\p{Ll}+)$/iu.test(qual) && !/(?:en|et|met)$/u.test(head)) {
      const f = forms.get(stem) ?? new Map<string, number>();
      const printed = `${head} ${qual}`;
      f.set(printed, (f.get(printed) ?? 0) + 1);
      forms.set(stem, f);
    }
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [stem, s] of score) if (s > bestScore) [best, bestScore] = [stem, s];
  if (!best) return null;
  const f = forms.get(best);
  if (f && f.size) {
    // Among the printed forms, the most frequent; "MIDT" and "Midt" count together, the
    // capitalised spelling is shown.
    const byFold = new Map<string, { count: number; forms: string[] }>();
    for (const [printed, c] of f) {
      const key = fold(printed);
      const e = byFold.get(key) ?? { count: 0, forms: [] };
      e.count += c;
      e.forms.push(printed);
      byFold.set(key, e);
    }
    const top = [...byFold.values()].sort((a, b) => b.count - a.count)[0]!;
    const pretty = top.forms.find((x) => !/\p{Lu}{2,}/u.test(x.split(" ").slice(1).join(" "))) ?? top.forms[0]!;
    return pretty.charAt(0).toUpperCase() + pretty.slice(1);
  }
  // No qualified form: the head as printed most often, capitalised.
  const heads = [...text.matchAll(FORUM)].map((m) => m.groups!.head!).filter((h) => forumStem(h) === best);
  const h = heads.find((x) => /^\p{Lu}/u.test(x)) ?? heads[0]!;
  return h.charAt(0).toUpperCase() + h.slice(1);
}

/** Nord/Midt/Syd from the body, else from the text's "Klynge X"/"Sundhedsklynge X". */
function clusterOf(body: string | null, text: string): Meeting["cluster"] {
  const pick = (s: string) => {
    const c = s.toLowerCase();
    return c === "nord" ? "Nord" : c === "midt" ? "Midt" : c === "syd" ? "Syd" : null;
  };
  if (body) {
    const m = /(?:^|\s)(Nord|Midt|Syd)$/iu.exec(body) ?? /klynge\w*\s+(Nord|Midt|Syd)(?![\p{L}])/iu.exec(body);
    if (m) return pick(m[1]!);
  }
  const counts = new Map<string, number>();
  // Every match has "klynge" in it: a text without it is not scanned (a lookbehind at every position).
  if (/klynge/iu.test(text)) for (const m of text.matchAll(/(?<![\p{L}])(?:sundheds)?klynge(?:styregruppe|n)?\s+(nord|midt|syd)(?![\p{L}])/giu)) {
    const c = pick(m[1]!)!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return (top?.[0] as Meeting["cluster"]) ?? null;
}
