/**
 * Reading a zip (a DOCX package) without trusting it. The central directory is read first and
 * the declared uncompressed sizes are checked against a limit before anything is inflated; the
 * inflater then stops as soon as an entry produces more than it declared, so a zip bomb whose
 * directory lies costs at most the declared size in memory and a few MB of wasted work.
 */
import { Inflate, inflateSync } from "fflate";
import { IngestError } from "./schema.ts";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  /** Sum of declared uncompressed sizes over all entries. */
  maxTotalBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 200 * 1024 * 1024, maxEntries: 20_000 };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Lists the entries from the central directory and enforces the size limits. Inflates nothing. */
export function listZip(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string) => new IngestError("corrupt", `${file}: not a readable zip package (${why})`, file);
  const u32 = (at: number) => {
    if (at < 0 || at + 4 > bytes.length) throw corrupt("truncated");
    return view.getUint32(at, true);
  };
  const u16 = (at: number) => {
    if (at < 0 || at + 2 > bytes.length) throw corrupt("truncated");
    return view.getUint16(at, true);
  };
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;

  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt("no central directory: the file is truncated or not a zip");
  let count = u16(eocd + 10);
  let cdOffset = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(eocd - 12);
    if (u32(z) !== ZIP64_EOCD) throw corrupt("bad ZIP64 record");
    count = u64(z + 32);
    cdOffset = u64(z + 48);
  }
  if (count > limits.maxEntries) {
    throw new IngestError("too-large", `${file}: the package has ${count} entries, over the limit of ${limits.maxEntries}`, file);
  }

  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) throw corrupt("damaged central directory");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    let localOffset = u32(at + 42);
    if (at + 46 + nameLen > bytes.length) throw corrupt("truncated");
    // Bit 11: UTF-8 names; otherwise CP437, which for the ASCII part names of a DOCX is the same.
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLen)).toString(flags & 0x800 ? "utf8" : "latin1");
    // ZIP64 extra field: the 64-bit values appear in this order for the fields set to 0xFFFFFFFF.
    let e = at + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(e);
      const len = u16(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff) (size = u64(p)), (p += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(p)), (p += 8);
        if (localOffset === 0xffffffff) localOffset = u64(p);
      }
      e += 4 + len;
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new IngestError(
        "too-large",
        `${file}: the package unpacks to more than ${Math.round(limits.maxTotalBytes / 2 ** 20)} MB (a zip bomb or an absurd file); refused before unpacking`,
        file,
      );
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Small input chunks bound the output of one push (deflate expands at most ~1,032×). */
const CHUNK = 4096;

/**
 * Inflates a stream of at most CHUNK bytes into a fixed buffer of size + 1 bytes: what does not
 * fit is dropped, so a result of size + 1 bytes means "more than declared". Damaged data throws
 * the errors the streaming inflater throws (fflate runs the same decoder). Null when a stored
 * block runs past the buffer (fflate then stops with a RangeError): the streaming loop decides
 * such an entry, so that a damaged block after the overflow is reported as it always was.
 */
function inflateSmall(data: Uint8Array, size: number): Uint8Array | null {
  const out = new Uint8Array(size + 1);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(data, { out });
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
  return inflated.length > size ? inflated : inflated.slice();
}

/** Inflates one entry, refusing to produce more than its declared size. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const corrupt = (why: string) => new IngestError("corrupt", `${file}: damaged zip entry ${entry.name} (${why})`, file);
  if (entry.flags & 0x1) {
    throw new IngestError("encrypted", `${file}: the package entry ${entry.name} is encrypted`, file);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = entry.localOffset;
  if (lh + 30 > bytes.length || view.getUint32(lh, true) !== LOCAL) throw corrupt("no local header");
  const dataStart = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw corrupt("truncated");
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt("stored sizes differ");
    return data.slice();
  }
  if (entry.method !== 8) throw corrupt(`compression method ${entry.method} is not supported`);

  // Small entries (most parts of a DOCX) in one call into a buffer of the declared size + 1: the
  // same single pass the streaming loop below makes for them, without its 32 KB window and
  // 128 KB output buffers per entry.
  if (data.length > 0 && data.length <= CHUNK) {
    let inflated: Uint8Array | null;
    try {
      inflated = inflateSmall(data, entry.size);
    } catch (err) {
      throw corrupt(err instanceof Error ? err.message : String(err));
    }
    if (inflated !== null) {
      if (inflated.length > entry.size) throw corrupt("inflates to more than its declared size");
      if (inflated.length !== entry.size) throw corrupt(`inflates to ${inflated.length} bytes, ${entry.size} declared`);
      return inflated;
    }
  }

  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      overflow = true;
      throw new Error("overflow");
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (overflow) throw corrupt("inflates to more than its declared size");
    throw corrupt(err instanceof Error ? err.message : String(err));
  }
  if (written !== entry.size) throw corrupt(`inflates to ${written} bytes, ${entry.size} declared`);
  return out;
}
