/**
 * DOCX → raw pages. mammoth reads the body (runs, fields, hyperlinks, tracked insertions,
 * tables, text boxes); its document model (not its HTML) is walked here, because the model
 * keeps soft line breaks, page breaks and bold runs that HTML would blur. What mammoth loses —
 * Word's printed list numbers, outline levels, page breaks set as paragraph properties — is
 * computed from the package XML beforehand and carried through mammoth inside each paragraph
 * (see docx-annotate.ts).
 *
 * Pages: a DOCX has no pages until Word lays it out, so everything is page 1 except where the
 * author forced a break: w:br w:type="page", "page break before" (direct or from the style) and
 * section breaks that start a new page. w:lastRenderedPageBreak is ignored: it records where
 * some earlier renderer happened to break, is missing from generated files and goes stale
 * with every edit. Consecutive breaks do not produce empty pages. Line numbers count the
 * emitted lines within each page.
 */
import { zipSync, type Zippable } from "fflate";
import { annotateDocument } from "./docx-annotate.ts";
import { bodyToPages, type MNode } from "./docx-body.ts";
import { parseNumbering, parseStyles } from "./docx-numbering.ts";
import type { ReadOptions, ReadResult } from "./raw.ts";
import { IngestError } from "./schema.ts";
import { listZip, readZipEntry, type ZipEntry } from "./zip.ts";
import { parseXml, type XmlElement } from "./xml.ts";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export async function readDocx(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const file = options.file;
  const parts = unpack(bytes, file);
  const mainPath = findMainDocument(parts, file);
  const related = (type: string, fallback: string) => relatedPart(parts, mainPath, type) ?? fallback;
  const stylesPath = related("styles", "word/styles.xml");
  const numberingPath = related("numbering", "word/numbering.xml");

  const documentXml = xmlText(parts.get(mainPath)!);
  let annotated: string;
  try {
    const styles = parseStyles(optionalXml(parts, stylesPath, file));
    const numbering = parseNumbering(optionalXml(parts, numberingPath, file));
    annotated = annotateDocument(documentXml, parseXml(documentXml), styles, numbering);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError("corrupt", `${file}: damaged Word document (${mainPath}: ${errorText(err)})`, file, { cause: err });
  }
  parts.set(mainPath, new TextEncoder().encode(annotated));

  // mammoth gets a package rebuilt from the checked entries (stored, not compressed): it never
  // sees the original zip, so it cannot be made to inflate more than we allowed.
  const zippable: Zippable = {};
  for (const [name, data] of parts) zippable[name] = [data, { level: 0 }];
  const repacked = zipSync(zippable);

  const mammoth = await loadMammoth();
  let model: MNode | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      {
        // Style maps only steer the HTML rendering, which is skipped; mammoth would otherwise parse
        // its default map (about 60 rules) again for every document.
        includeDefaultStyleMap: false,
        includeEmbeddedStyleMap: false,
        // The model is all we need; hand mammoth an empty body so it renders no HTML.
        transformDocument: (doc: MNode) => {
          model = doc;
          return { ...doc, children: [] };
        },
      },
    );
  } catch (err) {
    throw new IngestError("corrupt", `${file}: damaged Word document (${errorText(err)})`, file, { cause: err });
  }
  if (!model) throw new IngestError("corrupt", `${file}: mammoth returned no document`, file);

  const pages = bodyToPages(model);
  if (pages.length > options.maxPages) {
    throw new IngestError("too-large", `${file}: ${pages.length} pages is over the limit of ${options.maxPages}`, file);
  }
  return { format: "docx", pages, warnings: [], meta: {} };
}

/**
 * mammoth, loaded on first use (a text-only run never needs it) and kept: a dynamic import()
 * resolves its specifier again on every call, which under a loader hook (tsx) is a round trip to
 * the hook thread per document.
 */
const importMammoth = () => import("mammoth");
let mammothModule: ReturnType<typeof importMammoth> | undefined;
async function loadMammoth() {
  mammothModule ??= importMammoth();
  return (await mammothModule).default;
}

/** Inflates every part mammoth may read; images and embedded objects are left empty (never read). */
function unpack(bytes: Uint8Array, file: string): Map<string, Uint8Array> {
  const entries: ZipEntry[] = listZip(bytes, file);
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const skip = /^word\/(media|embeddings)\//i.test(e.name) || /\.(png|jpe?g|gif|emf|wmf|tiff?|bmp|bin)$/i.test(e.name);
    parts.set(e.name, skip ? new Uint8Array(0) : readZipEntry(bytes, e, file));
  }
  return parts;
}

function findMainDocument(parts: Map<string, Uint8Array>, file: string): string {
  const fromRels = relationshipTargets(parts, "", "_rels/.rels", "officeDocument").find((p) => parts.has(p));
  const main = fromRels ?? "word/document.xml";
  if (!parts.has(main)) {
    throw new IngestError("corrupt", `${file}: a zip without word/document.xml is not a Word document`, file);
  }
  return main;
}

function relatedPart(parts: Map<string, Uint8Array>, mainPath: string, type: string): string | undefined {
  const dir = mainPath.includes("/") ? mainPath.slice(0, mainPath.lastIndexOf("/") + 1) : "";
  const relsPath = `${dir}_rels/${mainPath.slice(dir.length)}.rels`;
  return relationshipTargets(parts, dir, relsPath, type).find((p) => parts.has(p));
}

function relationshipTargets(parts: Map<string, Uint8Array>, baseDir: string, relsPath: string, type: string): string[] {
  const data = parts.get(relsPath);
  if (!data) return [];
  let root: XmlElement;
  try {
    root = parseXml(xmlText(data));
  } catch {
    return []; // mammoth falls back to the default part names too
  }
  const rels = root.children.find((c) => c.name.endsWith("Relationships"));
  return (rels?.children ?? [])
    .filter((r) => r.attrs["Type"] === REL + type && r.attrs["TargetMode"] !== "External")
    .map((r) => resolvePath(baseDir, r.attrs["Target"] ?? ""));
}

function resolvePath(baseDir: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : baseDir + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

function optionalXml(parts: Map<string, Uint8Array>, path: string, file: string): XmlElement | undefined {
  const data = parts.get(path);
  if (!data) return undefined;
  try {
    return parseXml(xmlText(data));
  } catch (err) {
    throw new IngestError("corrupt", `${file}: damaged Word document (${path}: ${errorText(err)})`, file, { cause: err });
  }
}

/** Package parts are UTF-8 unless they start with a UTF-16 byte order mark. */
function xmlText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
  return new TextDecoder("utf-8").decode(data);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
