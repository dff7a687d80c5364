/**
 * Section labels inside an agenda item, in the printed forms Danish secretariats use:
 * indstilling, referat/beslutning, bilag, sagsfremstilling. A label may carry text after it
 * on the same line ("Indstilling: Udvalget beslutter …", "Bilag: Notat om …").
 */
import type { XLine } from "./lines.ts";

export type LabelKind = "indstilling" | "referat" | "bilag" | "background" | "followup";

export interface Label {
  kind: LabelKind;
  /** Text after the label on the same line, "" when none. */
  rest: string;
}

const INDSTILLING: RegExp[] = [
  // "Det indstilles", "Det indstilles:", "Det indstilles, at Direktørforum:", "Det indstilles."
  /^det\s+indstilles\b\s*[,:.]?\s*(.*)$/i,
  // "Indstilling:", "Indstillinger", "Indstilling til beslutning:", "Forslag til indstilling:"
  // (a sentence like "Indstillingen blev godkendt." is not a label: text needs the colon)
  /^(?:forslag\s+til\s+)?indstilling(?:er)?(?:\s+til\s+\S+)?\s*(?::\s*(.*)|\.?\s*)$/i,
  // "Administrationen indstiller, at:", "Direktionen indstiller", "Formanden indstiller, at …"
  /^(?:[A-ZÆØÅ][\p{L}-]+(?:\s+(?:og\s+)?[\p{L}-]+){0,3})\s+indstiller\b\s*[,:]?\s*(.*)$/u,
  // "Forslag til beslutning:", "Indstilling og forslag:"
  /^forslag\s+til\s+beslutning\s*:?\s*(.*)$/i,
];

const REFERAT_WORDS =
  "referat|beslutning(?:er)?|beslutningsreferat|konklusion(?:er)?|referat\\s+og\\s+beslutning|beslutning\\s+og\\s+referat|drøftelse\\s+og\\s+beslutning|udvalgets\\s+beslutning|styregruppens\\s+beslutning";
const REFERAT: RegExp[] = [
  // A label alone on its line: "Referat", "Referat:", "Beslutning:"
  new RegExp(`^(?:${REFERAT_WORDS})\\s*[:.]?\\s*$`, "i"),
  // With text after a colon: "Referat: Klyngestyregruppen besluttede …", "Beslutning: Godkendt."
  new RegExp(`^(?:${REFERAT_WORDS})\\s*:\\s*(.+)$`, "i"),
  // A heading run into its first sentence when paragraphs were joined: "Referat Aftalen blev drøftet …"
  new RegExp(`^(?:[Rr]eferat|[Bb]eslutning)\\s+((?=\\p{Lu})(?!Klynge|Styregruppe|Direktørforum|Møde|Udvalg)\\p{L}+\\s+\\p{Ll}.*)$`, "u"),
  // Municipal form: "Beslutning i Økonomiudvalget den 04-06-2020" (optionally ": Godkendt.")
  /^beslutning\s+(?:i|fra)\s+[^:]{2,120}?(?:\s+den\s+[^:]{3,40})?\s*(?::\s*(.*))?$/i,
];

const BILAG: RegExp[] = [/^bilag(?:\s*(?:nr\.?\s*)?\d+)?\s*:\s*(.*)$/i, /^bilag(?:liste)?\s*$/i];

// "Opfølgning: … Ansvarlig: … Frist: …": a follow-up block, read for actions, not decision text.
const FOLLOWUP = /^(?:opfølgning(?:spunkt(?:er)?)?|aktion(?:er)?|handling(?:er)?|action)\s*:\s*(.*)$/i;
/** The fields of a follow-up block, on its line or on the lines under it. */
export const FOLLOWUP_FIELD = /^(?:ansvarlig(?:e)?|ansvar|frist|tidsfrist|deadline)\s*:/i;

const BACKGROUND = /^(?:sagsfremstilling|sagsbeskrivelse|baggrund|resumé|resume|sagens\s+indhold|beskrivelse|formål|økonomi|lovgrundlag|kommunikation|videre\s+proces|tidsplan)\s*:?\s*$/i;

// Every line is asked several times (the template check, the section split, the item readers):
// the answer is kept with the line object, for as long as the line lives, together with the text
// and marker it was read from (so a changed line is read again).
const KNOWN = new WeakMap<XLine, { text: string; marker: string | null; label: Label | null }>();

export function classifyLabel(l: XLine): Label | null {
  const known = KNOWN.get(l);
  if (known && known.text === l.text && known.marker === l.marker) return known.label && { ...known.label };
  const label = classify(l);
  KNOWN.set(l, { text: l.text, marker: l.marker, label });
  return label && { ...label };
}

// Emphasis and heading marks at either end; most lines have none (and then nothing is replaced).
// The two ends are looked at alone (a pattern ending in $ is tried at every position).
const START_MARK = /^[#*\s]/;
const END_MARK = /^[*\s]$/;
const hasEdgeMarks = (t: string) => t.length > 0 && (START_MARK.test(t) || END_MARK.test(t[t.length - 1]!));

function classify(l: XLine): Label | null {
  // Labels are short lines or start a line; list items ("1. Beslutning om …") are not labels.
  const text = hasEdgeMarks(l.text) ? l.text.replace(/^[#*\s]+|[*\s]+$/g, "") : l.text;
  if (l.marker && /^\d/.test(l.marker)) return null;
  for (const re of REFERAT) {
    const m = re.exec(text);
    if (m) return { kind: "referat", rest: (m[1] ?? "").trim() };
  }
  for (const re of INDSTILLING) {
    const m = re.exec(text);
    if (m) return { kind: "indstilling", rest: (m[1] ?? "").trim() };
  }
  for (const re of BILAG) {
    const m = re.exec(text);
    if (m) return { kind: "bilag", rest: (m[1] ?? "").trim() };
  }
  const followup = FOLLOWUP.exec(text);
  if (followup) return { kind: "followup", rest: (followup[1] ?? "").trim() };
  if (BACKGROUND.test(text) && text.length < 40) return { kind: "background", rest: "" };
  return null;
}

/**
 * Lines after the last item that close the minutes rather than belong to it:
 * the minute-taker's sign-off, approval initials, and attachment pages.
 */
export function isTrailer(l: XLine): boolean {
  return (
    /^(?:således\s+opfattet|referent\s*:|ref\.?\s*:|med\s+venlig\s+hilsen|mvh\.?$|bilag\s+til\s+(?:referat|dagsorden)|bilagsoversigt|underskrifter?\s*:?$|underskriftsblad|underskriftsside|næste\s+møde\s*:)/i.test(l.text) ||
    /^[Gg]odkendt(?:\s+af)?\s+(?:[A-ZÆØÅ]{2,5})(?:\s*(?:,|og)\s*[A-ZÆØÅ]{2,5})*\s*\.?$/.test(l.text)
  );
}
