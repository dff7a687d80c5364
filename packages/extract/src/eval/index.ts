/** Public entry of the evaluation (minutes-eval v1): `@minutes/extract/eval`. */
export { normalizeForEval, sim, tokens } from "./text.ts";
export { normalizeItemNumber, normalizeName, ownerSet, ownersEqual, ownersOverlap } from "./keys.ts";
export { HUNGARIAN_LIMIT, hungarian, matchOneToOne, type Pair } from "./match.ts";
export {
  alignActions,
  alignDocument,
  alignParticipants,
  alignTexts,
  checkMeeting,
  MEETING_FIELDS,
  THRESHOLDS,
  type ActionPair,
  type DocAlignment,
  type ItemPair,
  type ListAlignment,
  type MeetingCheck,
  type MeetingField,
  type ScorableAction,
  type ScorableItem,
  type ScorableMeeting,
  type ScorableMinutes,
  type ScorableParticipant,
} from "./align.ts";
export {
  accuracy,
  f1,
  FIGURES,
  figuresOf,
  mean,
  precision,
  recall,
  scoreAlignment,
  scoreDocument,
  scoreUnreadable,
  total,
  zeroCounts,
  type AccuracyCounts,
  type DocScore,
  type F1Counts,
  type FigureKind,
  type FigureName,
  type Figures,
  type MeanCounts,
  type ScoreCounts,
} from "./score.ts";
export { DIFF_LEGEND, diffDocument, renderDiff, wordDiff, type DocDiff, type ItemDiff, type ListDiff, type ActionDiff } from "./diff.ts";
export { entryFormat, loadManifest, ManifestError, ManifestSchema, type Manifest, type ManifestEntry } from "./manifest.ts";
export { EVAL_REPORT_SCHEMA, runEval, SelectionError, totalsOf, type DocResult, type EvalReport, type RunOptions } from "./run.ts";
export { displayName, formatFigure, renderReport, type ReportOptions } from "./report.ts";
