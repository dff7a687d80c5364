/**
 * minutes-json/1 (../shared/contract/CONTRACT.md), written once as zod; types are inferred.
 * Field names are fixed by the contract. Extra fields (span.endPage, positions of facts,
 * warning stage/severity) are additions the contract allows.
 */
import { z } from "zod";

/** Where a fact stands in the source: the page and line of its first line (and of its last). */
export const PositionSchema = z.object({
  page: z.number().int().min(1),
  line: z.number().int().min(1),
});
export type Position = z.infer<typeof PositionSchema>;

export const SpanSchema = z.object({
  page: z.number().int().min(1),
  startLine: z.number().int().min(1),
  endLine: z.number().int().min(1),
  /** The page of endLine, when the item runs over a page break. */
  endPage: z.number().int().min(1),
});
export type Span = z.infer<typeof SpanSchema>;

export const OutcomeSchema = z.enum([
  "withdrawn",
  "rejected",
  "postponed",
  "approved",
  "decided",
  "noted",
  "discussed",
  "none",
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const ParticipantStatusSchema = z.enum(["present", "absent", "substitute", "guest", "secretary"]);
export type ParticipantStatus = z.infer<typeof ParticipantStatusSchema>;

export const ParticipantSchema = z.object({
  name: z.string().min(1),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  status: ParticipantStatusSchema,
  at: PositionSchema.optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ActionSchema = z.object({
  text: z.string().min(1),
  /** Canonical person names from the participant list, or bodies in lower case. */
  owners: z.array(z.string().min(1)),
  /** ISO date (YYYY-MM-DD) or null. */
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  deadlineText: z.string().nullable(),
  at: PositionSchema.optional(),
});
export type Action = z.infer<typeof ActionSchema>;

export const ItemSchema = z.object({
  number: z.string().min(1),
  title: z.string(),
  presenter: z.string().nullable(),
  attachments: z.array(z.string()),
  recommendations: z.array(z.string()),
  decisionText: z.string().nullable(),
  outcome: OutcomeSchema,
  decisions: z.array(z.string()),
  actions: z.array(ActionSchema),
  span: SpanSchema,
});
export type Item = z.infer<typeof ItemSchema>;

export const MeetingSchema = z.object({
  body: z.string().nullable(),
  cluster: z.enum(["Nord", "Midt", "Syd"]).nullable(),
  kind: z.enum(["referat", "dagsorden"]),
  number: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  startTime: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  endTime: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  location: z.string().nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const WarningSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  page: z.number().int().min(1).nullable(),
  line: z.number().int().min(1).nullable(),
  stage: z.literal("extract").optional(),
  severity: z.enum(["fatal", "warning", "info"]).optional(),
});
export type Warning = z.infer<typeof WarningSchema>;

export const MinutesSchema = z.object({
  schema: z.literal("minutes-json/1"),
  source: z.object({
    file: z.string(),
    sha256: z.string(),
    format: z.enum(["pdf", "docx", "txt", "html"]),
    pages: z.number().int().min(0),
  }),
  meeting: MeetingSchema,
  participants: z.array(ParticipantSchema),
  items: z.array(ItemSchema),
  warnings: z.array(WarningSchema),
  /** Version of the extractor that wrote this, so a store can re-extract older results. */
  extractor: z.string().optional(),
});
export type Minutes = z.infer<typeof MinutesSchema>;

/**
 * The gold files: the same shape, but written by hand, so spans, sha256 and pages may be missing.
 * The scorer reads gold through this looser schema.
 */
export const GoldMinutesSchema = z.object({
  schema: z.literal("minutes-json/1"),
  source: z.object({ file: z.string(), format: z.string() }).passthrough(),
  meeting: MeetingSchema,
  participants: z.array(ParticipantSchema.omit({ at: true })),
  items: z.array(ItemSchema.omit({ span: true }).extend({ span: SpanSchema.partial().optional() })),
  warnings: z.array(WarningSchema).optional(),
  notes: z.array(z.string()).optional(),
});
export type GoldMinutes = z.infer<typeof GoldMinutesSchema>;
