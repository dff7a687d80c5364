/**
 * Bytes → string for text and HTML. Danish archives hold UTF-8 (with or without BOM), UTF-16
 * with a BOM (Windows "Unicode" text) and legacy Windows-1252/Latin-1 files side by side.
 * A byte order mark decides; otherwise strict UTF-8 is tried first, because multi-byte UTF-8
 * sequences almost never occur by chance in Windows-1252 text ("Ã¸" would have to be meant).
 * Windows-1252 is accepted only when the text looks like a Western European language in it;
 * anything else (EBCDIC, Shift-JIS, UTF-32, …) is refused with "encoding" rather than turned into
 * mojibake.
 */
import { ingestWarning } from "./messages.ts";
import { IngestError, type Message } from "./schema.ts";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  warnings: Message[];
}

/** Bytes undefined in Windows-1252; decoded as the C1 controls of the same number, as browsers do. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1: 0x80–0x9F come out as C1
 * controls instead of €, ‚, „, …, ‘, ’, “, ”, •, – and —, which Danish Word text is full of.
 * (measured on Node 20.20 with full ICU), so the code page table is applied here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

/**
 * @param declared a charset named by the file itself (HTML meta), tried after a BOM and before guessing.
 */
export function decodeText(bytes: Uint8Array, file: string, declared?: string): Decoded {
  const warnings: Message[] = [];
  // UTF-32 before UTF-16: the UTF-32 LE byte order mark starts with the UTF-16 LE one.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new IngestError("encoding", `${file}: the text is UTF-32, which is not read; save it as UTF-8`, file);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3), file, warnings), encoding: "utf-8", warnings };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const body = bytes.subarray(2);
    if (body.length % 2 === 1) {
      warnings.push(ingestWarning("odd-utf16-length", `${file}: UTF-16 text with an odd number of bytes; the last byte was dropped`));
    }
    const text = new TextDecoder(encoding).decode(body.subarray(0, body.length - (body.length % 2)));
    if (text.includes("\uFFFD")) {
      warnings.push(ingestWarning("invalid-utf16", `${file}: invalid UTF-16 sequences were replaced by U+FFFD`));
    }
    return { text, encoding, warnings };
  }

  const label = declared?.trim().toLowerCase();
  if (label && /^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin-?1|us-ascii|ascii)$/.test(label) && !isValidUtf8WithHighBytes(bytes)) {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252", warnings };
  }

  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", warnings };
  } catch {
    // not valid UTF-8: mostly valid with a few broken bytes, or a legacy single-byte encoding
  }
  if (bytes.includes(0)) {
    throw new IngestError(
      "unknown-format",
      `${file}: text with NUL bytes (UTF-16 without a byte order mark, or binary data); save it as UTF-8`,
      file,
    );
  }
  const stats = byteStats(bytes);
  // A UTF-8 file with a few damaged bytes (a truncated copy, one pasted Latin-1 word) is still UTF-8.
  // (In Windows-1252 text nearly every non-ASCII byte is invalid UTF-8 and valid sequences are
  // accidents, so valid sequences outnumbering invalid bytes two to one is a safe sign.)
  if (stats.utf8Sequences > 0 && stats.invalidUtf8 * 2 <= stats.utf8Sequences) {
    warnings.push(
      ingestWarning("invalid-utf8", `${file}: ${stats.invalidUtf8} invalid UTF-8 byte(s) were replaced by U+FFFD`),
    );
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", warnings };
  }
  const why = implausibleCp1252(stats);
  if (why) {
    throw new IngestError(
      "encoding",
      `${file}: the text is neither UTF-8 nor Windows-1252/Latin-1 (${why}); save it as UTF-8`,
      file,
    );
  }
  return { text: decodeWindows1252(bytes), encoding: "windows-1252", warnings };
}

function utf8(bytes: Uint8Array, file: string, warnings: Message[]): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    warnings.push(ingestWarning("invalid-utf8", `${file}: invalid UTF-8 sequences were replaced by U+FFFD`));
    return new TextDecoder("utf-8").decode(bytes);
  }
}

interface ByteStats {
  high: number;
  undefinedCp1252: number;
  /** High bytes directly after another high byte. */
  adjacentHigh: number;
  utf8Sequences: number;
  invalidUtf8: number;
}

function byteStats(bytes: Uint8Array): ByteStats {
  const s: ByteStats = { high: 0, undefinedCp1252: 0, adjacentHigh: 0, utf8Sequences: 0, invalidUtf8: 0 };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    s.high++;
    if (CP1252_UNDEFINED.has(b)) s.undefinedCp1252++;
    if (i > 0 && bytes[i - 1]! >= 0x80) s.adjacentHigh++;
  }
  for (let i = 0; i < bytes.length; ) {
    const len = utf8SequenceLength(bytes, i);
    if (len > 1) s.utf8Sequences++;
    if (len === 0) {
      s.invalidUtf8++;
      i++;
    } else i += len;
  }
  return s;
}

/** Length of the valid UTF-8 sequence at i (1 for ASCII), or 0 when the byte starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return 0;
  for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return len;
}

function isValidUtf8WithHighBytes(bytes: Uint8Array): boolean {
  const s = byteStats(bytes);
  return s.utf8Sequences > 0 && s.invalidUtf8 === 0;
}

/**
 * Windows-1252 text in a Western European language has its few non-ASCII bytes (æ, ø, å, é,
 * quotes, dashes) one at a time between ASCII letters, and never the five bytes the code page
 * leaves undefined. Double-byte encodings (Shift-JIS, GBK), UTF-16 without BOM and
 * binary data put high bytes in runs or use the undefined ones.
 */
function implausibleCp1252(s: ByteStats): string | null {
  if (s.undefinedCp1252 > Math.max(2, s.high * 0.01)) {
    return `${s.undefinedCp1252} bytes that Windows-1252 does not define`;
  }
  if (s.high >= 20 && s.adjacentHigh / s.high > 0.5) {
    return "non-ASCII bytes come in runs, as in a multi-byte encoding";
  }
  return null;
}
