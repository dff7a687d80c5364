/**
 * The extractor's working view of a line: the ingested line plus its index in the document
 * and its list marker split off. Everything downstream points back to page/line through it.
 */
import type { Line } from "@minutes/ingest";
import { squash } from "./text.ts";

export interface XLine {
  /** Index into SourceDocument.lines. */
  i: number;
  page: number;
  line: number;
  /** The text as ingested, trimmed, with URLs removed (layout debris, contract). */
  text: string;
  /** The text as ingested, trimmed (URLs kept), for debris detection. */
  raw: string;
  /** List marker at the start ("•", "-", "1.", "2)", "a."), or null. */
  marker: string | null;
  /** The text without its list marker. */
  body: string;
  heading: number | null;
  bold: boolean;
  fontSize: number | null;
  gapBefore: boolean;
  /** Left indent (points in a PDF, characters in a text file), 0 when unknown. */
  indent: number;
}

// Bullets used by Word, PDF printers and plain-text authors; numbers as "1." "1)" "a." "a)" "(1)".
const MARKER = /^(?:[•●○◦▪■□►▶➢✓✔·*–—-]|o(?=\s)|\(?\d{1,2}[.)](?!\d)|\(?[a-zæøå][.)](?=\s))\s*/u;

// "17. august …" at the start of a wrapped line is a date, not list point 17.
const DATE_AFTER_NUMBER = /^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\b/i;

export function splitMarker(text: string): { marker: string | null; body: string } {
  const m = MARKER.exec(text);
  if (!m || m[0].trim() === text.trim()) return { marker: null, body: text };
  if (/\d/.test(m[0]) && DATE_AFTER_NUMBER.test(text.slice(m[0].length))) return { marker: null, body: text };
  return { marker: m[0].trim(), body: text.slice(m[0].length).trim() };
}

const URL = /(?:https?:\/\/|www\.|mailto:)\S+/gi;
// Every URL has a colon or "www.": without them the line has none (raw is squashed and trimmed already).
const URL_HINT = /:|www\./i;

export function toXLines(lines: Line[]): XLine[] {
  return lines.map((l, i) => {
    const raw = squash(l.text).trim();
    const text = URL_HINT.test(raw) ? squash(raw.replace(URL, " ")).trim() : raw;
    const { marker, body } = splitMarker(text);
    return {
      i,
      page: l.page,
      line: l.line,
      text,
      raw,
      marker,
      body,
      heading: l.hints.heading ?? null,
      bold: l.hints.bold ?? false,
      fontSize: l.hints.fontSize ?? null,
      gapBefore: l.hints.gapBefore ?? false,
      indent: l.hints.indent ?? 0,
    };
  });
}

/** Joins lines to running text: layout breaks become spaces, list markers go. */
export function joinText(lines: XLine[]): string {
  return lines
    .map((l) => (l.marker && !/^\d/.test(l.marker) ? l.body : l.marker ? l.body : l.text))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
