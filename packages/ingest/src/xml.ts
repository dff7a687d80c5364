/**
 * A small, forgiving XML reader for the OOXML parts mammoth does not tell us enough about
 * (numbering, styles, the numbering properties of each paragraph). It builds a plain element
 * tree with source offsets, so a caller can also insert markup at a known element.
 *
 * Namespace prefixes are normalised by URI: WordprocessingML is always "w:", markup
 * compatibility "mc:", whatever prefix the producer chose (most write "w:", some write "ns0:"
 * or use a default namespace). Everything else keeps its prefix as written.
 */

export interface XmlElement {
  /** Qualified name with the normalised prefix, e.g. "w:p". */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just past ">" of the start tag. */
  openEnd: number;
  /** Offset just past the end tag (or of the start tag when self-closing). */
  end: number;
}

const KNOWN_NAMESPACES: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  // ISO 29500 Strict documents use another URI for the same vocabulary.
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/package/2006/relationships": "pr",
};

// One token: a comment, CDATA, processing instruction, doctype, end tag or start tag.
// Attribute values may contain ">" (legal XML), so the start tag pattern reads quoted values whole.
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a whole part. Throws a plain Error on markup it cannot make sense of (the caller types it). */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: "#root", attrs: {}, children: [], start: 0, openEnd: 0, end: text.length };
  const stack: { el: XmlElement; ns: Map<string, string>; raw: string }[] = [{ el: root, ns: new Map(), raw: "" }];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const [whole, closeName, openName, rawAttrs = "", selfClose] = m;
    if (closeName !== undefined) {
      const top = stack[stack.length - 1]!;
      if (stack.length === 1 || top.raw !== closeName) throw new Error(`unexpected end tag </${closeName}> at offset ${m.index}`);
      top.el.end = m.index + whole.length;
      stack.pop();
      continue;
    }
    if (openName === undefined) continue; // comment, PI, CDATA, doctype: nothing we read
    const parent = stack[stack.length - 1]!;
    const rawPairs: [string, string][] = [];
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(rawAttrs); a; a = ATTR.exec(rawAttrs)) rawPairs.push([a[1]!, decodeEntities(a[2] ?? a[3] ?? "")]);
    // Namespace declarations on this element apply to it and its descendants.
    let ns = parent.ns;
    for (const [k, v] of rawPairs) {
      if (k === "xmlns" || k.startsWith("xmlns:")) {
        if (ns === parent.ns) ns = new Map(parent.ns);
        ns.set(k === "xmlns" ? "" : k.slice(6), v);
      }
    }
    const attrs: Record<string, string> = {};
    for (const [k, v] of rawPairs) {
      if (k === "xmlns" || k.startsWith("xmlns:")) continue;
      // Unprefixed attributes have no namespace in XML; keep them as written.
      attrs[k.includes(":") ? qualify(k, ns, false) : k] = v;
    }
    const el: XmlElement = {
      name: qualify(openName, ns, true),
      attrs,
      children: [],
      start: m.index,
      openEnd: m.index + whole.length,
      end: m.index + whole.length,
    };
    parent.el.children.push(el);
    if (!selfClose) stack.push({ el, ns, raw: openName });
  }
  if (stack.length > 1) throw new Error(`unclosed element <${stack[stack.length - 1]!.el.name}>`);
  return root;
}

function qualify(name: string, ns: Map<string, string>, useDefault: boolean): string {
  const colon = name.indexOf(":");
  const prefix = colon < 0 ? (useDefault ? "" : null) : name.slice(0, colon);
  const local = colon < 0 ? name : name.slice(colon + 1);
  if (prefix === null) return name;
  const uri = ns.get(prefix);
  const known = uri === undefined ? undefined : KNOWN_NAMESPACES[uri];
  if (known) return `${known}:${local}`;
  return name;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The w:val of a child element, e.g. val(pPr, "w:pStyle"). */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs["w:val"];
}

/** OOXML on/off property: present without w:val means on; "0", "false", "off" mean off. */
export function onOff(el: XmlElement | undefined, name: string): boolean | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  const v = c.attrs["w:val"];
  return !(v === "0" || v === "false" || v === "off");
}

export function int(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = parseInt(s, 10);
  return Number.isFinite(n) ? n : undefined;
}
