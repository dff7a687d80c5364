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
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return "pdf";
  // A zip: DOCX when it holds word/document.xml. The central directory names it in clear text;
  // the local file header of the first entry usually does too. A zip without it is not ours.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return zipHasEntry(bytes, "word/document.xml") ? "docx" : null;
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // UTF-16 with BOM: could be HTML or text; peek at the decoded start.
    const le = bytes[0] === 0xff;
    const sample = new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(2, 2050));
    return looksLikeHtml(sample) ? "html" : "txt";
  }
  const sample = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  if (looksLikeHtml(sample)) return "html";
  if (looksBinary(bytes.subarray(0, 8192))) return null;
  return "txt";
}

function looksLikeHtml(sample: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!doctype html|<html[\s>])/i.test(sample.replace(/^\uFEFF/, ""));
}

/**
 * Text has no NUL bytes and few C0 control characters; binary noise has many.
 * UTF-16 without BOM would have NULs too, and we do not guess that.
 */
function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / sample.length > 0.02;
}

/** Looks for an entry name in the zip's central directory without inflating anything. */
export function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, "utf8");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
