/**
 * Property tests (issue 6): extract never throws, whatever line model it is given, and its output
 * always validates against MinutesSchema (minutes-json/1). The documents are generated from the
 * pieces minutes are made of — agenda headings, labels, recommendation and decision phrases,
 * dates, times, names, participant lines, page furniture — mixed with arbitrary Unicode (lone
 * surrogates included: a broken ToUnicode map in a PDF can produce them) and random layout hints.
 *
 * Runs are bounded (numRuns in RUNS); PROPERTY_RUNS=5000 searches harder.
 */
import fc from "fast-check";
import type { LayoutHints, SourceDocument } from "@minutes/ingest";
import { SourceDocumentSchema } from "@minutes/ingest";
import { describe, expect, it } from "vitest";
import { extract, MinutesSchema } from "../src/index.ts";

const RUNS = { fragments: 200, unicode: 150, structured: 150 } as const;
const runs = (n: number) => Number(process.env.PROPERTY_RUNS ?? n);
/** A deep search (PROPERTY_RUNS) may take many minutes. */
const TIMEOUT = process.env.PROPERTY_RUNS ? 3_600_000 : 60_000;

const FRAGMENTS = [
  // agenda headings and item numbers
  "1. Godkendelse af dagsorden", "2. Godkendelse af referat", "Pkt. 3", "Ad 4.", "3 a", "3.b", "5.", "Punkt 12:", "10)", "II.", "§ 7",
  "Dagsorden", "Referat", "Eventuelt", "Indholdsfortegnelse", "Orientering", "Næste møde",
  // labels
  "Beslutning:", "Indstilling:", "Sagsfremstilling:", "Referat:", "Bilag:", "Opfølgning:", "Ansvarlig:", "Frist:", "Aftalt:",
  "Beslutning i Social- og Sundhedsudvalget den 04-06-2020", "Sagsnr.:", "Sagsansvarlig:",
  // recommendations, decisions, outcomes
  "Det indstilles, at", "Administrationen indstiller, at:", "at styregruppen godkender", "og", "at sagen tages til efterretning",
  "Godkendt.", "Ikke godkendt.", "Taget til efterretning.", "Udsat.", "Punktet udgik.", "Drøftet.", "Intet.", "Ingen bemærkninger.",
  "Forslaget blev forkastet.", "Anbefales over for Byrådet.", "Sagen tages op igen på næste møde.", "der var ikke enighed om",
  // actions and deadlines
  "Sekretariatet udarbejder et oplæg", "Kommunerne bedes", "senest den 1. april", "inden 1. marts", "til næste møde", "inden udgangen af uge 12",
  "i maj", "hurtigst muligt", "senest d. 3/4", "inden påske", "Lene og Mette", "MHJ", "KØ",
  // meeting, dates, times, places
  "Klyngestyregruppe Nord", "Sundhedsklynge Midt", "Politisk Klynge Syd", "Møde nr. 2/2022", "Mødedato:", "Dato:", "Tid:", "Sted:",
  "Onsdag d. 8. februar", "19.11.2020", "2022-05-12", "31/12", "29. februar 2023", "30. februar 2021", "31-04-2022", "uge 53", "0. januar 2020",
  "kl. 9.00-11.30", "kl. 25:99", "kl. 13", "10:00–12:00", "Rådhuset, mødelokale 2", "Microsoft Teams",
  // participants
  "Deltagere:", "Afbud:", "Fraværende:", "Referent:", "Gæst under pkt. 4:", "i stedet deltog", "Lisbeth Kjær Lagoni", "Mette Ø. Kjær",
  "Jonas Fjeldsø (formand)", "Bjarne Holst, Hedeby Kommune", "Navn | Titel | Organisation", "Anne Als | Direktør | Region Nordjylland",
  // page furniture and noise
  "Side 1 af 3", "- 2 -", "https://example.dk/sag/123", "•", "-", "a)", "…", "–", ":", ",", "(", ")", "\"", "»", "«",
];

const fragment = fc.constantFrom(...FRAGMENTS);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const unicode = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(..."æøåÆØÅ .,:-–1234567890()"), loneSurrogate), maxLength: 30 }),
);

/** Line text: a few fragments, sometimes with arbitrary Unicode between them. */
const text = (noise: number) =>
  fc
    .array(fc.oneof({ arbitrary: fragment, weight: 10 - noise }, { arbitrary: unicode, weight: noise }), { minLength: 1, maxLength: 5 })
    .chain((parts) => fc.constantFrom(" ", "", "  ", "\t").map((sep) => parts.join(sep)));

const hints: fc.Arbitrary<LayoutHints> = fc.record(
  {
    heading: fc.integer({ min: 1, max: 6 }),
    bold: fc.boolean(),
    fontSize: fc.double({ min: 1, max: 72, noNaN: true }),
    listMarker: fc.constantFrom("1.", "a)", "•", "-", "ii."),
    listLevel: fc.integer({ min: 0, max: 4 }),
    indent: fc.double({ min: 0, max: 400, noNaN: true }),
    gapBefore: fc.boolean(),
    tableRow: fc.boolean(),
  },
  { requiredKeys: [] },
);

interface LineSpec {
  text: string;
  hints: LayoutHints;
  newPage: boolean;
  skip: number;
}

const lineSpec = (noise: number): fc.Arbitrary<LineSpec> =>
  fc.record({
    text: text(noise),
    hints,
    newPage: fc.oneof({ arbitrary: fc.constant(false), weight: 15 }, { arbitrary: fc.constant(true), weight: 1 }),
    skip: fc.nat({ max: 3 }),
  });

/** A line model as ingest makes it: pages in order, line numbers rising within a page (gaps allowed). */
function toDocument(specs: LineSpec[], format: SourceDocument["format"], extraPages: number): SourceDocument {
  let page = 1;
  let line = 0;
  const lines = specs.map((s) => {
    if (s.newPage) {
      page += 1;
      line = 0;
    }
    line += 1 + s.skip;
    return { page, line, text: s.text, hints: s.hints };
  });
  const doc = { file: "generated.txt", format, sha256: "0".repeat(64), pages: page + extraPages, lines, warnings: [], meta: {} };
  return SourceDocumentSchema.parse(doc);
}

const document = (noise: number, maxLines: number) =>
  fc
    .tuple(fc.array(lineSpec(noise), { maxLength: maxLines }), fc.constantFrom("pdf", "docx", "txt", "html") as fc.Arbitrary<SourceDocument["format"]>, fc.nat({ max: 2 }))
    .map(([specs, format, extra]) => toDocument(specs, format, extra));

/** A document shaped like minutes: a header, participants, then items of heading + labelled sections. */
const structured = fc
  .tuple(
    fc.array(text(2), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom("Lisbeth Kjær Lagoni", "Mette Ø. Kjær", "Jonas Fjeldsø", "Anne Als", "Bjarne Holst"), { maxLength: 5 }),
    fc.array(
      fc.tuple(
        fc.nat({ max: 20 }),
        text(2),
        fc.array(fc.tuple(fc.constantFrom("Sagsfremstilling:", "Indstilling:", "Det indstilles, at", "Beslutning:", "Referat:", "Opfølgning:", "Bilag:", ""), fc.array(text(3), { maxLength: 4 })), { maxLength: 4 }),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([header, people, items]) => {
    const rows: string[] = [...header, "Deltagere:", ...people, ""];
    for (const [n, title, sections] of items) {
      rows.push(`${n}. ${title}`);
      for (const [label, body] of sections) rows.push(label, ...body);
    }
    const specs = rows.map((t) => ({ text: t, hints: t === "" ? {} : { gapBefore: true }, newPage: false, skip: 0 }));
    return toDocument(specs, "txt", 0);
  });

function extractsValid(doc: SourceDocument): void {
  const minutes = extract(doc);
  const parsed = MinutesSchema.safeParse(minutes);
  if (!parsed.success) throw new Error(`invalid minutes-json/1: ${parsed.error.message}`);
  expect(minutes.source).toEqual({ file: doc.file, sha256: doc.sha256, format: doc.format, pages: doc.pages });
}

describe("extract on generated line models: never throws, always minutes-json/1", () => {
  it(`lines of Danish minute fragments with random hints (${RUNS.fragments} runs)`, () => {
    fc.assert(fc.property(document(2, 80), extractsValid), { numRuns: runs(RUNS.fragments) });
  }, TIMEOUT);

  it(`lines mostly of arbitrary Unicode (${RUNS.unicode} runs)`, () => {
    fc.assert(fc.property(document(8, 60), extractsValid), { numRuns: runs(RUNS.unicode) });
  }, TIMEOUT);

  it(`minutes-shaped documents: header, participants, numbered items with labelled sections (${RUNS.structured} runs)`, () => {
    fc.assert(fc.property(structured, extractsValid), { numRuns: runs(RUNS.structured) });
  }, TIMEOUT);

  it("an empty line model", () => {
    extractsValid(toDocument([], "pdf", 0));
  });
});
