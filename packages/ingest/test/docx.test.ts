import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sim } from "@minutes/extract/eval";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx } from "../src/docx.ts";
import { formatNumber } from "../src/docx-numbering.ts";
import { ingest, IngestError } from "../src/index.ts";
import type { ReadResult } from "../src/raw.ts";

const SEEDS = join(import.meta.dirname, "../../../fixtures/seeds");
const OPTIONS = { ocr: "off" as const, maxPages: 2000, file: "test.docx", deadline: Infinity, timeoutMs: Infinity };

const textOf = (doc: { lines: { text: string }[] }) => doc.lines.map((l) => l.text).join("\n");
const rawLines = (r: ReadResult) => r.pages.flatMap((p) => p.lines.map((l) => ({ page: p.page, line: l.line, text: l.text, hints: l.hints })));

describe("DOCX seeds against their text versions", () => {
  const cases = [
    ["000.docx", "000.txt"],
    ["001.docx", "001.txt"],
    ["002.docx", "002.txt"],
    ["003.docx", "003.txt"],
    ["003-autonum.docx", "003.txt"],
    ["004.docx", "004.txt"],
  ] as const;
  for (const [docx, txt] of cases) {
    it(`${docx} reads as ${txt} (token F1 ≥ 0.97)`, async () => {
      const [d, t] = await Promise.all([ingest(join(SEEDS, docx)), ingest(join(SEEDS, txt))]);
      const s = sim(textOf(t), textOf(d));
      console.log(`sim(${docx}, ${txt}) = ${s.toFixed(4)}`);
      expect(d.format).toBe("docx");
      expect(d.pages).toBe(1);
      expect(s).toBeGreaterThanOrEqual(0.97);
      expect(textOf(d)).not.toMatch(/[\u00ad\uE000\uE001]/);
    });
  }

  it("prints Word's automatic agenda numbers 1.–7. at the agenda headings of 003.txt", async () => {
    const [d, t] = await Promise.all([ingest(join(SEEDS, "003-autonum.docx")), ingest(join(SEEDS, "003.txt"))]);
    const numbered = (lines: { text: string }[]) => lines.map((l) => l.text.trim()).filter((x) => /^\d+\. \p{Lu}/u.test(x));
    const fromTxt = numbered(t.lines);
    expect(fromTxt.map((x) => x.split(".")[0])).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(numbered(d.lines)).toEqual(fromTxt);
    const item4 = d.lines.find((l) => l.text.startsWith("4. "));
    expect(item4?.hints.listMarker).toBe("4.");
    expect(item4?.text).toBe("4. Organisering af det videre arbejde med Refeeding Syndrom");
  });

  it("keeps heading styles as heading hints (004.docx)", async () => {
    const r = await readDocx(readFileSync(join(SEEDS, "004.docx")), OPTIONS);
    const lines = rawLines(r);
    expect(lines[0]).toMatchObject({ page: 1, line: 1, text: "Referat", hints: { heading: 1, gapBefore: true } });
    expect(lines.find((l) => l.text === "Deltagere")?.hints.heading).toBe(3);
    expect(lines.find((l) => l.text === "Fra kommunerne")?.hints.heading).toBe(4);
    // A pandoc bullet holding an ordered sub-list: Word prints "1)" at level 1.
    expect(lines.find((l) => l.text.startsWith("1) Præsentation"))?.hints).toMatchObject({ listMarker: "1)", listLevel: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// A hand-made package with the Word features the seeds lack.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const p = (body: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${body}</w:p>`;
const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const numPr = (numId: number, ilvl?: number) =>
  `<w:numPr>${ilvl === undefined ? "" : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const cell = (text: string) => `<w:tc>${p(r(text))}</w:tc>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = "") =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Punktoverskrift"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="BilagOverskrift"><w:name w:val="Bilag"/><w:pPr><w:pageBreakBefore/></w:pPr></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="10">${lvl(0, "decimal", "%1.", '<w:pPr><w:pStyle w:val="Punkt"/></w:pPr>')}${lvl(1, "decimal", "%1.%2")}${lvl(2, "lowerLetter", "%3)")}</w:abstractNum>
<w:abstractNum w:abstractNumId="20">${lvl(0, "bullet", "\uf0b7")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`;

const FOOTNOTES = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}>
<w:footnote w:type="separator" w:id="-1">${p("<w:r><w:separator/></w:r>")}</w:footnote>
<w:footnote w:id="1">${p(r("Jf. referatet fra sidste møde."))}</w:footnote>
</w:footnotes>`;

const BODY = [
  p(r("Referat"), style("Overskrift1")),
  p(`${r("Mødet blev af\u00adholdt i Aalborg")}<w:r><w:br/></w:r>${r("Sted: Rådhuset")}`),
  p(r("Godkendelse af dagsorden"), style("Punkt")),
  p(r("Underpunkt"), numPr(1, 1)),
  p(r("første"), numPr(1, 2)),
  p(r("anden"), numPr(1, 2)),
  p(r("Indstilling:", "<w:b/>")),
  p(r("Punkt med bullet"), numPr(2, 0)),
  p(r("Økonomi"), style("Punkt")),
  p(r("Budget"), numPr(1, 1)),
  p(r("Uden nummer"), style("Punkt") + numPr(0)),
  p(r("Fortsat under en anden numId"), style("Punkt") + numPr(3, 0)),
  `<w:tbl><w:tr>${cell("Handling")}${cell("Ansvarlig")}${cell("Frist")}</w:tr><w:tr>${cell("Udsend referat")}${cell("Åse Ørsted")}${cell("1. juni")}</w:tr></w:tbl>`,
  p(`${r("før skift")}<w:r><w:br w:type="page"/></w:r>${r("efter skift")}`),
  p(`<w:r><w:lastRenderedPageBreak/><w:t>ingen ny side</w:t></w:r>`),
  p(r("Bilag"), style("BilagOverskrift")),
  p(r("Slut på afsnit"), '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>'),
  p(r("Fortløbende afsnit"), '<w:sectPr><w:type w:val="continuous"/></w:sectPr>'),
  p(r("Nyt afsnit")),
  p(r("Særskilt"), numPr(4, 0)),
  p(r("Eventuelt"), style("Punkt")),
  `<w:tbl><w:tr><w:tc>${p(r("Beslutning:"))}${p(r("Godkendt."))}</w:tc></w:tr></w:tbl>`,
  p(`<w:del w:id="1" w:author="x"><w:r><w:delText>slettet </w:delText></w:r></w:del><w:ins w:id="2" w:author="x">${r("indsat")}</w:ins>`),
  p(`${r("Se note")}<w:r><w:footnoteReference w:id="1"/></w:r>`),
  p(`<w:r><w:t>e</w:t><w:noBreakHyphen/><w:t>mail</w:t></w:r>`),
].join("\n");

function makeDocx(parts: { body: string; styles?: string; numbering?: string; footnotes?: string; omitDocument?: boolean }): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
        `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`,
    ),
  };
  if (!parts.omitDocument) {
    files["word/document.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${R}><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
    );
  }
  if (parts.styles) files["word/styles.xml"] = strToU8(parts.styles);
  if (parts.numbering) files["word/numbering.xml"] = strToU8(parts.numbering);
  if (parts.footnotes) files["word/footnotes.xml"] = strToU8(parts.footnotes);
  return zipSync(files);
}

describe("Word features", () => {
  it("rebuilds numbering, headings, tables, breaks and notes", async () => {
    const docx = makeDocx({ body: BODY, styles: STYLES, numbering: NUMBERING, footnotes: FOOTNOTES });
    const result = await readDocx(docx, OPTIONS);
    expect(result.format).toBe("docx");
    const lines = rawLines(result).map((l) => [l.page, l.line, l.text]);
    expect(lines).toEqual([
      [1, 1, "Referat"],
      [1, 2, "Mødet blev afholdt i Aalborg"],
      [1, 3, "Sted: Rådhuset"],
      [1, 4, "1. Godkendelse af dagsorden"],
      [1, 5, "1.1 Underpunkt"],
      [1, 6, "a) første"],
      [1, 7, "b) anden"],
      [1, 8, "Indstilling:"],
      [1, 9, "• Punkt med bullet"],
      [1, 10, "2. Økonomi"],
      [1, 11, "2.1 Budget"],
      [1, 12, "Uden nummer"],
      // numIds that share an abstract definition share its counter, as in Word
      [1, 13, "3. Fortsat under en anden numId"],
      [1, 14, "Handling | Ansvarlig | Frist"],
      [1, 15, "Udsend referat | Åse Ørsted | 1. juni"],
      [1, 16, "før skift"],
      // w:br type="page" breaks; lastRenderedPageBreak does not
      [2, 1, "efter skift"],
      [2, 2, "ingen ny side"],
      // page break before, from the paragraph style
      [3, 1, "Bilag"],
      [3, 2, "Slut på afsnit"],
      // the next section is continuous: same page
      [3, 3, "Fortløbende afsnit"],
      // the last section (body w:sectPr, no type) starts on a new page
      [4, 1, "Nyt afsnit"],
      // startOverride restarts the shared counter once; the style's list then continues from it
      [4, 2, "5. Særskilt"],
      [4, 3, "6. Eventuelt"],
      // a one-cell table is a frame around text, not a data table
      [4, 4, "Beslutning:"],
      [4, 5, "Godkendt."],
      [4, 6, "indsat"],
      [4, 7, "Se note"],
      [4, 8, "e-mail"],
      [4, 9, "[1] Jf. referatet fra sidste møde."],
    ]);
    const hints = Object.fromEntries(rawLines(result).map((l) => [l.text, l.hints]));
    expect(hints["Referat"]).toMatchObject({ heading: 1, gapBefore: true });
    expect(hints["Mødet blev afholdt i Aalborg"]).toEqual({ gapBefore: true });
    expect(hints["Sted: Rådhuset"]).toEqual({});
    expect(hints["1. Godkendelse af dagsorden"]).toMatchObject({ heading: 2, listMarker: "1.", listLevel: 0 });
    expect(hints["1.1 Underpunkt"]).toMatchObject({ listMarker: "1.1", listLevel: 1 });
    expect(hints["a) første"]).toMatchObject({ listMarker: "a)", listLevel: 2 });
    expect(hints["Indstilling:"]).toMatchObject({ bold: true });
    expect(hints["• Punkt med bullet"]).toMatchObject({ listMarker: "•", listLevel: 0 });
    expect(hints["Uden nummer"]).toMatchObject({ heading: 2 });
    expect(hints["Uden nummer"]?.listMarker).toBeUndefined();
    expect(hints["Handling | Ansvarlig | Frist"]).toEqual({ tableRow: true, gapBefore: true });
    expect(hints["Udsend referat | Åse Ørsted | 1. juni"]).toEqual({ tableRow: true });
    expect(hints["Beslutning:"]?.tableRow).toBeUndefined();
  });

  it("goes through ingest with normalisation", async () => {
    const docx = makeDocx({ body: BODY, styles: STYLES, numbering: NUMBERING, footnotes: FOOTNOTES });
    const doc = await ingest({ bytes: docx, name: "features.docx" });
    expect(doc.format).toBe("docx");
    expect(doc.pages).toBe(4);
    expect(doc.lines.find((l) => l.text === "efter skift")).toMatchObject({ page: 2, line: 1 });
  });

  it("reads a package whose WordprocessingML prefix is not w:", async () => {
    const ns0 = (xml: string) => xml.replace(/\bw:/g, "ns0:").replace(/xmlns:w=/g, "xmlns:ns0=");
    const styles = ns0(STYLES);
    const numbering = ns0(NUMBERING);
    const body = ns0([p(r("Punkt ét"), style("Punkt")), p(r("Punkt to"), style("Punkt"))].join(""));
    const docx = makeDocx({ body: "", styles, numbering });
    // Rebuild document.xml with the ns0 prefix throughout.
    const files = unzipSync(docx);
    files["word/document.xml"] = strToU8(ns0(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`));
    const result = await readDocx(zipSync(files), OPTIONS);
    expect(rawLines(result).map((l) => l.text)).toEqual(["1. Punkt ét", "2. Punkt to"]);
  });
});

describe("refusals", () => {
  it("a zip without word/document.xml is corrupt", async () => {
    const docx = makeDocx({ body: "", omitDocument: true });
    await expect(readDocx(docx, OPTIONS)).rejects.toMatchObject({ name: "IngestError", code: "corrupt" });
    await expect(ingest({ bytes: docx, name: "x.docx" })).rejects.toMatchObject({
      code: "corrupt",
      message: expect.stringContaining("word/document.xml"),
    });
  });

  it("a truncated DOCX is corrupt", async () => {
    const bytes = readFileSync(join(SEEDS, "000.docx"));
    const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const err = await ingest({ bytes: truncated, name: "cut.docx" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ code: "corrupt", message: expect.stringContaining("cut.docx") });
  });

  it("damaged XML in the document part is corrupt", async () => {
    const docx = makeDocx({ body: "<w:p><w:r><w:t>open</w:r></w:p>" });
    await expect(readDocx(docx, OPTIONS)).rejects.toMatchObject({ code: "corrupt" });
  });

  it("a package declaring more than 200 MB is refused before anything is inflated", async () => {
    const docx = makeDocx({ body: p(r("x")) });
    const bomb = patchDeclaredSize(docx, "word/document.xml", 300 * 1024 * 1024);
    const started = Date.now();
    await expect(readDocx(bomb, OPTIONS)).rejects.toMatchObject({ code: "too-large", message: expect.stringMatching(/zip bomb/) });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("an entry that inflates past its declared size is refused", async () => {
    const big = p(r("x".repeat(200_000)));
    const docx = makeDocx({ body: big });
    const lying = patchDeclaredSize(docx, "word/document.xml", 1000);
    await expect(readDocx(lying, OPTIONS)).rejects.toMatchObject({ code: "corrupt", message: expect.stringMatching(/declared size/) });
  });
});

describe("number formats", () => {
  it("prints counters as Word does", () => {
    expect(formatNumber(3, "decimal")).toBe("3");
    expect(formatNumber(4, "lowerRoman")).toBe("iv");
    expect(formatNumber(14, "upperRoman")).toBe("XIV");
    expect(formatNumber(2, "lowerLetter")).toBe("b");
    expect(formatNumber(28, "upperLetter")).toBe("BB");
    expect(formatNumber(7, "decimalZero")).toBe("07");
  });
});

// --- zip helpers for the refusal tests -------------------------------------------------------

/** Rewrites the uncompressed size of one entry in the central directory (what a bomb lies about). */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const needle = Buffer.from(name);
  for (let i = 0; i < out.length - 46; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(i + 28, true);
    if (Buffer.from(out.subarray(i + 46, i + 46 + nameLen)).equals(needle)) {
      view.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`${name} not in the central directory`);
}
