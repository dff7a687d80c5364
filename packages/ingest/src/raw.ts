/**
 * What a format reader hands to normalisation: pages of raw lines, before running headers,
 * page numbers and line-end hyphenation are dealt with. Internal to the ingest package.
 */
import type { Format, LayoutHints, Message } from "./schema.ts";

export interface RawLine {
  text: string;
  hints: LayoutHints;
  /** 1-based line number within the page as the source shows it; defaults to position + 1. */
  line?: number;
  /** Top of the line in points from the top of the page (PDF only), for header/footer detection. */
  y?: number;
}

export interface RawPage {
  page: number;
  lines: RawLine[];
  /** Page height in points (PDF only). */
  height?: number;
}

export interface ReadResult {
  format: Format;
  pages: RawPage[];
  warnings: Message[];
  meta: { encoding?: string; ocrPages?: number[] };
  /** PDF pages that are images without a text layer and were not read, and why (no OCR, OCR failed). */
  unreadScans?: { pages: number[]; reason: string };
}

export interface ReadOptions {
  /** "auto": OCR pages without a text layer when tesseract is on PATH; "off": never. */
  ocr: "auto" | "off";
  /** Give up after this many pages (a guard against absurd files). */
  maxPages: number;
  /** File name for messages. */
  file: string;
  /** Time (Date.now()) after which reading gives up with "timeout" (PDF reading and OCR). */
  deadline: number;
  /** The time limit the deadline was set from, for messages. */
  timeoutMs: number;
}
