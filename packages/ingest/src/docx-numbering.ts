/**
 * Word's automatic numbering, rebuilt. mammoth reports only "ordered list, level n" and
 * drops the printed numbers, yet minutes depend on them ("7. Eventuelt", "Punkt 4 b)").
 * This module reads word/numbering.xml and word/styles.xml and counts the way Word does
 * (ECMA-376 §17.9):
 *
 * - counters belong to the abstract numbering definition, so every w:num that points at the
 *   same w:abstractNum continues one sequence — that is how Word continues a list after an
 *   interruption, even when the author's paragraphs carry different numIds;
 * - a w:num with a w:startOverride restarts that level the first time the num is used there;
 * - numbering a level restarts the deeper levels (unless w:lvlRestart says otherwise);
 * - w:lvlText "%1.%2)" prints the counters of levels 1 and 2 in their own number formats.
 */
import { child, children, int, onOff, val, type XmlElement } from "./xml.ts";

export interface LevelDef {
  /** w:start; the standard's default is 0, not 1. */
  start: number;
  numFmt: string;
  /** undefined: the level prints nothing. */
  lvlText: string | undefined;
  /** 1-based level after which this level restarts; 0 = never. undefined = after any shallower level. */
  lvlRestart: number | undefined;
  /** "Legal" numbering: every %n of this level prints as a decimal. */
  isLgl: boolean;
  /** A paragraph style linked to this level (Heading 1 ↔ level 0 in outline numbering). */
  pStyle: string | undefined;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  /** This definition only points at a numbering style that holds the real one. */
  numStyleLink: string | undefined;
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, { start: number | undefined; lvl: LevelDef | undefined }>;
}

export interface StyleDef {
  id: string;
  name: string | undefined;
  type: string;
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  outlineLvl: number | undefined;
  pageBreakBefore: boolean | undefined;
}

export interface Styles {
  byId: Map<string, StyleDef>;
  defaultParagraph: string | undefined;
}

export interface Numbering {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumInstance>;
}

export function parseStyles(root: XmlElement | undefined): Styles {
  const byId = new Map<string, StyleDef>();
  let defaultParagraph: string | undefined;
  const stylesEl = child(root, "w:styles");
  for (const s of children(stylesEl, "w:style")) {
    const id = s.attrs["w:styleId"];
    if (!id) continue;
    const type = s.attrs["w:type"] ?? "paragraph";
    const pPr = child(s, "w:pPr");
    const numPr = child(pPr, "w:numPr");
    byId.set(id, {
      id,
      type,
      name: val(s, "w:name"),
      basedOn: val(s, "w:basedOn"),
      numId: val(numPr, "w:numId"),
      ilvl: int(val(numPr, "w:ilvl")),
      outlineLvl: int(val(pPr, "w:outlineLvl")),
      pageBreakBefore: onOff(pPr, "w:pageBreakBefore"),
    });
    const isDefault = s.attrs["w:default"];
    if (type === "paragraph" && (isDefault === "1" || isDefault === "true" || isDefault === "on")) defaultParagraph = id;
  }
  return { byId, defaultParagraph };
}

/** Follows w:basedOn until a style defines the property (with a guard against cycles). */
export function inherited<K extends keyof StyleDef>(styles: Styles, styleId: string | undefined, key: K): StyleDef[K] | undefined {
  const seen = new Set<string>();
  for (let id = styleId; id && !seen.has(id); ) {
    seen.add(id);
    const s = styles.byId.get(id);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    id = s.basedOn;
  }
  return undefined;
}

function parseLevel(lvl: XmlElement): LevelDef {
  return {
    start: int(val(lvl, "w:start")) ?? 0,
    numFmt: val(lvl, "w:numFmt") ?? "decimal",
    lvlText: val(lvl, "w:lvlText"),
    lvlRestart: int(val(lvl, "w:lvlRestart")),
    isLgl: onOff(lvl, "w:isLgl") ?? false,
    pStyle: val(child(lvl, "w:pPr"), "w:pStyle") ?? val(lvl, "w:pStyle"),
  };
}

export function parseNumbering(root: XmlElement | undefined): Numbering {
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, NumInstance>();
  const numberingEl = child(root, "w:numbering");
  for (const a of children(numberingEl, "w:abstractNum")) {
    const id = a.attrs["w:abstractNumId"];
    if (id === undefined) continue;
    const levels = new Map<number, LevelDef>();
    for (const lvl of children(a, "w:lvl")) levels.set(int(lvl.attrs["w:ilvl"]) ?? 0, parseLevel(lvl));
    abstracts.set(id, { levels, numStyleLink: val(a, "w:numStyleLink") });
  }
  for (const n of children(numberingEl, "w:num")) {
    const id = n.attrs["w:numId"];
    const abstractId = val(n, "w:abstractNumId");
    if (id === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, { start: number | undefined; lvl: LevelDef | undefined }>();
    for (const o of children(n, "w:lvlOverride")) {
      const lvl = child(o, "w:lvl");
      overrides.set(int(o.attrs["w:ilvl"]) ?? 0, {
        start: int(val(o, "w:startOverride")),
        lvl: lvl ? parseLevel(lvl) : undefined,
      });
    }
    nums.set(id, { abstractId, overrides });
  }
  return { abstracts, nums };
}

export interface ListLabel {
  /** As Word prints it: "1.", "a)", "2.1"; "•" for any bullet. */
  marker: string;
  ordered: boolean;
  level: number;
}

interface CounterState {
  values: (number | undefined)[];
}

/** Counts numbered paragraphs in document order. One instance per document. */
export class ListCounter {
  private readonly counters = new Map<string, CounterState>();
  /** "numId:ilvl" pairs whose startOverride has been applied. */
  private readonly overridden = new Set<string>();

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Styles,
  ) {}

  /**
   * The numbering of one paragraph from its direct w:numPr (if any) and its style.
   * Returns null when the paragraph is not numbered; call once per paragraph, in order.
   */
  next(styleId: string | undefined, direct: { numId: string | undefined; ilvl: number | undefined }): ListLabel | null {
    const numId = direct.numId ?? inherited(this.styles, styleId, "numId");
    // numId 0 is Word's "no numbering", used to switch off a style's list on one paragraph.
    if (numId === undefined || numId === "0") return null;
    const resolved = this.resolve(numId);
    if (!resolved) return null;
    const { abstractId, abstract, num } = resolved;
    let ilvl = direct.ilvl ?? inherited(this.styles, styleId, "ilvl");
    if (ilvl === undefined && styleId) {
      for (const [i, l] of abstract.levels) if (l.pStyle === styleId) ilvl = i;
    }
    ilvl = Math.max(0, Math.min(8, ilvl ?? 0));
    const level = (i: number): LevelDef | undefined => num.overrides.get(i)?.lvl ?? abstract.levels.get(i);
    const def = level(ilvl);
    if (!def) return null;
    const startOf = (i: number): number => num.overrides.get(i)?.start ?? level(i)?.start ?? 0;

    let state = this.counters.get(abstractId);
    if (!state) this.counters.set(abstractId, (state = { values: [] }));
    const key = `${numId}:${ilvl}`;
    const override = num.overrides.get(ilvl);
    if (override?.start !== undefined && !this.overridden.has(key)) {
      this.overridden.add(key);
      state.values[ilvl] = override.start;
    } else if (state.values[ilvl] === undefined) {
      state.values[ilvl] = startOf(ilvl);
    } else {
      state.values[ilvl]! += 1;
    }
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = level(deeper)?.lvlRestart;
      // lvlRestart n (1-based): restart only when a level shallower than n is used; 0: never.
      if (restart === undefined || (restart !== 0 && ilvl < restart)) state.values[deeper] = undefined;
    }

    if (def.numFmt === "bullet") return { marker: "•", ordered: false, level: ilvl };
    if (def.lvlText === undefined || def.numFmt === "none") return null;
    const values = state.values;
    const marker = def.lvlText
      .replace(/%([1-9])/g, (_, d: string) => {
        const i = Number(d) - 1;
        const l = level(i);
        const n = values[i] ?? startOf(i);
        return formatNumber(n, def.isLgl ? "decimal" : (l?.numFmt ?? "decimal"));
      })
      .trim();
    return marker === "" ? null : { marker, ordered: true, level: ilvl };
  }

  private resolve(numId: string): { abstractId: string; abstract: AbstractNum; num: NumInstance } | null {
    const num = this.numbering.nums.get(numId);
    if (!num) return null;
    // numStyleLink: the abstract definition is a stub that points, via a numbering style,
    // at another num whose abstract holds the levels (and the shared counters).
    let abstractId = num.abstractId;
    const seen = new Set<string>();
    for (;;) {
      const abstract = this.numbering.abstracts.get(abstractId);
      if (!abstract) return null;
      if (!abstract.numStyleLink || seen.has(abstractId)) return { abstractId, abstract, num };
      seen.add(abstractId);
      const linkedNum = this.styles.byId.get(abstract.numStyleLink)?.numId;
      const target = linkedNum === undefined ? undefined : this.numbering.nums.get(linkedNum);
      if (!target) return { abstractId, abstract, num };
      abstractId = target.abstractId;
    }
  }
}

/** One counter value in a w:numFmt. Formats without a Danish printed form fall back to decimal. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "none":
      return "";
    case "decimalZero":
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "decimalEnclosedParen":
      return `(${n})`;
    case "decimalEnclosedFullstop":
      return `${n}.`;
    case "decimalEnclosedCircle":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
    case "ordinal":
      // Danish ordinals are written "1."; Word's Danish UI prints them that way.
      return `${n}.`;
    default:
      return String(n);
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Word's letter numbering repeats the letter past Z: 27 → AA, 28 → BB (not spreadsheet AB). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}
