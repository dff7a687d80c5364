/**
 * From the chosen chain of item headings to items: each item's heading (with a title that
 * wraps onto the next line), its presenter ("… ved NAME"), its body lines and its span.
 * The last item ends where the sign-off or the attachment pages begin.
 */
import type { XLine } from "./lines.ts";
import { bestChain, headingCandidates, itemNumber } from "./items.ts";
import { classifyLabel, isTrailer } from "./labels.ts";
import { resolveOwner } from "./names.ts";
import type { Participant, Span } from "./schema.ts";

export interface Segment {
  number: string;
  title: string;
  presenter: string | null;
  body: XLine[];
  span: Span;
}

const PRESENTER = /\s+(?:ved|v\/)\s*((?:[\p{Lu}][\p{L}'’-]+\.?\s*){1,5})$/u;

export function segmentItems(lines: XLine[], consumed: Set<number>, participants: Participant[]): Segment[] {
  const sizes = lines.map((l) => l.fontSize).filter((s): s is number => s !== null).sort((a, b) => a - b);
  const bodyFont = sizes.length ? sizes[Math.floor(sizes.length / 2)]! : null;
  const chain = bestChain(headingCandidates(lines, consumed, bodyFont));
  const out: Segment[] = [];
  for (let c = 0; c < chain.length; c++) {
    const head = chain[c]!;
    let end = c + 1 < chain.length ? chain[c + 1]!.k : lines.length;
    if (c + 1 === chain.length) {
      for (let k = head.k + 1; k < end; k++) {
        if (!consumed.has(k) && isTrailer(lines[k]!)) {
          end = k;
          break;
        }
      }
    }
    let title = head.title;
    let k = head.k + 1;
    // A heading that wraps: the next line continues it when it starts in lower case, or when it
    // has the heading's own style, or finishes a presenter's name ("ved Lisbeth" ⏎ "Kjær Lagoni").
    for (let n = 0; n < 2 && k < end; n++) {
      while (k < end && consumed.has(k)) k++;
      if (k >= end) break;
      const next = lines[k]!;
      if (!continuesHeading(lines[head.k]!, title, next)) break;
      title = `${title} ${next.text}`;
      k++;
    }
    title = title.replace(/\s+/g, " ").replace(/[\s:]+$/, "").trim();
    let presenter: string | null = null;
    const pm = PRESENTER.exec(title);
    if (pm) {
      const name = pm[1]!.trim();
      presenter = resolveOwner(name, participants) ?? name;
      title = title.slice(0, pm.index).trim();
    }
    const body: XLine[] = [];
    for (let j = k; j < end; j++) if (!consumed.has(j)) body.push(lines[j]!);
    const last = body.at(-1) ?? lines[head.k]!;
    const first = lines[head.k]!;
    out.push({
      number: itemNumber(head),
      title,
      presenter,
      body,
      span: { page: first.page, startLine: first.line, endLine: last.line, endPage: last.page },
    });
  }
  return out;
}

function continuesHeading(head: XLine, title: string, next: XLine): boolean {
  if (next.marker || classifyLabel(next)) return false;
  if (/[.!?:]$/.test(title)) return false;
  if (/^\p{Ll}/u.test(next.text) && next.text.length < 120) return true;
  const sameStyle =
    (head.heading !== null && next.heading === head.heading) ||
    (head.bold && next.bold) ||
    (head.fontSize !== null && next.fontSize !== null && head.fontSize === next.fontSize && head.heading !== null);
  if (sameStyle && next.text.length < 120) return true;
  if (/\s(?:ved|v\/)(?:\s+[\p{Lu}][\p{L}-]+){0,3}$/u.test(title) && /^(?:[\p{Lu}][\p{L}-]+\s*){1,3}$/u.test(next.text)) return true;
  return false;
}
