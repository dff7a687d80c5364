/**
 * Blocks → a text file, in three styles the seeds show:
 *   paged     what pdftotext gives: lines wrapped at a fixed width with line-end hyphenation,
 *             a running header from page 2, a "Side N af M" footer, pages separated by \f;
 *   plain     one paragraph per line, blank lines between blocks (Word's "save as text");
 *   markdown  #-headings, "- " bullets, "**label**" (seed 004).
 */
import { fillPageFields, headingText, wrapWith, type Block } from "./render.ts";
import type { TxtStyle } from "./templates.ts";

const WIDTH = 92;
const PAGE_LINES = 56;

function lineBlocks(blocks: Block[], style: TxtStyle): { lines: string[]; gapBefore: boolean; hyphenate: boolean; indent: string; pageBreak?: boolean }[] {
  const out: { lines: string[]; gapBefore: boolean; hyphenate: boolean; indent: string; pageBreak?: boolean }[] = [];
  for (const b of blocks) {
    const gap = !b.tight;
    switch (b.kind) {
      case "pagebreak":
        out.push({ lines: [], gapBefore: false, hyphenate: false, indent: "", pageBreak: true });
        break;
      case "title":
        out.push({ lines: [style === "markdown" ? `# ${b.text}` : b.text], gapBefore: gap, hyphenate: false, indent: "" });
        break;
      case "h1":
      case "h2":
        out.push({ lines: [style === "markdown" ? `${b.kind === "h1" ? "##" : "###"} ${headingText(b)}` : headingText(b)], gapBefore: true, hyphenate: false, indent: "" });
        break;
      case "label":
        out.push({ lines: [style === "markdown" ? `**${headingText(b)}**` : headingText(b)], gapBefore: gap, hyphenate: false, indent: "" });
        break;
      case "para":
        out.push({ lines: [b.text], gapBefore: gap, hyphenate: true, indent: "" });
        break;
      case "bullet":
        out.push({ lines: [`${style === "markdown" ? "-" : (b.marker ?? "•")} ${b.text}`], gapBefore: gap, hyphenate: true, indent: "  " });
        break;
      case "num":
        out.push({ lines: [b.text], gapBefore: gap, hyphenate: true, indent: "   " });
        break;
      case "toc":
        out.push({ lines: [`${b.text} ${b.page}`], gapBefore: gap, hyphenate: false, indent: "" });
        break;
      case "table": {
        const w = Math.max(...b.rows.map((r) => (r[0] ?? "").length)) + 2;
        out.push({ lines: b.rows.map((r) => (r.length === 2 ? `${(r[0] ?? "").padEnd(w)}${r[1] ?? ""}` : r.join("  |  ")).trimEnd()), gapBefore: gap, hyphenate: false, indent: "" });
        break;
      }
    }
  }
  return out;
}

/** The text document; `pages` is the number of \f-separated pages (1 for unpaged styles). */
export function renderText(blocks: Block[], style: TxtStyle, header: string, footer: string): { text: string; pages: number } {
  const parts = lineBlocks(blocks, style);
  if (style !== "paged") {
    const lines: string[] = [];
    for (const p of parts) {
      if (p.pageBreak) continue;
      if (p.gapBefore && lines.length > 0) lines.push("");
      // markdown: a hard line break between tight lines, as seed 004 writes them
      for (const l of p.lines) lines.push(style === "markdown" && !p.gapBefore && !l.startsWith("-") && !l.startsWith("#") ? `${l}  ` : l);
    }
    return { text: `${lines.join("\n")}\n`, pages: 1 };
  }
  // paged: wrap, then cut into pages
  const pages: string[][] = [[]];
  const body = PAGE_LINES - 4;
  const push = (line: string) => {
    let page = pages[pages.length - 1]!;
    if (page.length >= body) {
      page = [];
      pages.push(page);
    }
    if (page.length === 0 && line === "") return;
    page.push(line);
  };
  for (const p of parts) {
    if (p.pageBreak) {
      if (pages[pages.length - 1]!.length > 0) pages.push([]);
      continue;
    }
    if (p.gapBefore) push("");
    for (const l of p.lines) {
      const wrapped = wrapWith((s) => s.length <= WIDTH - p.indent.length, l, p.hyphenate);
      wrapped.forEach((w, i) => push(i === 0 ? w : `${p.indent}${w}`));
    }
  }
  const n = pages.length;
  const text = pages
    .map((lines, i) => {
      const head = header && i > 0 ? [fillPageFields(header, i + 1, n), ""] : [];
      const foot = footer ? ["", fillPageFields(footer, i + 1, n).padStart(WIDTH)] : [];
      return [...head, ...lines, ...foot].join("\n");
    })
    .join("\n\f");
  return { text: `${text}\n`, pages: n };
}
