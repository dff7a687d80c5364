/**
 * Follow-up blocks ("Opfølgning: Revideret budget udarbejdes. Ansvarlig: Jakob Mose. Frist:
 * 1. marts 2024."): a template's own action list. The task is the text after the label, the
 * owners are the "Ansvarlig" field read like any subject, the deadline is the "Frist" field.
 */
import type { ActionContext } from "./actions.ts";
import { findDeadline } from "./deadlines.ts";
import type { XLine } from "./lines.ts";
import { readOwners } from "./owners.ts";
import type { Action } from "./schema.ts";
import { squash } from "./text.ts";

const FIELD = /\b(ansvarlige?|ansvar|frist|tidsfrist|deadline)\s*:\s*/gi;
// "Opfølgning: Ingen.", "Ingen opfølgning", "-": nothing to do.
const NOTHING = /^(?:ingen|intet|ikke\s+relevant|-+|–)\b/i;
const tidy = (s: string) => squash(s).replace(/[\s.;:,]+$/, "").trim();

export function followupActions(blocks: { text: string; at: XLine }[], ctx: ActionContext): Action[] {
  const out: Action[] = [];
  for (const block of blocks) {
    const body = block.text.replace(/^[^:]*:\s*/, "");
    // Cut at the field labels: [task, label, value, label, value …].
    const pieces = body.split(FIELD);
    const task = tidy(pieces[0] ?? "");
    if (!task || NOTHING.test(task)) continue;
    let owners: string[] = [];
    let due: string | null = null;
    for (let k = 1; k + 1 < pieces.length; k += 2) {
      const value = tidy(pieces[k + 1]!);
      if (/^ansvar/i.test(pieces[k]!)) owners = readOwners(value, ctx.participants) ?? (value ? [value.toLowerCase()] : []);
      else due = value || null;
    }
    const found = due ? findDeadline(due, ctx) : { deadline: null, deadlineText: null };
    out.push({
      text: task,
      owners,
      deadline: found.deadline,
      // The field's whole value is the deadline's wording ("Inden næste møde", "Uge 8").
      deadlineText: due,
      at: { page: block.at.page, line: block.at.line },
    });
  }
  return out;
}
