/**
 * Format by content, not by name: a wrong extension must still work, and an unknown
 * binary must be refused with a clear message rather than decoded as garbage.
 */
import type { Format } from "./schema.ts";

const startsWith = (bytes: Uint8Array, sig: number[], at = 0): boolean =>
  sig.every((b, i) => bytes[at + i] === b);

/** Returns the format, or null when the bytes are none we read. */
export function detectFormat(bytes: Uint8Array): Format | null {
  // %PDF may follow a few bytes of junk (some scanners prepend a header); the spec allows 1024.
  // (Searched in the bytes: "%PDF-" in their Latin-1 reading is the same five bytes.)
  if (asBuffer(bytes).subarray(0, 1024).includes("%PDF-", 0, "latin1")) return "pdf";
  // A zip: DOCX when it holds word/document.xml. The central directory names it in clear text;
  // the local file header of the first entry usually does too. A Word package that lost its
  // document part is still a DOCX (the reader then reports it as corrupt); any other zip
  // (ODT, XLSX, an archive) is not ours.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (zipHasEntry(bytes, "word/document.xml")) return "docx";
    return zipHasEntry(bytes, "[Content_Types].xml") && zipHasEntry(bytes, "word/") ? "docx" : null;
  }
  // UTF-32 (BE shown by its byte order mark): text, which the decoder then refuses by name.
  if (startsWith(bytes, [0, 0, 0xfe, 0xff])) return "txt";
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // UTF-16 with BOM: could be HTML or text; peek at the decoded start.
    const le = bytes[0] === 0xff;
    const sample = new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(2, 2050));
    return looksLikeHtml(sample) ? "html" : "txt";
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0; // UTF-8 byte order mark
  const sample = asBuffer(bytes).toString("latin1", bom, 4096);
  if (looksLikeHtml(sample)) return "html";
  if (looksBinary(bytes.subarray(0, 8192))) return null;
  return "txt";
}

/**
 * A page starts with a doctype or <html>; saved e-mails and exported fragments often start
 * with <head>, <meta>, <body> or straight with a block element. A text that merely mentions a
 * tag further down (markdown with inline HTML) stays text: the markup must open the file.
 */
function looksLikeHtml(sample: string): boolean {
  // Every form below opens with "<" after white space (a BOM counts as white space): a text's
  // first other character settles it without the regexes.
  const first = /\S/.exec(sample);
  if (first === null || first[0] !== "<") return false;
  const start = sample.replace(/^\uFEFF/, "").replace(/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/i, "");
  if (/^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>])/i.test(start)) return true;
  const block = /^<(div|p|table|h[1-6]|ul|ol)[\s>]/i.exec(start);
  return block !== null && new RegExp(`</${block[1]}\\s*>`, "i").test(start);
}

/**
 * Text has no NUL bytes and few C0 control characters; binary noise has many.
 * UTF-16 without BOM would have NULs too, and we do not guess that.
 */
function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / sample.length > 0.02;
}

/** Looks for an entry name in the zip's central directory without inflating anything. */
export function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, "utf8");
  return asBuffer(bytes).includes(needle);
}

/** The same memory as a Buffer, without a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
