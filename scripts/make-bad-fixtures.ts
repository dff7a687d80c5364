/**
 * Builds the hostile and broken inputs in fixtures/bad/ (issue 6, "Bad input"); fixtures/bad/README.md
 * says what each file is and which IngestError ingest must answer with.
 *
 *   npx tsx scripts/make-bad-fixtures.ts
 *
 * Only small files are written (the largest is a ~20 KB zip bomb). The cases that need the file
 * system at test time — a 500 MB sparse file, a file deleted between listing and reading, a folder
 * named like a file, an unreadable file, symlink loops — are made by
 * packages/ingest/test/bad-input.test.ts and packages/cli/test/files.test.ts in a temporary folder.
 *
 * PDFs are written object by object (rawPdf) so that their structure is exact and the bytes are
 * the same on every run; only the two encrypted PDFs come from PDFKit (its RC4/AES code), and
 * their bytes change from run to run (random file ID and salts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync, deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BAD_FIXTURES = join(root, "fixtures/bad");

/** The text of every PDF here that has text; tests look for it. */
export const PDF_TEXT = ["Referat af mødet i Teknik- og Miljøudvalget", "1. Godkendelse af dagsorden", "Beslutning: Godkendt."];

// ─── PDF written by hand ─────────────────────────────────────────────────────────────────────

const latin1 = (s: string) => Buffer.from(s, "latin1");

/** A PDF stream object; `compress` deflates the data (FlateDecode). */
function stream(dict: string, data: Uint8Array | string, compress = false): Buffer {
  let body = typeof data === "string" ? latin1(data) : Buffer.from(data);
  if (compress) body = deflateSync(body, { level: 9 });
  const filter = compress ? " /Filter /FlateDecode" : "";
  return Buffer.concat([latin1(`<< ${dict} /Length ${body.length}${filter} >>\nstream\n`), body, latin1("\nendstream")]);
}

/** Objects 1..n (object 1 is the catalog) with a correct xref table and trailer. */
function rawPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [latin1("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const obj = Buffer.concat([latin1(`${i + 1} 0 obj\n`), typeof o === "string" ? latin1(o) : o, latin1("\nendobj\n")]);
    parts.push(obj);
    length += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)];
  parts.push(latin1(`${xref.join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
const textOps = (lines: string[], top = 760) =>
  `BT /F1 12 Tf 72 ${top} Td 16 TL ${lines.map((l) => `${pdfString(l)} '`).join(" ")} ET`;

/** One A4 page: the catalog, page tree, page, font and content objects 1–5, then `extra`. */
function onePage(content: string, resources = "", extra: (string | Buffer)[] = []): Buffer {
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> ${resources} >> >>`,
    FONT,
    stream("", content),
    ...extra,
  ]);
}

export function textPdf(): Buffer {
  return onePage(textOps(PDF_TEXT));
}

/**
 * Every xref offset points 7 bytes off and startxref at the middle of the file: pdfjs finds no
 * xref where it is told to and rebuilds the table by scanning for "N 0 obj" (as Acrobat does).
 */
export function brokenXrefPdf(): Buffer {
  const pdf = textPdf().toString("latin1");
  const broken = pdf
    .replace(/^(\d{10}) 00000 n $/gm, (_, o: string) => `${String(Number(o) + 7).padStart(10, "0")} 00000 n `)
    .replace(/startxref\n\d+/, `startxref\n${Math.floor(pdf.length / 2)}`);
  return latin1(broken);
}

/** A PDF cut off three bytes into its page's content stream: the content, the xref and the trailer are gone. */
export function truncatedPdf(): Buffer {
  const pdf = textPdf();
  return pdf.subarray(0, pdf.indexOf("stream\n") + 10);
}

/**
 * A page that paints one grey image and has no text: a scan. (Its pixels are a soft gradient, so
 * OCR, where it runs, finds no text either.)
 */
export function imageOnlyPdf(): Buffer {
  const w = 120;
  const h = 80;
  const pixels = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels[y * w + x] = 200 + Math.round((x / w) * 40);
  const image = stream(`/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8`, pixels, true);
  return onePage("q 451 0 0 301 72 470 cm /Im Do Q", "/XObject << /Im 6 0 R >>", [image]);
}

/**
 * "Billion laughs" for PDF: the page draws form X1 once; each form Xk draws X(k+1) sixteen times;
 * the last draws one letter. getTextContent walks 16⁷ ≈ 268 million leaves — hours of work from
 * 3 KB — while the text so far stays small. Only the per-document time limit stops it.
 */
export function loopPdf(depth = 8, fan = 16): Buffer {
  const forms: Buffer[] = [];
  for (let k = 1; k <= depth; k++) {
    const n = 5 + k; // object number of form Xk
    const last = k === depth;
    const body = last ? "BT /F1 12 Tf 72 600 Td (x) Tj ET" : Array(fan).fill("/X Do").join(" ");
    const xobject = last ? "" : `/XObject << /X ${n + 1} 0 R >>`;
    forms.push(stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> ${xobject} >>`, body));
  }
  return onePage(`${textOps(["Referat"])} /X Do`, "/XObject << /X 6 0 R >>", forms);
}

/** A page tree whose Pages node lists itself as a kid: pdfjs detects the cycle. */
export function pageTreeLoopPdf(): Buffer {
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
    FONT,
    stream("", textOps(PDF_TEXT)),
  ]);
}

/** PDFKit's encryption: a user password (needed to open) and/or an owner password (permissions only). */
export function encryptedPdf(passwords: { userPassword?: string; ownerPassword: string }): Promise<Buffer> {
  return new Promise((done, fail) => {
    const doc = new PDFDocument({ size: "A4", margin: 72, pdfVersion: "1.7", info: { CreationDate: new Date(Date.UTC(2024, 0, 1)) }, ...passwords });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => done(Buffer.concat(chunks)));
    doc.on("error", fail);
    doc.font("Helvetica").fontSize(12);
    for (const line of PDF_TEXT) doc.text(line);
    doc.end();
  });
}

// ─── zip written by hand ─────────────────────────────────────────────────────────────────────

interface ZipPart {
  name: string;
  data: Uint8Array;
}

/** A zip of deflated entries; `declare` may make the central directory lie about sizes. */
function zip(parts: ZipPart[], declare: (p: ZipPart, size: number) => number = (_, size) => size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const packed = deflateRawSync(p.data, { level: 9 });
    const size = declare(p, p.data.length);
    const crc = crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    centrals.push(centralEntry(name, crc, packed.length, size, offset));
    offset += local.length + name.length + packed.length;
  }
  return Buffer.concat([...locals, ...centrals, endOfCentralDirectory(centrals, offset)]);
}

function centralEntry(name: Buffer, crc: number, compressedSize: number, size: number, localOffset: number): Buffer {
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0);
  c.writeUInt16LE(20, 4);
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(0x800, 8);
  c.writeUInt16LE(8, 10);
  c.writeUInt32LE(0x00210000, 12);
  c.writeUInt32LE(crc, 16);
  c.writeUInt32LE(compressedSize, 20);
  c.writeUInt32LE(size, 24);
  c.writeUInt16LE(name.length, 28);
  c.writeUInt32LE(localOffset, 42);
  return Buffer.concat([c, name]);
}

function endOfCentralDirectory(centrals: Buffer[], cdOffset: number): Buffer {
  const e = Buffer.alloc(22);
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(centrals.length, 8);
  e.writeUInt16LE(centrals.length, 10);
  e.writeUInt32LE(cdSize, 12);
  e.writeUInt32LE(cdOffset, 16);
  return e;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`;

/** A Word package that lost its document part: content types and styles, no word/document.xml. */
export function docxWithoutDocument(): Buffer {
  return zip([
    { name: "[Content_Types].xml", data: utf8(CONTENT_TYPES) },
    { name: "word/styles.xml", data: utf8(STYLES) },
  ]);
}

/** 16 MiB of spaces (white space in XML): deflate's best case, about 1,000 to 1. */
function bombKernel(): Uint8Array {
  return new Uint8Array(Buffer.alloc(16 * 2 ** 20, 0x20));
}

/**
 * An overlapping-entry zip bomb (Fifield's construction) disguised as a DOCX: one deflated
 * 16 MiB kernel, and a central directory of 80 entries that all point to it — 1.25 GiB unpacked
 * from ~20 KB. The directory tells the truth about each entry's size, so the sum gives it away.
 */
export function zipBombDocx(entries = 80): Buffer {
  const kernel = zip([{ name: "word/document.xml", data: bombKernel() }]);
  // Keep the local header and data of the one entry; write a new central directory.
  const cdOffset = kernel.readUInt32LE(kernel.length - 22 + 16);
  const central = kernel.subarray(cdOffset, kernel.length - 22);
  const crc = central.readUInt32LE(16);
  const compressed = central.readUInt32LE(20);
  const size = central.readUInt32LE(24);
  const centrals = Array.from({ length: entries }, (_, i) =>
    centralEntry(Buffer.from(i === 0 ? "word/document.xml" : `word/part${i}.xml`), crc, compressed, size, 0),
  );
  return Buffer.concat([kernel.subarray(0, cdOffset), ...centrals, endOfCentralDirectory(centrals, cdOffset)]);
}

/** The same kernel under a directory that lies: word/document.xml claims 10 KB and inflates to 16 MiB. */
export function lyingZipBombDocx(): Buffer {
  return zip(
    [
      { name: "[Content_Types].xml", data: utf8(CONTENT_TYPES) },
      { name: "word/document.xml", data: bombKernel() },
    ],
    (p, size) => (p.name === "word/document.xml" ? 10_000 : size),
  );
}

// ─── text ────────────────────────────────────────────────────────────────────────────────────

const DANISH = "Referat af mødet i Teknik- og Miljøudvalget den 3. marts 2021.\nBeslutning: Udvalget godkendte indstillingen. Sagen genoptages på næste møde.\n";

/** Deterministic pseudo-random bytes (xorshift32): not text in any encoding. */
export function noise(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * IBM EBCDIC code page 277 (Denmark/Norway), as an AS/400 or mainframe export writes it: letters
 * sit at 0x81–0xA9 and 0xC1–0xE9, so 'a' is 0x81, a byte Windows-1252 leaves undefined.
 */
export function ebcdic277(text: string): Buffer {
  const table: Record<string, number> = { " ": 0x40, ".": 0x4b, ":": 0x7a, "-": 0x60, ",": 0x6b, "\n": 0x25, æ: 0xc0, ø: 0x6a, å: 0x47, Æ: 0x7b, Ø: 0x7c, Å: 0x5b };
  const rows: [string, number][] = [["abcdefghi", 0x81], ["jklmnopqr", 0x91], ["stuvwxyz", 0xa2], ["ABCDEFGHI", 0xc1], ["JKLMNOPQR", 0xd1], ["STUVWXYZ", 0xe2], ["0123456789", 0xf0]];
  for (const [chars, start] of rows) [...chars].forEach((c, i) => (table[c] = start + i));
  return Buffer.from([...text].map((c) => {
    const b = table[c];
    if (b === undefined) throw new Error(`no EBCDIC 277 code for ${JSON.stringify(c)}`);
    return b;
  }));
}

/** Shift-JIS "会議の議事録です。" (the minutes of the meeting), a line per sentence. */
function shiftJis(): Buffer {
  const sentence = [0x89, 0xef, 0x8b, 0x63, 0x82, 0xcc, 0x8b, 0x63, 0x8e, 0x96, 0x98, 0x5e, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42, 0x0a];
  return Buffer.from(Array.from({ length: 12 }, () => sentence).flat());
}

/** UTF-32 LE with its byte order mark (FF FE 00 00, which starts like UTF-16 LE's). */
function utf32le(text: string): Buffer {
  const cps = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => out.writeUInt32LE(cp, i * 4));
  return out;
}

// ─── all of them ─────────────────────────────────────────────────────────────────────────────

export async function badFixtures(): Promise<Record<string, Uint8Array>> {
  return {
    "empty.pdf": new Uint8Array(0),
    "truncated.pdf": truncatedPdf(),
    "broken-xref.pdf": brokenXrefPdf(),
    "encrypted-user-password.pdf": await encryptedPdf({ userPassword: "hemmelig", ownerPassword: "ejer" }),
    "encrypted-owner-password.pdf": await encryptedPdf({ ownerPassword: "ejer" }),
    "image-only.pdf": imageOnlyPdf(),
    "loop.pdf": loopPdf(),
    "page-tree-loop.pdf": pageTreeLoopPdf(),
    "no-document.docx": docxWithoutDocument(),
    "zip-bomb.docx": zipBombDocx(),
    "zip-bomb-lying.docx": lyingZipBombDocx(),
    "noise.txt": noise(4096),
    "ebcdic-277.txt": ebcdic277(DANISH),
    "shift-jis.txt": shiftJis(),
    "utf-32.txt": utf32le(DANISH),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(BAD_FIXTURES, { recursive: true });
  for (const [name, bytes] of Object.entries(await badFixtures())) {
    writeFileSync(join(BAD_FIXTURES, name), bytes);
    console.log(`${name.padEnd(30)} ${bytes.byteLength} bytes`);
  }
}
