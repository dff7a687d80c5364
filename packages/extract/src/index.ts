/**
 * extract(doc) → Minutes (minutes-json/1, ../shared/contract/CONTRACT.md). Pure: no I/O, the
 * same document always gives the same output. This file only composes the readers.
 */
import type { SourceDocument } from "@minutes/ingest";
import { findActions } from "./actions.ts";
import { debrisIndices, stripTrailingUrl } from "./debris.ts";
import { findDeadline } from "./deadlines.ts";
import { followupActions } from "./followups.ts";
import { findDecisions } from "./decisions.ts";
import { reflow } from "./reflow.ts";
import { segmentItems } from "./segment.ts";
import { toXLines } from "./lines.ts";
import { extractMeeting } from "./meeting.ts";
import { classifyOutcome } from "./outcome.ts";
import { buildParagraphs, fullLineLength } from "./paragraphs.ts";
import { extractParticipants } from "./participants.ts";
import { MinutesSchema, type Item, type Minutes, type Warning } from "./schema.ts";
import { splitSections } from "./sections.ts";
import { splitSentences } from "./sentences.ts";
import { classifyLabel } from "./labels.ts";
import { squash } from "./text.ts";

export * from "./schema.ts";

/** Bumped whenever extraction changes, so stores can re-extract documents of older versions. */
export const EXTRACTOR_VERSION = "0.4.0";

export function extract(source: SourceDocument): Minutes {
  const warnings: Warning[] = [];
  const doc = { ...source, lines: reflow(source.lines) };
  const lines = toXLines(doc.lines);
  const debris = debrisIndices(lines);

  const people = extractParticipants(doc.lines);
  const meetingResult = extractMeeting(doc.lines);
  warnings.push(...people.warnings, ...meetingResult.warnings);
  const meeting = meetingResult.meeting;

  // Header blocks may stand inside an item (a PDF-to-text tool moved them there): never item text.
  const consumed = new Set<number>([...debris, ...people.usedLines, ...meetingResult.usedLines]);
  const fullLength = fullLineLength(lines.filter((l) => !consumed.has(l.i)));
  const segments = segmentItems(lines, consumed, people.participants);

  const templateHasReferatLabels = segments.some((s) => s.body.some((l) => classifyLabel(l)?.kind === "referat"));
  const agendaOnly = meeting.kind === "dagsorden";
  const meetingYear = meeting.date ? Number(meeting.date.slice(0, 4)) : null;
  const nearbyYear = mostFrequentYear(doc.lines.map((l) => l.text).join("\n"));
  const ctx = { participants: people.participants, meetingDate: meeting.date, meetingYear, nearbyYear };

  const items: Item[] = segments.map((seg) => {
    const sections = splitSections(seg.body, { templateHasReferatLabels, agendaOnly, fullLength });
    const decisionParagraphs = sections.decision ? buildParagraphs(sections.decision, fullLength) : [];
    const texts = [sections.decisionLead, ...decisionParagraphs.map((p) => p.text)].filter(Boolean).map(stripTrailingUrl);
    const decisionText = texts.length > 0 ? squash(texts.join(" ")).trim() : null;
    if (sections.decisionLead) decisionParagraphs.unshift({ lines: [], text: sections.decisionLead, marker: null });
    const decisions = findDecisions(decisionParagraphs);
    const outcome = classifyOutcome(decisionText, decisionText ? splitSentences(decisionText) : []);
    const backgroundParagraphs = buildParagraphs(sections.background, fullLength);
    // Every action points to its source line; text with no line of its own (a label's inline
    // text) points to the item's heading.
    const actions = [...findActions(backgroundParagraphs, decisionParagraphs, ctx), ...followupActions(sections.followups, ctx)].map((a) => ({
      ...a,
      at: a.at ?? { page: seg.span.page, line: seg.span.startLine },
    }));
    return {
      number: seg.number,
      title: seg.title,
      presenter: seg.presenter,
      attachments: sections.attachments,
      recommendations: sections.recommendations,
      decisionText,
      outcome,
      decisions,
      actions,
      span: seg.span,
    };
  });

  // Uncertain inferences, each with a code and a place (contract: every inferred year warns).
  for (const item of items) {
    for (const a of item.actions) {
      if (!a.deadline || !a.deadlineText) continue;
      const again = findDeadline(a.deadlineText, ctx);
      if (again.yearInferred) {
        warnings.push({
          code: "year-inferred",
          message: `deadline "${a.deadlineText}" prints no year; ${a.deadline.slice(0, 4)} inferred from the ${again.yearInferred}`,
          page: a.at?.page ?? null,
          line: a.at?.line ?? null,
          stage: "extract",
          severity: "info",
        });
      }
    }
  }
  if (doc.lines !== source.lines) {
    warnings.push({
      code: "text-reflowed",
      message: "the text layer has almost no line breaks; lines were cut before labels and item numbers",
      page: null,
      line: null,
      stage: "extract",
      severity: "info",
    });
  }
  if (items.length === 0 && lines.length - consumed.size > 5) {
    warnings.push({ code: "items-none", message: "no numbered agenda items found", page: null, line: null, stage: "extract", severity: "warning" });
  }
  if (items.length > 0 && !templateHasReferatLabels && !agendaOnly) {
    warnings.push({
      code: "decision-unlabelled",
      message: "no item has a Referat/Beslutning heading; decision text is the prose after each indstilling",
      page: null,
      line: null,
      stage: "extract",
      severity: "info",
    });
  }

  const minutes: Minutes = {
    schema: "minutes-json/1",
    source: { file: doc.file, sha256: doc.sha256, format: doc.format, pages: doc.pages },
    meeting,
    participants: people.participants,
    items,
    warnings: warnings.map((w) => ({ ...w, stage: "extract" as const, severity: w.severity ?? "warning" })),
    extractor: EXTRACTOR_VERSION,
  };
  return MinutesSchema.parse(minutes);
}

function mostFrequentYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/\b(19[89]\d|20[0-4]\d)\b/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best;
}
