/**
 * One synthetic document: model (templates.ts, content.ts) → gold (minutes-json/1, from the model)
 * and renderings (PDF, DOCX, text). Deterministic in (seed, index).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { paraText, type GoldAction, type Item } from "./content.ts";
import { iso } from "./dates.ts";
import { hash32, Rng } from "./prng.ts";
import { docxBytes, FONT_BOLD, FONT_REGULAR, pdfWrapBytes, type FontObject, type Parsed, type PdfFonts } from "./render.ts";
import { pickTemplate, templateByName, type DocModel, type Layout, type TemplateName } from "./templates.ts";
import { renderText } from "./text.ts";

export const GENERATOR = "minutes-corpus/1";
export type Format = "pdf" | "docx" | "txt";
export const FORMATS: Format[] = ["pdf", "docx", "txt"];

/** Fixed PDF info dates: same seed, same bytes. */
const CREATION = new Date("2024-01-01T00:00:00Z");
const MIN_PAGES = 2;
const MAX_PAGES = 40;

/**
 * The fonts parsed once per process: PDFKit takes a fontkit font object as well as a file, and
 * parsing DejaVu for every document was most of the PDF time. fontkit is PDFKit's own dependency,
 * loaded from where PDFKit resolves it.
 */
let fonts: PdfFonts | null = null;
function parsedFonts(): PdfFonts {
  if (!fonts) {
    const fontkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"))("fontkit") as { create: (b: Buffer) => FontObject };
    fonts = { regular: fontkit.create(readFileSync(FONT_REGULAR)), bold: fontkit.create(readFileSync(FONT_BOLD)) };
  }
  return fonts;
}

export function docId(index: number): string {
  return `doc${String(index + 1).padStart(5, "0")}`;
}

export interface Generated {
  id: string;
  template: TemplateName;
  gold: ReturnType<typeof goldOf>;
  files: Partial<Record<Format, Buffer>>;
  pdfPages: number | null;
  txtPages: number | null;
}

function parsedOf(layout: Layout): Parsed {
  return { directives: new Map([["header", layout.header], ["footer", layout.footer]]), blocks: layout.blocks };
}

async function pdfOf(layout: Layout) {
  return pdfWrapBytes(parsedOf(layout), {
    creationDate: CREATION,
    producer: GENERATOR,
    fonts: parsedFonts(),
    headerFrom: layout.headerFrom,
    footerAlign: layout.footerAlign,
    fastMeasure: true,
  });
}

/**
 * Generates document `index` of the corpus of `seed`. The PDF page count is kept within 2–40: a
 * model that lays out outside that range is made again with a smaller or larger text budget.
 */
export async function generate(seed: string, index: number, formats: Format[], only?: TemplateName): Promise<Generated> {
  const id = docId(index);
  const base = hash32(`${seed}:${index}`);
  const template = (only ? templateByName(only) : undefined) ?? pickTemplate(new Rng(base));
  let scale = 1;
  for (let attempt = 0; ; attempt++) {
    const rng = new Rng(hash32(`${seed}:${index}:${attempt}`));
    const { model, layout: lay } = template.make(rng.fork("model"), id, scale);
    const layout = lay(rng.fork("layout"));
    const files: Partial<Record<Format, Buffer>> = {};
    let pdfPages: number | null = null;
    if (formats.includes("pdf") || attempt < 4) {
      // the PDF decides the page count (also when no PDF is written)
      const pdf = await pdfOf(layout);
      pdfPages = pdf.pages;
      if ((pdfPages < MIN_PAGES || pdfPages > MAX_PAGES) && attempt < 4) {
        scale *= pdfPages < MIN_PAGES ? 1.6 : Math.max(0.3, (MAX_PAGES - 4) / pdfPages);
        continue;
      }
      if (formats.includes("pdf")) files.pdf = pdf.bytes;
    }
    let txtPages: number | null = null;
    if (formats.includes("txt")) {
      const t = renderText(layout.blocks, layout.txt, layout.header, layout.footer);
      files.txt = Buffer.from(t.text, "utf8");
      txtPages = t.pages;
    }
    if (formats.includes("docx")) files.docx = await docxBytes(parsedOf(layout), { creator: GENERATOR, autoNumber: layout.autoNumber });
    return { id, template: template.name, gold: goldOf(model, pdfPages, layout), files, pdfPages, txtPages };
  }
}

function actionOut(a: GoldAction) {
  return { text: a.text, owners: a.owners, deadline: a.deadline, deadlineText: a.deadlineText };
}

function itemOut(it: Item) {
  const sentences = (it.decision ?? []).flatMap((p) => p.sentences);
  const background = it.background.flatMap((p) => p.sentences);
  return {
    number: it.number,
    title: it.title,
    presenter: it.presenter,
    attachments: it.attachments,
    recommendations: it.recommendations,
    decisionText: it.decision ? it.decision.map(paraText).join(" ") : null,
    outcome: it.outcome,
    decisions: sentences.filter((s) => s.decision).map((s) => s.text),
    actions: [...background, ...sentences].flatMap((s) => s.actions.map(actionOut)),
  };
}

/** minutes-json/1 gold of a model (GoldMinutesSchema). */
export function goldOf(model: DocModel, pdfPages: number | null, layout: Layout) {
  const m = model.meeting;
  return {
    schema: "minutes-json/1" as const,
    source: { file: model.id, format: "corpus", generator: GENERATOR, template: model.template, pdfPages, autoNumberedDocx: layout.autoNumber, txtStyle: layout.txt },
    meeting: { body: m.body, cluster: m.cluster, kind: m.kind, number: m.number, date: iso(m.date), startTime: m.startTime, endTime: m.endTime, location: m.location },
    participants: model.participants.map((p) => ({ name: p.name, title: p.title, organization: p.organization, status: p.status })),
    items: model.items.map(itemOut),
    notes: [`Generated by scripts/corpus (${GENERATOR}), template ${model.template}; gold read off the generator's model.`, ...model.notes],
  };
}
