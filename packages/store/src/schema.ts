/**
 * What goes into the store and what comes out, as zod schemas (types are inferred, never written
 * twice). The input is the extract stage's `Minutes` (minutes-json/1) plus what ingest knew
 * about the file; the output records are the read API the report stage builds on.
 */
import { MinutesSchema, OutcomeSchema, ParticipantStatusSchema } from "@minutes/extract";
import { FormatSchema, MessageSchema, SourceDocumentSchema, StageSchema } from "@minutes/ingest";
import { z } from "zod";

const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

// ---------------------------------------------------------------------------------------------
// Input

/** The file a Minutes came from, as the pipeline saw it. */
export const DocumentMetaSchema = z.object({
  /** Where the file is (absolute, as the run found it); one stored version per path. */
  path: z.string().min(1),
  sha256: Sha256,
  format: FormatSchema,
  pages: z.number().int().min(0),
  bytes: z.number().int().min(0),
  /**
   * The file's modification time, ms since the epoch (fs.stat's mtimeMs, truncated): with
   * `bytes`, what a nightly run compares to skip a file without reading it (storedFiles).
   */
  mtimeMs: z.number().int().optional(),
  /** How ingest read it: encoding, OCR'd pages, removed header/footer lines. */
  ingestMeta: SourceDocumentSchema.shape.meta.optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

export const SaveDocumentInputSchema = z.object({
  document: DocumentMetaSchema,
  minutes: MinutesSchema,
  /** Messages of earlier stages (ingest's warnings), stored next to extract's warnings. */
  messages: z.array(MessageSchema).default([]),
  runId: z.number().int().optional(),
});
export type SaveDocumentInput = z.input<typeof SaveDocumentInputSchema>;

export const SaveStatusSchema = z.enum(["new", "updated", "unchanged"]);
export type SaveStatus = z.infer<typeof SaveStatusSchema>;

/** How many texts each redaction rule replaced by its marker (redact.ts). */
export const RedactCountsSchema = z.object({
  cpr: z.number().int().min(0),
  email: z.number().int().min(0),
  phone: z.number().int().min(0),
});

export const SaveResultSchema = z.object({
  status: SaveStatusSchema,
  documentId: z.number().int(),
  meetingId: z.number().int().nullable(),
  /** Other stored documents of the same meeting (the same minutes in another format). */
  sameMeetingAs: z.array(z.string()),
  /** What this write redacted (zero when nothing was written). */
  redacted: RedactCountsSchema,
});
export type SaveResult = z.infer<typeof SaveResultSchema>;

export const FailureInputSchema = z.object({
  path: z.string().min(1),
  sha256: Sha256.nullable(),
  format: FormatSchema.nullable().default(null),
  stage: StageSchema,
  /** IngestError code ("corrupt", "encrypted", …) or "error" for an unexpected failure. */
  code: z.string().min(1),
  message: z.string(),
  /** The failed file's modification time (ms, truncated), for information: failed files are tried again. */
  mtimeMs: z.number().int().optional(),
  runId: z.number().int().optional(),
});
export type FailureInput = z.input<typeof FailureInputSchema>;

/** What storedFiles() gives per path: enough to tell, without reading the file, whether it changed. */
export interface StoredFile {
  sha256: string | null;
  bytes: number | null;
  /** Null: written before schema version 4, or by a caller that did not give it. */
  mtimeMs: number | null;
  status: "stored" | "failed";
}

/** touchFiles(): a file whose bytes proved unchanged, with its new modification time. */
export const TouchFileSchema = z.object({
  path: z.string().min(1),
  mtimeMs: z.number().int(),
  /** When given, the row is touched only if it still holds these bytes. */
  sha256: Sha256.optional(),
});
export type TouchFile = z.input<typeof TouchFileSchema>;

export const RunCountsSchema = z.object({
  files: z.number().int().min(0),
  new: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  failed: z.number().int().min(0),
});
export type RunCounts = z.infer<typeof RunCountsSchema>;

export const RunStatusSchema = z.enum(["running", "finished", "interrupted", "aborted"]);
export type RunStatus = z.infer<typeof RunStatusSchema>;

// ---------------------------------------------------------------------------------------------
// Output: the read API

/** Where a fact stands: the file and, for facts from the text, page and line. */
export const SourceRefSchema = z.object({
  documentId: z.number().int(),
  path: z.string(),
  file: z.string(),
  page: z.number().int().nullable(),
  line: z.number().int().nullable(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const DocumentRecordSchema = z.object({
  id: z.number().int(),
  path: z.string(),
  file: z.string(),
  sha256: Sha256.nullable(),
  format: FormatSchema.nullable(),
  pages: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  /** The file's modification time (ms) when it was stored or last found unchanged; null before version 4. */
  mtimeMs: z.number().int().nullable(),
  status: z.enum(["stored", "failed"]),
  error: z.object({ stage: z.string(), code: z.string(), message: z.string() }).nullable(),
  extractorVersion: z.string().nullable(),
  meetingId: z.number().int().nullable(),
  /** The document whose items stand for its meeting (docx before html, txt, pdf; then the oldest). */
  isPrimary: z.boolean(),
  /** Private data replaced by markers in this document's stored text. */
  redacted: RedactCountsSchema,
  ingestedAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

export const MeetingRefSchema = z.object({
  id: z.number().int(),
  body: z.string().nullable(),
  cluster: z.enum(["Nord", "Midt", "Syd"]).nullable(),
  date: Iso.nullable(),
});
export type MeetingRef = z.infer<typeof MeetingRefSchema>;

export const MeetingRecordSchema = MeetingRefSchema.extend({
  kind: z.enum(["referat", "dagsorden"]),
  number: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  location: z.string().nullable(),
  primaryDocumentId: z.number().int().nullable(),
  /** Every stored file of this meeting (e.g. its PDF and its DOCX). */
  documents: z.array(z.object({ id: z.number().int(), path: z.string(), format: FormatSchema.nullable() })),
  items: z.number().int(),
});
export type MeetingRecord = z.infer<typeof MeetingRecordSchema>;

export const ItemRefSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  outcome: OutcomeSchema,
});
export type ItemRef = z.infer<typeof ItemRefSchema>;

export const PersonRefSchema = z.object({
  id: z.number().int(),
  /** The canonical name: the fullest printing (most name parts), then the first seen. */
  name: z.string(),
  aliases: z.array(z.string()),
});
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const OwnerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("person"), name: z.string(), person: PersonRefSchema }),
  z.object({ kind: z.literal("body"), name: z.string() }),
]);
export type Owner = z.infer<typeof OwnerSchema>;

export const DeadlineRuleSchema = z.enum(["stated", "next-meeting"]);

export const ActionRecordSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  owners: z.array(OwnerSchema),
  /** As extracted: an ISO date the document states, else null. */
  deadline: Iso.nullable(),
  deadlineText: z.string().nullable(),
  /** "stated" (a date), "next-meeting" ("til næste møde"), or null (no deadline, or words without a date). */
  deadlineRule: DeadlineRuleSchema.nullable(),
  /** The date to act by: the stated date, or the date of the body's next stored meeting. */
  deadlineResolved: Iso.nullable(),
  resolvedMeetingId: z.number().int().nullable(),
  item: ItemRefSchema,
  meeting: MeetingRefSchema,
  source: SourceRefSchema,
});
export type ActionRecord = z.infer<typeof ActionRecordSchema>;

export const TextRecordSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  item: ItemRefSchema,
  meeting: MeetingRefSchema,
  source: SourceRefSchema,
});
/** A decision or a recommendation (indstilling); its position is its item's when the text has none. */
export type TextRecord = z.infer<typeof TextRecordSchema>;

export const ItemRecordSchema = ItemRefSchema.extend({
  presenter: z.string().nullable(),
  decisionText: z.string().nullable(),
  attachments: z.array(z.string()),
  recommendations: z.array(z.string()),
  decisions: z.array(z.string()),
  meeting: MeetingRefSchema,
  span: z.object({ page: z.number().int(), startLine: z.number().int(), endLine: z.number().int(), endPage: z.number().int() }),
  source: SourceRefSchema,
});
export type ItemRecord = z.infer<typeof ItemRecordSchema>;

export const ParticipationRecordSchema = z.object({
  person: PersonRefSchema,
  name: z.string(),
  status: ParticipantStatusSchema,
  title: z.string().nullable(),
  organization: z.string().nullable(),
  meeting: MeetingRefSchema,
  source: SourceRefSchema,
});
export type ParticipationRecord = z.infer<typeof ParticipationRecordSchema>;

export const AliasRecordSchema = z.object({
  name: z.string(),
  /** "first-seen", or how it was matched: same-name, extra-middle-name, spelling-variant, … */
  rule: z.string(),
  detail: z.string().nullable(),
  matchedTo: z.string().nullable(),
});

export const PersonRecordSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  aliases: z.array(AliasRecordSchema),
  meetings: z.number().int(),
  actions: z.number().int(),
});
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

export const SearchHitSchema = TextRecordSchema.extend({
  kind: z.enum(["item", "decisionText", "recommendation", "decision", "action"]),
  /** Around the first match; matched words wrapped in \u0002 … \u0003. */
  snippet: z.string(),
  /** bm25: lower is better. */
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const WarningRecordSchema = z.object({
  stage: z.string(),
  severity: z.enum(["fatal", "warning", "info"]),
  code: z.string(),
  message: z.string(),
  source: SourceRefSchema,
});
export type WarningRecord = z.infer<typeof WarningRecordSchema>;

export const RunRecordSchema = RunCountsSchema.extend({
  id: z.number().int(),
  command: z.string(),
  args: z.array(z.string()),
  pid: z.number().int(),
  host: z.string(),
  extractorVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: RunStatusSchema,
  /** Redacted in the documents this run wrote, and the rules it ran with ("cpr", "none"; null before version 3). */
  redacted: RedactCountsSchema,
  redactRules: z.string().nullable(),
  /** Why an interrupted run stopped, when not by a signal (e.g. the database is full). */
  stopReason: z.string().nullable(),
  failures: z.array(z.object({ path: z.string(), stage: z.string(), code: z.string(), message: z.string() })),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

export const LockInfoSchema = z.object({
  runId: z.number().int().nullable(),
  pid: z.number().int(),
  host: z.string(),
  acquiredAt: z.string(),
});
export type LockInfo = z.infer<typeof LockInfoSchema>;

export const StoreStatusSchema = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  journalMode: z.string(),
  totals: z.object({
    documents: z.number().int(),
    stored: z.number().int(),
    failed: z.number().int(),
    meetings: z.number().int(),
    items: z.number().int(),
    recommendations: z.number().int(),
    decisions: z.number().int(),
    actions: z.number().int(),
    persons: z.number().int(),
    aliases: z.number().int(),
    warnings: z.number().int(),
  }),
  /** Private data redacted in the stored documents, per rule. */
  redacted: RedactCountsSchema,
  /** Stored documents per extractor version. */
  extractorVersions: z.record(z.string(), z.number().int()),
  lock: LockInfoSchema.nullable(),
  runs: z.array(RunRecordSchema),
});
export type StoreStatus = z.infer<typeof StoreStatusSchema>;
