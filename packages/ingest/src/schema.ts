/**
 * The line model every later stage reads. zod is the one definition of each shape;
 * the TypeScript types are inferred from it (z.infer), never written twice.
 */
import { z } from "zod";

/** Formats are decided by content, never by file name. "txt" covers markdown and PDF-extracted text. */
export const FormatSchema = z.enum(["pdf", "docx", "txt", "html"]);
export type Format = z.infer<typeof FormatSchema>;

/** Stages that can raise a message (vfile-message style: every message says where it came from). */
export const StageSchema = z.enum(["ingest", "extract", "store", "report", "cli"]);
export type Stage = z.infer<typeof StageSchema>;

/**
 * One warning shape for the whole pipeline: a place (page, line), a rule id (code),
 * the stage that raised it and a severity. The contract's warnings ({code, message, page, line})
 * are a subset of this shape.
 */
export const MessageSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  page: z.number().int().min(1).nullable(),
  line: z.number().int().min(1).nullable(),
  stage: StageSchema,
  severity: z.enum(["fatal", "warning", "info"]),
});
export type Message = z.infer<typeof MessageSchema>;

/** Layout hints that segmentation needs; every field is optional because formats know different things. */
export const LayoutHintsSchema = z.object({
  /** Heading level 1–6: markdown #, a DOCX Heading style, or a PDF line set clearly larger than body text. */
  heading: z.number().int().min(1).max(6).optional(),
  /** Bold (DOCX run, markdown **…**, PDF bold font name where known). */
  bold: z.boolean().optional(),
  /** Font size in points (PDF). */
  fontSize: z.number().positive().optional(),
  /** List marker as printed or rebuilt from Word numbering ("1.", "a)", "•", "-"); it is also in `text`. */
  listMarker: z.string().optional(),
  /** Nesting level of a list item, 0 = outermost. */
  listLevel: z.number().int().min(0).optional(),
  /** Left indent: points for PDF, characters for text. */
  indent: z.number().min(0).optional(),
  /** A paragraph break stands before this line (blank line, vertical gap, new DOCX paragraph). */
  gapBefore: z.boolean().optional(),
  /** The line is a table row; cells are joined with " | " in `text`. */
  tableRow: z.boolean().optional(),
});
export type LayoutHints = z.infer<typeof LayoutHintsSchema>;

/** One line of the document. page and line are 1-based and point into the source as a reader sees it. */
export const LineSchema = z.object({
  page: z.number().int().min(1),
  line: z.number().int().min(1),
  text: z.string(),
  hints: LayoutHintsSchema,
});
export type Line = z.infer<typeof LineSchema>;

export const SourceDocumentSchema = z.object({
  /** The file name as given (basename), or "<bytes>" when ingesting bytes without a name. */
  file: z.string(),
  format: FormatSchema,
  /** sha256 of the input bytes, lower-case hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().min(0),
  lines: z.array(LineSchema),
  warnings: z.array(MessageSchema),
  /** How the bytes were read: text encoding, OCR'd pages, etc. */
  meta: z.object({
    encoding: z.string().optional(),
    ocrPages: z.array(z.number().int()).optional(),
    removedHeaderFooterLines: z.number().int().optional(),
    joinedHyphens: z.number().int().optional(),
  }),
});
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

/**
 * Why ingest refused a file. Every failure is one of these, never a bare Error
 * (packages/ingest/README.md, "Limits and failure behaviour", says what each means).
 */
export const IngestErrorCodeSchema = z.enum([
  "not-found",
  "unreadable",
  "empty",
  "too-large",
  "unknown-format",
  "encoding",
  "corrupt",
  "encrypted",
  "no-text",
  "timeout",
]);
export type IngestErrorCode = z.infer<typeof IngestErrorCodeSchema>;

export class IngestError extends Error {
  override readonly name = "IngestError";
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
