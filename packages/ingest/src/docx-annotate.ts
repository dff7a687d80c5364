/**
 * What mammoth does not report about a paragraph, written into the paragraph itself so that it
 * travels through mammoth with the text: the list number as Word prints it, a heading level
 * from the outline level or style name, and a page break before the paragraph.
 *
 * Each annotated w:p gets a first run whose text is a marker between two private-use
 * characters; the DOCX reader takes the markers out of mammoth's paragraphs again. Matching
 * paragraphs by position instead would break wherever mammoth merges or skips paragraphs
 * (deleted paragraph marks, mc:AlternateContent); a marker inside the paragraph cannot drift.
 */
import { inherited, ListCounter, type Numbering, type Styles } from "./docx-numbering.ts";
import { child, int, onOff, val, type XmlElement } from "./xml.ts";

export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

export interface ParagraphMark {
  heading?: number;
  list?: { marker: string; ordered: boolean; level: number };
  pageBreakBefore?: boolean;
}

/** Returns document.xml with a marker run at the start of every paragraph that needs one. */
export function annotateDocument(xml: string, root: XmlElement, styles: Styles, numbering: Numbering): string {
  const body = child(child(root, "w:document"), "w:body");
  if (!body) return xml;
  const counter = new ListCounter(numbering, styles);
  const inserts: { at: number; text: string }[] = [];

  // Sections: the w:sectPr in a paragraph's properties ends a section; the body's last w:sectPr
  // describes the final one. Each section's own w:type says how it starts (default: new page).
  const sectionTypes: string[] = [];
  for (const el of body.children) {
    const s = el.name === "w:p" ? child(child(el, "w:pPr"), "w:sectPr") : el.name === "w:sectPr" ? el : undefined;
    if (s) sectionTypes.push(val(s, "w:type") ?? "nextPage");
  }
  let sectionIndex = 0;
  let pendingSectionBreak = false;

  const visit = (el: XmlElement, topLevel: boolean): void => {
    // mammoth reads mc:Fallback; counting mc:Choice as well would number text boxes twice.
    if (el.name === "mc:Choice") return;
    if (el.name !== "w:p") {
      for (const c of el.children) visit(c, false);
      return;
    }
    const pPr = child(el, "w:pPr");
    const mark = markParagraph(pPr, styles, counter);
    if (pendingSectionBreak) {
      mark.pageBreakBefore = true;
      pendingSectionBreak = false;
    }
    if (mark.heading !== undefined || mark.list || mark.pageBreakBefore) {
      inserts.push({ at: pPr ? pPr.end : el.openEnd, text: markerRun(mark, rawPrefix(xml, el)) });
    }
    // Text boxes inside the paragraph's runs hold paragraphs of their own.
    for (const c of el.children) if (c !== pPr) visit(c, false);
    if (topLevel && child(pPr, "w:sectPr")) {
      sectionIndex++;
      const next = sectionTypes[sectionIndex];
      pendingSectionBreak = next !== undefined && next !== "continuous" && next !== "nextColumn";
    }
  };
  for (const c of body.children) visit(c, true);

  if (inserts.length === 0) return xml;
  inserts.sort((a, b) => a.at - b.at);
  let out = "";
  let from = 0;
  for (const { at, text } of inserts) {
    out += xml.slice(from, at) + text;
    from = at;
  }
  return out + xml.slice(from);
}

function markParagraph(pPr: XmlElement | undefined, styles: Styles, counter: ListCounter): ParagraphMark {
  const styleId = val(pPr, "w:pStyle") ?? styles.defaultParagraph;
  const numPr = child(pPr, "w:numPr");
  const mark: ParagraphMark = {};
  const list = counter.next(styleId, { numId: val(numPr, "w:numId"), ilvl: int(val(numPr, "w:ilvl")) });
  if (list) mark.list = list;
  const heading = headingLevel(pPr, styleId, styles);
  if (heading !== undefined) mark.heading = heading;
  if (onOff(pPr, "w:pageBreakBefore") ?? inherited(styles, styleId, "pageBreakBefore")) mark.pageBreakBefore = true;
  return mark;
}

/**
 * Heading level 1–6: the outline level Word uses for its navigation pane (set on the paragraph
 * or its style chain — custom heading styles of municipal templates use it), else the style
 * name ("heading 2"; some tools write a localised "Overskrift 2"), "Title" counting as level 1.
 */
function headingLevel(pPr: XmlElement | undefined, styleId: string | undefined, styles: Styles): number | undefined {
  const outline = int(val(pPr, "w:outlineLvl")) ?? inherited(styles, styleId, "outlineLvl");
  if (outline !== undefined) return outline >= 0 && outline <= 5 ? outline + 1 : undefined;
  const name = (styleId && styles.byId.get(styleId)?.name) || styleId;
  if (!name) return undefined;
  const m = /^(?:heading|overskrift)\s*([1-6])$/i.exec(name.trim());
  if (m) return Number(m[1]);
  if (/^(title|titel)$/i.test(name.trim())) return 1;
  return undefined;
}

/** The prefix the producer wrote for this element ("w" nearly always; "" for a default namespace). */
function rawPrefix(xml: string, el: XmlElement): string {
  const name = /^<([^\s/>]+)/.exec(xml.slice(el.start, el.openEnd))?.[1] ?? "w:p";
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon + 1);
}

function markerRun(mark: ParagraphMark, prefix: string): string {
  const fields: string[] = [];
  if (mark.heading !== undefined) fields.push(`h=${mark.heading}`);
  if (mark.pageBreakBefore) fields.push("p=1");
  if (mark.list) {
    fields.push(`k=${mark.list.ordered ? "o" : "b"}`, `v=${mark.list.level}`, `m=${encodeURIComponent(mark.list.marker)}`);
  }
  // encodeURIComponent leaves no "<" or "&", so the run is well-formed XML as it stands.
  return `<${prefix}r><${prefix}t xml:space="preserve">${MARK_OPEN}${fields.join(";")}${MARK_CLOSE}</${prefix}t></${prefix}r>`;
}

/** Takes every marker out of a paragraph's text; the last one wins (mammoth appends a paragraph
 * whose mark was deleted to the next one, and the merged paragraph has the second's properties). */
export function extractMarks(text: string): { text: string; mark: ParagraphMark } {
  let mark: ParagraphMark = {};
  if (!text.includes(MARK_OPEN)) return { text, mark };
  const clean = text.replace(/\uE000([^\uE000\uE001]*)\uE001/g, (_, body: string) => {
    const m: ParagraphMark = {};
    let list: { kind?: string; level?: number; marker?: string } = {};
    for (const field of body.split(";")) {
      const eq = field.indexOf("=");
      const k = field.slice(0, eq);
      const v = field.slice(eq + 1);
      if (k === "h") m.heading = Number(v);
      else if (k === "p") m.pageBreakBefore = true;
      else if (k === "k") list.kind = v;
      else if (k === "v") list.level = Number(v);
      else if (k === "m") list.marker = safeDecode(v);
    }
    if (list.kind && list.marker !== undefined) {
      m.list = { marker: list.marker, ordered: list.kind === "o", level: list.level ?? 0 };
    }
    list = {};
    mark = m;
    return "";
  });
  return { text: clean, mark };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
