import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../src/detect.ts";
import { ingest, IngestError } from "../src/index.ts";

const ROOT = join(import.meta.dirname, "../../../fixtures");
const bytes = (s: string) => new TextEncoder().encode(s);

describe("format by content, not by name", () => {
  it("reads a PDF named .txt as a PDF", async () => {
    const doc = await ingest(join(ROOT, "ingest/000-pdf.txt"), { ocr: "off" });
    expect(doc.format).toBe("pdf");
    expect(doc.lines.some((l) => l.text.includes("Referat Klyngestyregruppe Syd"))).toBe(true);
  });

  it("reads a DOCX named .pdf as a DOCX", async () => {
    const doc = await ingest(join(ROOT, "ingest/003-autonum-docx.pdf"));
    expect(doc.format).toBe("docx");
    expect(doc.file).toBe("003-autonum-docx.pdf");
    expect(doc.lines.some((l) => l.text === "7. Evt.")).toBe(true);
  });

  it("reads an HTML page named .txt as HTML", async () => {
    const doc = await ingest({ bytes: readFileSync(join(ROOT, "ingest/004.html")), name: "referat.txt" });
    expect(doc.format).toBe("html");
  });

  it("refuses unknown binary data with a typed error", async () => {
    // deterministic noise with NUL and control bytes, like an image or an executable
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const err = await ingest({ bytes: noise, name: "billede.txt" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ code: "unknown-format", message: expect.stringContaining("billede.txt") });
  });
});

describe("detectFormat", () => {
  it("finds PDF after a little junk and DOCX by its document part", () => {
    expect(detectFormat(bytes("\n\n%PDF-1.7\n%âãÏÓ"))).toBe("pdf");
    expect(detectFormat(readFileSync(join(ROOT, "seeds/000.docx")))).toBe("docx");
  });

  it("takes a Word package without its document part for a (damaged) DOCX, other zips for nothing", () => {
    const word = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/styles.xml": strToU8("<w:styles/>") });
    expect(detectFormat(word)).toBe("docx");
    const odt = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.text"), "content.xml": strToU8("<x/>") });
    expect(detectFormat(odt)).toBeNull();
  });

  it("recognises pages, saved e-mails and fragments as HTML", () => {
    expect(detectFormat(bytes("<!DOCTYPE html><html><body><p>x</p></body></html>"))).toBe("html");
    expect(detectFormat(bytes('\uFEFF<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>'))).toBe("html");
    expect(detectFormat(bytes("<!-- saved from url -->\n<head><meta charset=utf-8></head>"))).toBe("html");
    expect(detectFormat(bytes("<div><p>Referat</p></div>"))).toBe("html");
    expect(detectFormat(Uint8Array.from(Buffer.from("\uFEFF<!doctype html><p>x</p>", "utf16le")))).toBe("html");
  });

  it("keeps text that merely contains markup as text", () => {
    expect(detectFormat(bytes("# Referat\n\n<div>indlejret</div>\n"))).toBe("txt");
    expect(detectFormat(bytes("<p> er et afsnit i HTML, men dette er et notat"))).toBe("txt");
    expect(detectFormat(Uint8Array.from([0x4b, 0xe6, 0x72, 0x65, 0x20, 0x53, 0xf8, 0x72, 0x65, 0x6e]))).toBe("txt");
    expect(detectFormat(Uint8Array.from(Buffer.from("\uFEFFReferat", "utf16le")))).toBe("txt");
  });

  it("returns null for binary data, UTF-16 without BOM and old Word files", () => {
    expect(detectFormat(Uint8Array.from(Buffer.from("Referat af mødet", "utf16le")))).toBeNull();
    // OLE compound file: .doc, or a password-protected .docx
    expect(detectFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]))).toBeNull();
    expect(detectFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBeNull();
  });
});
