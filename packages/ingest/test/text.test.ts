import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../src/index.ts";
import { readText } from "../src/text.ts";

const ROOT = join(import.meta.dirname, "../../../fixtures");
const seed = (name: string) => join(ROOT, "seeds", name);
const fixture = (name: string) => join(ROOT, "ingest", name);
const OPTIONS = { ocr: "off" as const, maxPages: 2000, file: "test.txt", deadline: Infinity, timeoutMs: Infinity };
const bytes = (s: string) => new TextEncoder().encode(s);
const located = (doc: { lines: { page: number; line: number; text: string; hints: object }[] }) =>
  doc.lines.map((l) => ({ page: l.page, line: l.line, text: l.text, hints: l.hints }));

describe("encodings and line ends", () => {
  const variants = [
    ["002-windows-1252.txt", "windows-1252"],
    ["002-utf16le-bom.txt", "utf-16le"],
    ["002-utf16be-bom.txt", "utf-16be"],
    ["002-crlf.txt", "utf-8"],
    ["002-cr.txt", "utf-8"],
  ] as const;

  for (const [name, encoding] of variants) {
    it(`${name} gives exactly the lines of the UTF-8 seed`, async () => {
      const [utf8, variant] = await Promise.all([ingest(seed("002.txt")), ingest(fixture(name))]);
      expect(variant.format).toBe("txt");
      expect(variant.meta.encoding).toBe(encoding);
      expect(located(variant)).toEqual(located(utf8));
      const all = variant.lines.map((l) => l.text).join("\n");
      for (const letter of ["æ", "ø", "å", "Ø", "Å"]) expect(all).toContain(letter);
      expect(all).toContain("Konst. kontorchef Daniel Kjærgaard Simonsen, Region Nordjylland");
      expect(all).not.toMatch(/[\uFFFD\u0080-\u009F]|Ã/);
    });
  }

  const upper = "ÆØÅ æøå – “Referat” €";
  const encodings: [string, Uint8Array, string][] = [
    ["UTF-8", bytes(upper), "utf-8"],
    ["UTF-8 with BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes(upper)]), "utf-8"],
    ["UTF-16 LE with BOM", Uint8Array.from(Buffer.from(`\uFEFF${upper}`, "utf16le")), "utf-16le"],
    ["UTF-16 BE with BOM", Uint8Array.from(Buffer.from(`\uFEFF${upper}`, "utf16le").swap16()), "utf-16be"],
    // Æ Ø Å space æ ø å space – space “ R e f e r a t ” space €, in Windows-1252
    ["Windows-1252", Uint8Array.from([0xc6, 0xd8, 0xc5, 0x20, 0xe6, 0xf8, 0xe5, 0x20, 0x96, 0x20, 0x93, ...bytes("Referat"), 0x94, 0x20, 0x80]), "windows-1252"],
  ];
  for (const [label, data, encoding] of encodings) {
    it(`reads Æ Ø Å æ ø å from ${label}`, async () => {
      const r = await readText(data, OPTIONS);
      expect(r.meta.encoding).toBe(encoding);
      expect(r.pages[0]!.lines[0]!.text).toBe(upper);
    });
  }

  it("accepts CRLF, CR and LF mixed in one file", async () => {
    const r = await readText(bytes("en\r\nto\rtre\nfire"), OPTIONS);
    expect(r.pages[0]!.lines.map((l) => [l.line, l.text])).toEqual([[1, "en"], [2, "to"], [3, "tre"], [4, "fire"]]);
  });

  it("keeps UTF-8 with a few damaged bytes as UTF-8, with a warning", async () => {
    const good = bytes("Mødet blev afholdt på rådhuset. Næste møde: ");
    const r = await readText(Uint8Array.from([...good, 0xff, ...bytes(" slut")]), OPTIONS);
    expect(r.meta.encoding).toBe("utf-8");
    expect(r.pages[0]!.lines[0]!.text).toBe("Mødet blev afholdt på rådhuset. Næste møde: \uFFFD slut");
    expect(r.warnings.map((w) => w.code)).toEqual(["invalid-utf8"]);
  });
});

describe("refused encodings", () => {
  it("refuses bytes Windows-1252 does not define", async () => {
    const data = Uint8Array.from(Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0x81 + (i % 3) * 0x0c : 0x61)));
    await expect(readText(data, OPTIONS)).rejects.toMatchObject({
      name: "IngestError",
      code: "encoding",
      message: expect.stringMatching(/neither UTF-8 nor Windows-1252/),
    });
  });

  it("refuses a double-byte encoding (runs of high bytes)", async () => {
    // Shift-JIS "会議の議事録です。" repeated: pairs of high bytes, not valid UTF-8
    const sjis = [0x89, 0xef, 0x8b, 0x63, 0x82, 0xcc, 0x8b, 0x63, 0x8e, 0x96, 0x98, 0x5e, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42];
    const data = Uint8Array.from(Array.from({ length: 10 }, () => [...sjis, 0x0a]).flat());
    await expect(ingest({ bytes: data, name: "sjis.txt" })).rejects.toMatchObject({ code: "encoding" });
  });

  it("refuses UTF-16 without a byte order mark", async () => {
    const data = Uint8Array.from(Buffer.from("Referat af mødet", "utf16le"));
    await expect(readText(data, OPTIONS)).rejects.toMatchObject({ code: "unknown-format", message: expect.stringMatching(/UTF-16/) });
    await expect(ingest({ bytes: data, name: "x.txt" })).rejects.toMatchObject({ code: "unknown-format" });
  });
});

describe("form feeds", () => {
  // scripts/make-ingest-fixtures.ts cuts 003.txt into pages of 40 lines and puts an empty page after page 2.
  const PER_PAGE = 40;
  const seedLines = readFileSync(seed("003.txt"), "utf8").split("\n");
  const where = (index: number) => {
    const chunk = Math.floor(index / PER_PAGE);
    return { page: chunk + 1 + (chunk >= 2 ? 1 : 0), line: (index % PER_PAGE) + 1 };
  };

  it("starts a new page at each form feed and restarts line numbers", async () => {
    const doc = await ingest(fixture("003-formfeed.txt"));
    expect(doc.pages).toBe(Math.ceil(seedLines.length / PER_PAGE) + 1);
    expect(doc.lines.some((l) => l.page === 3)).toBe(false); // the empty page
    for (const [text, index] of [
      ["3. Forventningsafstemning i forhold til driftsforaenes virke", 77],
      ["4. Organisering af det videre arbejde med Refeeding Syndrom", 118],
      ["7. Evt.", 200],
    ] as const) {
      expect(seedLines[index]!.trim()).toBe(text);
      expect(doc.lines.find((l) => l.text === text)).toMatchObject(where(index));
    }
    expect(where(118)).toEqual({ page: 4, line: 39 });
    // every line the reader hands on sits where the fixture put it (before normalisation
    // joins hyphenated line ends)
    const raw = await readText(readFileSync(fixture("003-formfeed.txt")), OPTIONS);
    const expected = seedLines.map((t, i) => ({ ...where(i), text: t.trim() }));
    const got = raw.pages.filter((p) => p.page !== 3).flatMap((p) => p.lines.map((l) => ({ page: p.page, line: l.line, text: l.text.trim() })));
    expect(got).toEqual(expected);
    expect(raw.pages[2]!.lines.map((l) => l.text)).toEqual([""]);
  });

  it("does not count the form feed after the last page as a page", async () => {
    const r = await readText(bytes("side et\fside to\f"), OPTIONS);
    expect(r.pages.map((p) => [p.page, p.lines.map((l) => l.text)])).toEqual([[1, ["side et"]], [2, ["side to"]]]);
  });
});

describe("plain text", () => {
  it("moves leading spaces into hints.indent and keeps the text", async () => {
    const r = await readText(bytes(" Referat Klyngestyregruppe Syd  \n\tInnrykket\n**ikke markdown**"), OPTIONS);
    expect(r.pages[0]!.lines).toEqual([
      { text: "Referat Klyngestyregruppe Syd  ", hints: { indent: 1 }, line: 1 },
      { text: "Innrykket", hints: { indent: 4 }, line: 2 },
      // one "**" line is not enough to call a file markdown
      { text: "**ikke markdown**", hints: {}, line: 3 },
    ]);
  });
});

describe("markdown", () => {
  it("turns seed 004 into heading hints without # or ** left", async () => {
    const doc = await ingest(seed("004.txt"));
    const text = doc.lines.map((l) => l.text).join("\n");
    expect(text).not.toMatch(/^#/m);
    expect(text).not.toContain("**");
    expect(text).not.toMatch(/^---$/m);
    const line = (t: string) => doc.lines.find((l) => l.text === t);
    expect(line("Referat")).toMatchObject({ page: 1, line: 5, hints: { heading: 1 } });
    expect(line("Klyngestyregruppe Nord")).toMatchObject({ line: 7, hints: { heading: 2 } });
    expect(line("Deltagere")?.hints.heading).toBe(3);
    expect(line("1) Velkomst og godkendelse af referat")?.hints.heading).toBe(2);
    // "#### **Bilag:**": a heading that is bold as a whole
    expect(doc.lines.filter((l) => l.text === "Bilag:").some((l) => l.hints.heading === 4 && l.hints.bold)).toBe(true);
    expect(line("- Godkender referatet.")?.hints.listMarker).toBe("-");
    expect(line("1. Referat af Klyngestyregruppens møde 07.09.20")?.hints.listMarker).toBe("1.");
    // "*…*" emphasis goes, the words stay
    expect(doc.lines.find((l) => l.text.startsWith("Et bærende princip"))?.text).toMatch(/dominerer\.$/);
    // hard breaks ("  " at the end) go
    expect(line("Mødedato: 19. november 2020")).toBeDefined();
    // every "#" line of the seed is a heading
    const hashLines = readFileSync(seed("004.txt"), "utf8").split("\n").filter((l) => l.startsWith("#")).length;
    expect(doc.lines.filter((l) => l.hints.heading !== undefined).length).toBe(hashLines);
  });

  it("reads setext headings, tables, links and escapes", async () => {
    const md = [
      "Referat",
      "=======",
      "",
      "## Deltagere",
      "",
      "Se [dagsordenen](https://example.org/d.pdf) og \\*noter\\*.",
      "",
      "| Handling | Ansvarlig |",
      "|---|---|",
      "| Udsend referat | __Åse__ |",
    ].join("\n");
    const r = await readText(bytes(md), OPTIONS);
    expect(r.pages[0]!.lines.map((l) => [l.line, l.text, l.hints])).toEqual([
      [1, "Referat", { heading: 1 }],
      [2, "", {}],
      [3, "", {}],
      [4, "Deltagere", { heading: 2 }],
      [5, "", {}],
      [6, "Se dagsordenen og *noter*.", {}],
      [7, "", {}],
      [8, "Handling | Ansvarlig", { tableRow: true }],
      [9, "", {}],
      [10, "Udsend referat | Åse", { tableRow: true }],
    ]);
  });
});
