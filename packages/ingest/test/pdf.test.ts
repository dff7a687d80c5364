/**
 * The PDF reader (src/pdf.ts, pdf-lines.ts, layout-hints.ts, ocr.ts) against the seeds: each seed's
 * PDF must read as the same text as the seed's text file, the scanned seed through OCR, and a
 * browser-printed PDF without its running header and footer. Small PDFs made with pdfkit pin the
 * error codes, page numbers, running lines and blank pages.
 *
 * The measured similarities are printed as a table at the end of the run.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, describe, expect, it, vi } from "vitest";
import { sim } from "@minutes/extract/eval";
import { ingest, IngestError, type SourceDocument } from "../src/index.ts";
import { ocrImage, probeOcrTools, renderWithPdfjs, renderWithPdftoppm } from "../src/ocr.ts";
import { readPdf } from "../src/pdf.ts";
import { readerThreadId } from "../src/pdfjs.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../fixtures");
const SEEDS = join(FIXTURES, "seeds");
const BROWSER_PDF = join(FIXTURES, "ingest/browser-printed.pdf");

const textOf = (doc: SourceDocument) => doc.lines.map((l) => l.text).join("\n");
const measured: { what: string; sim: number; bar: number }[] = [];
afterAll(() => {
  if (measured.length === 0) return;
  const rows = measured.map((m) => `  ${m.what.padEnd(40)} ${m.sim.toFixed(4)}  (bar ${m.bar})`);
  console.log(`token F1 (sim) of ingested text:\n${rows.join("\n")}`);
});

/** tesseract with Danish language data: what OCR needs (without "dan" æ/ø/å are lost, so we do not OCR). */
const tesseractInstalled = (() => {
  try {
    const out = execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return out.split(/\s+/).includes("dan");
  } catch {
    return false;
  }
})();

// ─── the seeds: PDF vs text ──────────────────────────────────────────────────────────────────

const seedIds = readdirSync(SEEDS)
  .filter((f) => /^\d{3}\.pdf$/.test(f))
  .map((f) => f.slice(0, 3))
  .filter((id) => readdirSync(SEEDS).includes(`${id}.txt`))
  .sort();
// Read once at collection, so the test names can carry the measured figures.
const seeds = new Map(
  await Promise.all(
    seedIds.map(async (id) => {
      const pdf = await ingest(join(SEEDS, `${id}.pdf`));
      const txt = await ingest(join(SEEDS, `${id}.txt`));
      return [id, { pdf, txt, sim: sim(textOf(txt), textOf(pdf)) }] as const;
    }),
  ),
);

describe("seed PDFs read as their text files", () => {
  it("finds the five seeds", () => {
    expect(seedIds).toEqual(["000", "001", "002", "003", "004"]);
  });

  for (const [id, s] of seeds) {
    it(`${id}.pdf vs ${id}.txt: sim ${s.sim.toFixed(4)} ≥ 0.97`, () => {
      measured.push({ what: `${id}.pdf vs ${id}.txt`, sim: s.sim, bar: 0.97 });
      expect(s.sim).toBeGreaterThanOrEqual(0.97);
      expect(s.pdf.format).toBe("pdf");
      expect(s.pdf.warnings).toEqual([]);
    });
  }

  it("keeps pages and numbers lines 1..n in order on each page", () => {
    const doc = seeds.get("000")!.pdf;
    expect(doc.pages).toBe(5);
    expect(new Set(doc.lines.map((l) => l.page))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (let i = 1; i < doc.lines.length; i++) {
      const [a, b] = [doc.lines[i - 1]!, doc.lines[i]!];
      expect(b.page > a.page || (b.page === a.page && b.line > a.line), `${a.page}:${a.line} → ${b.page}:${b.line}`).toBe(true);
    }
    expect(doc.lines[0]).toMatchObject({ page: 1, line: 1, text: "Referat Klyngestyregruppe Syd" });
  });

  it("keeps æ, ø and å intact (NFC, no replacement characters)", () => {
    const t = textOf(seeds.get("000")!.pdf);
    for (const w of ["Lisbeth Kjær Lagoni", "Søren Aalund", "Maj Skårhøj", "Møde 4, 2021", "fællesmødet", "Sygeplejefagligdirektør"]) expect(t).toContain(w);
    for (const [, s] of seeds) {
      const all = textOf(s.pdf);
      expect(all).toBe(all.normalize("NFC"));
      expect(all).not.toMatch(/\uFFFD|\u00AD/);
    }
  });

  it("marks headings (larger than body text), paragraph gaps, indents and list markers", () => {
    const lines = seeds.get("000")!.pdf.lines;
    const line = (start: string) => lines.find((l) => l.text.startsWith(start))!;
    expect(line("1. Velkomst og godkendelse").hints).toMatchObject({ heading: 1, fontSize: 14, listMarker: "1.", gapBefore: true });
    expect(line("Det indstilles:").hints).toMatchObject({ fontSize: 12, gapBefore: true });
    expect(line("Det indstilles:").hints.heading).toBeUndefined();
    expect(line("auditrapporten og tilbagemeldingerne").hints.gapBefore).toBeUndefined();
    const bullet = line("• Interne kurser");
    expect(bullet.hints.listMarker).toBe("•");
    expect(bullet.hints.indent).toBeGreaterThan(5);
    expect(line("Dagsorden:").hints.indent).toBeUndefined();
    // 004 sets its title at 16 pt and its subtitle at 14: two heading levels.
    const l4 = seeds.get("004")!.pdf.lines;
    expect(l4.find((l) => l.text === "Referat")!.hints.heading).toBe(1);
    expect(l4.find((l) => l.text === "Klyngestyregruppe Nord")!.hints.heading).toBe(2);
  });

  it("gives the reader's lines a top position for header/footer detection", async () => {
    const read = await readPdf(new Uint8Array(readFileSync(join(SEEDS, "000.pdf"))), { ocr: "off", maxPages: 100, file: "000.pdf", deadline: Infinity, timeoutMs: Infinity });
    const first = read.pages[0]!;
    expect(first.height).toBe(792);
    expect(first.lines.every((l) => typeof l.y === "number" && l.y! > 0 && l.y! < 792)).toBe(true);
    expect(first.lines.map((l) => l.line)).toEqual(first.lines.map((_, i) => i + 1));
  });

  it("removes the page number 000.pdf carries in its body", () => {
    const doc = seeds.get("000")!.pdf;
    expect(doc.meta.removedHeaderFooterLines).toBe(1);
    expect(textOf(doc)).not.toMatch(/side 2 af 4/i);
  });
});

// ─── no header or footer survives, in any fixture ────────────────────────────────────────────

/** What a page header or footer looks like, written independently of the implementation. */
const HEADER_FOOTER = [
  /^(side|page)\s*\d+(\s*(af|of)\s*\d+)?\.?$/i,
  /^\d+\s*\/\s*\d+$/,
  /^[-–—]\s*\d+\s*[-–—]$/,
  /^file:\/\//,
  /\s\d+\/\d+$/, // "… 2/6" after a URL
  /^\d{1,2}\/\d{1,2}\/\d{2,4},\s+\d{1,2}[:.]\d{2}/, // a browser's date and time
];

describe("no ingested line of any fixture is a header or footer", () => {
  const files = [
    ...readdirSync(SEEDS).map((f) => join(SEEDS, f)),
    ...readdirSync(join(FIXTURES, "ingest")).map((f) => join(FIXTURES, "ingest", f)),
  ].filter((f) => /\.(pdf|txt|docx|html?)$/.test(f));

  for (const file of files) {
    it(file.slice(FIXTURES.length + 1), async () => {
      const doc = await ingest(file, { ocr: tesseractInstalled ? "auto" : "off" });
      const debris = doc.lines.filter((l) => HEADER_FOOTER.some((re) => re.test(l.text)));
      expect(debris.map((l) => `${l.page}:${l.line} ${l.text}`)).toEqual([]);
    }, 120_000);
  }
});

// ─── a browser-printed PDF ───────────────────────────────────────────────────────────────────

describe("a PDF printed from a browser, header and footer on every page", () => {
  it("drops the running header (date, title) and footer (file URL, x/y) and reads as the seed", async () => {
    const doc = await ingest(BROWSER_PDF);
    const seed = await ingest(join(SEEDS, "001.txt"));
    const s = sim(textOf(seed), textOf(doc));
    measured.push({ what: "browser-printed.pdf vs 001.txt", sim: s, bar: 0.97 });
    expect(doc.pages).toBe(6);
    expect(doc.meta.removedHeaderFooterLines).toBe(2 * doc.pages);
    expect(doc.lines.some((l) => /file:\/\/|\d+\/6$|\d{1,2}\/\d{1,2}\/\d{2}, \d{1,2}:\d{2}/.test(l.text))).toBe(false);
    // The title the browser repeats in its header is the document's first line: it stays, once.
    expect(doc.lines.filter((l) => l.text === "Møde Direktørforum – Sundhedsklynge Midt").length).toBe(1);
    expect(s).toBeGreaterThanOrEqual(0.97);
  });
});

// ─── the scanned seed: OCR ───────────────────────────────────────────────────────────────────

describe("a scanned PDF (no text layer)", () => {
  const scanned = join(SEEDS, "000-scanned.pdf");

  it.skipIf(!tesseractInstalled)("is OCR'd with tesseract -l dan and reads as the seed's text, sim ≥ 0.90", async () => {
    const doc = await ingest(scanned);
    const txt = await ingest(join(SEEDS, "000.txt"));
    const s = sim(textOf(txt), textOf(doc));
    measured.push({ what: "000-scanned.pdf (OCR) vs 000.txt", sim: s, bar: 0.9 });
    expect(doc.meta.ocrPages).toEqual([1, 2, 3, 4, 5]);
    expect(doc.warnings).toEqual([]);
    expect(s).toBeGreaterThanOrEqual(0.9);
    expect(textOf(doc)).toContain("Lisbeth Kjær Lagoni");
    expect(textOf(doc)).not.toMatch(/side 2 af 4/i);
    // OCR'd lines carry geometry hints too: the item headings are set larger.
    const heading = doc.lines.find((l) => l.text.startsWith("3. Revision af sundhedsaftalen"))!;
    expect(heading.hints.heading).toBeDefined();
    expect(doc.lines.find((l) => l.text.startsWith("Det indstilles:"))!.hints.heading).toBeUndefined();
  }, 180_000);

  it.skipIf(tesseractInstalled)("is OCR'd when tesseract is installed (skipped: no `tesseract` with Danish on PATH; apt-get install tesseract-ocr-dan)", () => {});

  it("without OCR, warns once per page with the page number instead", async () => {
    const read = await readPdf(new Uint8Array(readFileSync(scanned)), { ocr: "off", maxPages: 100, file: "s.pdf", deadline: Infinity, timeoutMs: Infinity });
    expect(read.pages.map((p) => p.lines.length)).toEqual([0, 0, 0, 0, 0]);
    expect(read.warnings.map((w) => [w.code, w.page])).toEqual([1, 2, 3, 4, 5].map((n) => ["no-text-layer", n]));
    expect(read.meta.ocrPages).toBeUndefined();
    expect(read.unreadScans).toEqual({ pages: [1, 2, 3, 4, 5], reason: "OCR is turned off" });
  });

  it("without OCR and without a page of text, ingest refuses it: no-text", async () => {
    await expect(ingest(scanned, { ocr: "off" })).rejects.toMatchObject({
      name: "IngestError",
      code: "no-text",
      message: "000-scanned.pdf: no text on 5 pages: every page is an image without a text layer (a scan?) and was not read: OCR is turned off",
    });
  });

  it.skipIf(!tesseractInstalled)("renders with pdfjs when pdftoppm is missing, with the same text", async () => {
    const bytes = new Uint8Array(readFileSync(scanned));
    const viaPdfjs = (await ocrImage(await renderWithPdfjs(bytes, 2))).map((l) => l.text).join("\n");
    const viaPoppler = (await ocrImage(await renderWithPdftoppm(bytes, 2))).map((l) => l.text).join("\n");
    expect(viaPdfjs).toContain("Indstillingerne blev drøftet");
    expect(sim(viaPoppler, viaPdfjs)).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it("probes the OCR tools once", async () => {
    expect(probeOcrTools()).toBe(probeOcrTools());
    const tools = await probeOcrTools();
    expect(tools.tesseract && tools.danish).toBe(tesseractInstalled);
  });
});

// ─── small PDFs made here ────────────────────────────────────────────────────────────────────

function makePdf(pages: { header?: string; footer?: string; body: string[] }[], options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const doc = new PDFDocument({ size: "A4", margin: 72, autoFirstPage: false, ...options });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => done(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", fail);
    for (const p of pages) {
      doc.addPage();
      doc.font("Helvetica").fontSize(9);
      if (p.header) doc.text(p.header, 72, 30, { lineBreak: false });
      if (p.footer) doc.text(p.footer, 72, 800, { lineBreak: false });
      doc.fontSize(11);
      p.body.forEach((t, i) => doc.text(t, 72, 100 + i * 14, { lineBreak: false }));
    }
    doc.end();
  });
}

describe("PDFs with running lines, page numbers and blank pages", () => {
  it("removes a running header and 'Side N af M' footers and joins a word across the page break", async () => {
    const header = "Klyngestyregruppe Nord – referat 19.11.2020";
    const bytes = await makePdf([
      { header, footer: "Side 1 af 3", body: ["1. Velkomst", "Dagsordenen blev godkendt med tilbagemel-"] },
      { header, footer: "Side 2 af 3", body: ["dingerne fra mødet.", "2. Økonomi og æøå"] },
      { header, footer: "Side 3 af 3", body: ["3. Eventuelt", "Intet."] },
    ]);
    const doc = await ingest({ bytes, name: "running.pdf" });
    expect(doc.lines.map((l) => [l.page, l.line, l.text])).toEqual([
      [1, 2, "1. Velkomst"],
      [1, 3, "Dagsordenen blev godkendt med tilbagemeldingerne"],
      [2, 2, "fra mødet."],
      [2, 3, "2. Økonomi og æøå"],
      [3, 2, "3. Eventuelt"],
      [3, 3, "Intet."],
    ]);
    expect(doc.meta).toMatchObject({ removedHeaderFooterLines: 6, joinedHyphens: 1 });
  });

  it("removes bare page numbers at the foot of the page", async () => {
    const bodies = [["Velkomst", "Mødet havde 12 deltagere"], ["Økonomi", "3"], ["Eventuelt", "Intet"]];
    const bytes = await makePdf(bodies.map((body, i) => ({ footer: String(i + 1), body })));
    const doc = await ingest({ bytes, name: "numbers.pdf" });
    // The "3" on page 2 stands in the body, not at the foot: it stays.
    expect(doc.lines.map((l) => l.text)).toEqual(bodies.flat());
    expect(doc.meta.removedHeaderFooterLines).toBe(3);
  });

  it("reads a blank page as an empty page, without OCR or warnings", async () => {
    const bytes = await makePdf([{ body: ["Første side"] }, { body: [] }, { body: ["Tredje side"] }]);
    const doc = await ingest({ bytes, name: "blank.pdf" });
    expect(doc.pages).toBe(3);
    expect(doc.lines.map((l) => [l.page, l.text])).toEqual([
      [1, "Første side"],
      [3, "Tredje side"],
    ]);
    expect(doc.warnings).toEqual([]);
    expect(doc.meta.ocrPages).toBeUndefined();
  });
});

// ─── failures ────────────────────────────────────────────────────────────────────────────────

async function failure(bytes: Uint8Array, options = {}): Promise<IngestError> {
  const err = await ingest({ bytes, name: "x.pdf" }, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

describe("PDFs that cannot be read", () => {
  const seed = new Uint8Array(readFileSync(join(SEEDS, "000.pdf")));

  it("an encrypted PDF → encrypted", async () => {
    const bytes = await makePdf([{ body: ["Fortroligt"] }], { userPassword: "hemmelig", ownerPassword: "ejer" });
    const err = await failure(bytes);
    expect(err.code).toBe("encrypted");
    expect(err.message).toMatch(/x\.pdf: the PDF is password-protected/);
  });

  it("a truncated PDF → corrupt", async () => {
    const err = await failure(seed.slice(0, Math.floor(seed.length * 0.6)));
    expect(err.code).toBe("corrupt");
    expect(err.message).toMatch(/x\.pdf: not a readable PDF .*truncated or damaged/);
  });

  it("garbage after a PDF signature → corrupt", async () => {
    expect((await failure(new TextEncoder().encode("%PDF-1.7\nthis is no pdf at all\n"))).code).toBe("corrupt");
  });

  it("more pages than maxPages → too-large, before any page is read", async () => {
    const err = await failure(seed, { maxPages: 3 });
    expect(err.code).toBe("too-large");
    expect(err.message).toContain("5 pages is over the limit of 3");
  });

  it("a PDF that keeps pdfjs busy past the time limit → timeout; the next PDF reads on a fresh thread", async () => {
    await ingest({ bytes: seed, name: "warm.pdf" });
    const before = readerThreadId();
    const err = await failure(new Uint8Array(readFileSync(join(SEEDS, "002.pdf"))), { timeoutMs: 1 });
    expect(err.code).toBe("timeout");
    expect(err.message).toMatch(/x\.pdf: reading the PDF took over/);
    const doc = await ingest({ bytes: seed, name: "000.pdf" });
    expect(doc.lines.length).toBe(seeds.get("000")!.pdf.lines.length);
    expect(readerThreadId()).not.toBe(before);
  });

  it("leaves the caller's bytes intact (pdfjs gets a copy to detach)", async () => {
    const bytes = seed.slice();
    await ingest({ bytes, name: "000.pdf" });
    expect(bytes.byteLength).toBe(seed.byteLength);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(seed))).toBe(0);
  });
});

// ─── a long-running pipeline ─────────────────────────────────────────────────────────────────

describe("in a long-running process", () => {
  it("loads pdfjs once: one reader thread serves every document", async () => {
    await ingest(join(SEEDS, "003.pdf"));
    const thread = readerThreadId();
    expect(thread).toBeGreaterThan(0);
    await ingest(join(SEEDS, "004.pdf"));
    expect(readerThreadId()).toBe(thread);
  });

  it("writes nothing to stdout (stdout carries the CLI's answers)", async () => {
    const write = vi.spyOn(process.stdout, "write");
    const log = vi.spyOn(console, "log");
    const info = vi.spyOn(console, "info");
    try {
      for (const id of seedIds) await ingest(join(SEEDS, `${id}.pdf`));
      await ingest(BROWSER_PDF);
      await expect(ingest(join(SEEDS, "000-scanned.pdf"), { ocr: "off" })).rejects.toMatchObject({ code: "no-text" });
      expect(write).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
      expect(info).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
      log.mockRestore();
      info.mockRestore();
    }
  });

  it("reads documents concurrently with the same result as one by one", async () => {
    const files = seedIds.map((id) => join(SEEDS, `${id}.pdf`));
    const together = await Promise.all(files.map((f) => ingest(f)));
    together.forEach((doc, i) => expect(doc.lines).toEqual(seeds.get(seedIds[i]!)!.pdf.lines));
  });
});
