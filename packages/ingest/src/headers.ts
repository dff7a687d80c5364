/**
 * Running headers, footers and page numbers: layout debris that would otherwise land in the middle
 * of a sentence at every page break.
 *
 * Two rules:
 *  1. Page-number lines ("Side 2 af 4", "Page 2 of 4", "2/4", "- 2 -") go wherever they stand; a
 *     bare number goes only at the top or bottom edge of a page.
 *  2. Running lines: a line at the top or bottom edge that recurs on most pages. Lines are compared
 *     with digits masked, and then must either be identical or carry a page counter (a number that
 *     moves in step with the page), so that "3. Økonomi" opening page 3 and "4. Status" opening
 *     page 4 are never taken for a header. Edges are peeled from the outside in: a line counts only
 *     if every line between it and the edge was debris too. Where the reader knows positions (PDF),
 *     the recurring line must also sit at the same height on each page.
 * Text extracted from a PDF without page breaks has one page; its page-number lines mark where the
 * pages were, and rule 2 runs on those virtual pages.
 */

export interface EdgeLine {
  text: string;
  /** Top of the line in points (PDF); undefined for formats without positions. */
  y?: number;
}

export interface EdgePage<L extends EdgeLine> {
  page: number;
  lines: L[];
  height?: number;
}

/** How far into a page (in lines) a running header or footer can reach. */
const EDGE_DEPTH = 3;
/** Running lines are short; long ones are body text even if repeated. */
const MAX_RUNNING_CHARS = 160;
/** Positions of one running line may differ by this many points between pages. */
const Y_TOLERANCE = 4;
/** A bare page number must sit in this outer fraction of the page height (when positions are known). */
const EDGE_ZONE = 0.15;

const PAGE_WORD = String.raw`(?:side|sida|seite|page|pag\.?|p\.|s\.)`;
const OF_WORD = String.raw`(?:af|of|av|von|ud af|\/)`;
const PAGE_OF = new RegExp(String.raw`^${PAGE_WORD}\s*(\d{1,4})(?:\s*${OF_WORD}\s*(\d{1,4}))?\s*\.?$`, "i");
const N_OF_M = new RegExp(String.raw`^(\d{1,4})\s*${OF_WORD}\s*(\d{1,4})$`, "i");
const DASHED = /^[-–—]\s*(\d{1,4})\s*[-–—]$/;
/** A number printed as a page number inside a longer line. */
const PAGE_FORM = new RegExp(String.raw`\b${PAGE_WORD}\s*\d|\d\s*(?:\/|\b(?:af|of)\b)\s*\d`, "i");
const BARE = /^[([]?(\d{1,3})[)\].]?$/;

/** "Side 2 af 4", "Page 2", "2/4", "2 af 4", "- 2 -": a line that is nothing but a page number. */
export function isPageNumberLine(text: string): boolean {
  const t = text.trim();
  // Each form opens with a page word (s…, p…), a digit or a dash: any other line is let go here.
  const c = t.charCodeAt(0);
  if (!((c >= 0x30 && c <= 0x39) || c === 0x73 || c === 0x53 || c === 0x70 || c === 0x50 || c === 0x2d || c === 0x2013 || c === 0x2014)) return false;
  let m = PAGE_OF.exec(t);
  if (m) return m[2] === undefined || +m[1]! <= +m[2];
  m = N_OF_M.exec(t);
  // "24/5" is a date: a page count is never smaller than the page number.
  if (m) return +m[1]! >= 1 && +m[1]! <= +m[2]!;
  return DASHED.test(t);
}

/** A number alone on a line ("3", "(3)", "3."): a page number only at a page's edge. */
export function isBareNumberLine(text: string): boolean {
  const m = BARE.exec(text.trim());
  return m !== null && +m[1]! >= 1;
}

/** Digits masked, case and spacing folded: "Side 2 af 4" and "side 3 af 4" look alike. */
function signature(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

/**
 * Returns the pages without header/footer lines, and how many lines were removed.
 * Pages keep their order and their remaining lines keep theirs.
 */
export function removeHeadersFooters<L extends EdgeLine>(pages: EdgePage<L>[]): { pages: EdgePage<L>[]; removed: number } {
  const drop = new Set<L>();

  // Rule 1a: page-number lines anywhere.
  for (const p of pages) for (const l of p.lines) if (isPageNumberLine(l.text)) drop.add(l);

  // Rule 1b: bare numbers at the edges of a page (only when the source has pages: a one-page text
  // file has no page edges other than its start and end).
  if (pages.length > 1) {
    for (const p of pages) {
      for (const l of edgeLines(p.lines, drop)) {
        if (isBareNumberLine(l.text) && inEdgeZone(l, p.height)) drop.add(l);
      }
    }
  }

  // Rule 2: running lines, on real pages or, for a single page, on pages split at page numbers.
  const units = pages.length > 1 ? pages.map((p) => ({ page: p.page, lines: p.lines })) : virtualPages(pages[0], drop);
  if (units.length > 1) peelRunningLines(units, drop);

  let removed = 0;
  const out = pages.map((p) => {
    const lines = p.lines.filter((l) => !drop.has(l));
    removed += p.lines.length - lines.length;
    return { ...p, lines };
  });
  return { pages: out, removed };
}

function inEdgeZone(l: EdgeLine, height: number | undefined): boolean {
  if (l.y === undefined || !height) return true;
  return l.y < height * EDGE_ZONE || l.y > height * (1 - EDGE_ZONE);
}

/** The first and last line of a page that are not yet marked as debris. */
function edgeLines<L>(lines: L[], drop: Set<L>): L[] {
  const kept = lines.filter((l) => !drop.has(l));
  return kept.length <= 1 ? kept : [kept[0]!, kept.at(-1)!];
}

/** A one-page source cut at its page-number lines (text extracted from a PDF without form feeds). */
function virtualPages<L extends EdgeLine>(page: EdgePage<L> | undefined, drop: Set<L>): { page: number; lines: L[] }[] {
  if (!page) return [];
  const units: { page: number; lines: L[] }[] = [{ page: 1, lines: [] }];
  for (const l of page.lines) {
    if (drop.has(l) && isPageNumberLine(l.text)) {
      // "Side 2 af 4" may end page 2 or start it; the page-counter check only needs units numbered
      // in order, not their true numbers.
      units.push({ page: units.length + 1, lines: [] });
      continue;
    }
    units.at(-1)!.lines.push(l);
  }
  return units;
}

function peelRunningLines<L extends EdgeLine>(units: { page: number; lines: L[] }[], drop: Set<L>): void {
  const need = Math.max(2, Math.ceil(units.length / 2));
  for (const fromTop of [true, false]) {
    // Per page, the lines not yet dropped, ordered from this edge inwards.
    const edges = units.map((u) => {
      const kept = u.lines.filter((l) => !drop.has(l));
      return { page: u.page, lines: fromTop ? kept : kept.reverse() };
    });
    const pos = edges.map(() => 0);
    for (let depth = 0; depth < EDGE_DEPTH; depth++) {
      // Candidates: the next line in from the edge on each page, grouped by signature.
      const groups = new Map<string, { unit: number; line: L }[]>();
      edges.forEach((e, i) => {
        const line = e.lines[pos[i]!];
        if (!line || line.text.length > MAX_RUNNING_CHARS) return;
        const sig = signature(line.text);
        const list = groups.get(sig);
        if (list) list.push({ unit: i, line });
        else groups.set(sig, [{ unit: i, line }]);
      });
      let peeled = false;
      for (const occ of groups.values()) {
        const { running, evidence } = runningSubset(occ, edges);
        // Without positions, identical text opening two pages may be chance: ask for three.
        if (running.length < (evidence === "same-text" ? Math.max(3, need) : need)) continue;
        for (const o of running) {
          drop.add(o.line);
          pos[o.unit]!++;
        }
        peeled = true;
      }
      if (!peeled) break;
    }
  }
}

/**
 * The occurrences that form one running line: at one height (when known), and either the same
 * text everywhere or with a number that counts pages. `evidence` says what supports it: a page
 * counter or a shared height are strong; identical text alone is weaker.
 */
function runningSubset<L extends EdgeLine>(
  occ: { unit: number; line: L }[],
  edges: { page: number }[],
): { running: { unit: number; line: L }[]; evidence: "counter" | "position" | "same-text" } {
  // "… Side 2 af 4" counting pages is a footer at any height: where text flows without a fixed
  // page frame (a flattened text layer), the footer follows the last line of text.
  if (occ.length > 1 && occ.every((o) => PAGE_FORM.test(o.line.text)) && countsPages(occ, edges)) {
    return { running: occ, evidence: "counter" };
  }
  let set = occ;
  const ys = set.map((o) => o.line.y).filter((y): y is number => y !== undefined);
  const positioned = ys.length === set.length && ys.length > 0;
  if (positioned) {
    const sorted = [...ys].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    set = set.filter((o) => Math.abs(o.line.y! - median) <= Y_TOLERANCE);
  }
  const weak = positioned ? ("position" as const) : ("same-text" as const);
  if (set.length === 0) return { running: set, evidence: weak };
  const texts = new Map<string, number>();
  for (const o of set) texts.set(o.line.text, (texts.get(o.line.text) ?? 0) + 1);
  if (texts.size === 1) return { running: set, evidence: weak };
  // Numbers differ: keep the occurrences where one number position runs in step with the page.
  if (countsPages(set, edges)) return { running: set, evidence: "counter" };
  // No page counter: only the occurrences of the most common exact text can be a running line.
  const [top] = [...texts].sort((a, b) => b[1] - a[1])[0]!;
  return { running: set.filter((o) => o.line.text === top), evidence: weak };
}

/**
 * Whether one number position runs in step with the page. The counter is the page number itself,
 * or is printed as one ("Side 2", "2/5", "2 af 5") when it is offset (an unnumbered cover page):
 * "Bilag 3" opening page 4, "Bilag 4" page 5 is no header.
 */
function countsPages<L extends EdgeLine>(set: { unit: number; line: L }[], edges: { page: number }[]): boolean {
  const nums = set.map((o) => (o.line.text.match(/\d+/g) ?? []).map(Number));
  const width = nums[0]!.length;
  if (!nums.every((n) => n.length === width)) return false;
  const pageForm = set.every((o) => PAGE_FORM.test(o.line.text));
  for (let k = 0; k < width; k++) {
    const offsets = set.map((o, i) => nums[i]![k]! - edges[o.unit]!.page);
    if (offsets.every((d) => d === offsets[0]) && (offsets[0] === 0 || pageForm)) return true;
  }
  return false;
}
