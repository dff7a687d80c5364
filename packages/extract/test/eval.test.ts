/**
 * minutes-eval v1: the scorer against hand-computed figures (packages/extract/src/eval).
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  diffDocument,
  FIGURES,
  hungarian,
  matchOneToOne,
  normalizeItemNumber,
  renderDiff,
  renderReport,
  runEval,
  scoreDocument,
  scoreUnreadable,
  sim,
  total,
  type DocScore,
} from "../src/eval/index.ts";
import { GoldMinutesSchema, MinutesSchema, type Action, type GoldMinutes, type Item, type Minutes } from "../src/schema.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

async function loadGold(n: number): Promise<GoldMinutes> {
  return GoldMinutesSchema.parse(JSON.parse(await readFile(join(ROOT, `fixtures/gold/00${n}.json`), "utf8")));
}

// ─── hand-made minutes ──────────────────────────────────────────────────────────────────────

type ItemInput = Partial<Omit<Item, "actions">> & { number: string; title: string; actions?: Partial<Action>[] };

function item(x: ItemInput): Item {
  return {
    presenter: null,
    attachments: [],
    recommendations: [],
    decisionText: null,
    outcome: "none",
    decisions: [],
    span: { page: 1, startLine: 1, endLine: 1, endPage: 1 },
    ...x,
    actions: (x.actions ?? []).map((a) => ({ text: "x", owners: [], deadline: null, deadlineText: null, ...a })),
  };
}

function minutes(x: { meeting?: Partial<Minutes["meeting"]>; participants?: [string, Minutes["participants"][number]["status"]][]; items?: ItemInput[] }): Minutes {
  return MinutesSchema.parse({
    schema: "minutes-json/1",
    source: { file: "x.txt", sha256: "0".repeat(64), format: "txt", pages: 1 },
    meeting: {
      body: "Klyngestyregruppe Syd",
      cluster: "Syd",
      kind: "referat",
      number: "4",
      date: "2021-08-13",
      startTime: null,
      endTime: null,
      location: null,
      ...x.meeting,
    },
    participants: (x.participants ?? []).map(([name, status]) => ({ name, title: null, organization: null, status })),
    items: (x.items ?? []).map(item),
    warnings: [],
  });
}

/** 20 words; REWORDED keeps the first 13 and replaces the last 7: sim = 2·13/40 = 0.65. */
const REC = "At styregruppen godkender den foreslåede tidsplan for arbejdet med sundhedshuse og beder sekretariatet udarbejde et kort notat til næste møde";
const REWORDED = "At styregruppen godkender den foreslåede tidsplan for arbejdet med sundhedshuse og beder sekretariatet skrive en lille oversigt inden sommerferien begynder";

const GOLD = minutes({
  participants: [
    ["Anne Hansen", "present"],
    ["Bo Jensen", "absent"],
    ["Carl Olsen", "secretary"],
  ],
  items: [
    {
      number: "1",
      title: "Velkomst og godkendelse af dagsorden",
      recommendations: ["At dagsordenen godkendes"],
      decisionText: "Dagsordenen blev godkendt.",
      outcome: "approved",
      decisions: ["Dagsordenen blev godkendt."],
    },
    {
      number: "2",
      title: "Opsamling på seminar",
      recommendations: [REC, "At der nedsættes en arbejdsgruppe"],
      decisionText: "Det blev aftalt, at sekretariatet udarbejder et notat. Anne Hansen indkalder til møde senest den 1. september.",
      outcome: "decided",
      decisions: ["Det blev aftalt, at sekretariatet udarbejder et notat."],
      actions: [
        { text: "sekretariatet udarbejder et notat", owners: ["sekretariatet"] },
        { text: "Anne Hansen indkalder til møde", owners: ["Anne Hansen"], deadline: "2021-09-01" },
        { text: "regionen undersøger de tekniske muligheder", owners: ["regionen"] },
      ],
    },
    { number: "3", title: "Kompetenceudvikling", recommendations: ["At sagen drøftes"], outcome: "none" },
    { number: "4", title: "Evt." },
  ],
});

const PREDICTED = minutes({
  meeting: { number: null, date: "2021-08-14" }, // body, cluster, kind right: 3 of 5
  participants: [
    ["Anne Hansen", "present"],
    ["Bo Jensen", "present"], // status differs
    ["CARL OLSEN", "secretary"], // the same name after normalisation
  ],
  items: [
    {
      number: "1.", // "1." is "1"
      title: "Velkomst og godkendelse af dagsorden",
      recommendations: ["At dagsordenen godkendes"],
      decisionText: "Dagsordenen blev godkendt.",
      outcome: "approved",
      decisions: ["Dagsordenen blev godkendt."],
    },
    {
      number: "2",
      title: "Opsamling på seminar",
      recommendations: [REWORDED, "At der nedsættes en arbejdsgruppe"],
      decisionText: null, // gold has text: sim 0
      outcome: "discussed", // wrong
      decisions: [],
      actions: [
        { text: "sekretariatet udarbejder et notat", owners: ["Sekretariatet"] },
        { text: "Anne Hansen indkalder til møde", owners: ["Anne Hansen"], deadline: "2021-09-02" }, // wrong deadline
        { text: "regionen undersøger de tekniske muligheder", owners: ["kommunerne"] }, // wrong owner: no match
      ],
    },
    { number: "4", title: "Kompetenceudvikling", recommendations: ["At sagen drøftes"], outcome: "none" }, // renumbered
  ],
});

// ─── text ───────────────────────────────────────────────────────────────────────────────────

describe("sim (contract cases)", () => {
  it("joins a line-break hyphen", () => {
    expect(sim("tilbagemel-\ndingerne", "tilbagemeldingerne")).toBe(1);
    expect(sim("på tilbagemel-\n  dingerne fra mødet", "På tilbagemeldingerne fra mødet")).toBe(1);
  });
  it("ignores punctuation and case", () => {
    expect(sim("Det blev GODKENDT!", "det blev godkendt")).toBe(1);
    expect(sim("Dagsorden: godkendt.", "dagsorden godkendt")).toBe(1);
  });
  it("is the token F1 of the multisets", () => {
    expect(sim("a b c", "a b d")).toBeCloseTo(2 / 3, 10);
    expect(sim("a a b", "a b b")).toBeCloseTo(2 / 3, 10);
    expect(sim(REC, REWORDED)).toBeCloseTo(0.65, 10);
  });
  it("null vs null is 1, null vs text is 0", () => {
    expect(sim(null, null)).toBe(1);
    expect(sim(null, "tekst")).toBe(0);
  });
});

describe("normalizeItemNumber", () => {
  it("treats every separator alike", () => {
    for (const n of ["2.a", "2a", "2 a", "2a)", "2.a.", "02.A"]) expect(normalizeItemNumber(n)).toBe("2.a");
    expect(normalizeItemNumber("3.")).toBe("3");
    expect(normalizeItemNumber("3)")).toBe("3");
  });
  it("keeps digit runs apart", () => {
    expect(normalizeItemNumber("2.1")).toBe("2.1");
    expect(normalizeItemNumber("21")).toBe("21");
  });
});

// ─── matching ───────────────────────────────────────────────────────────────────────────────

describe("one-to-one matching", () => {
  it("finds the most pairs where greedy by sim would find fewer", () => {
    // G0–P0 0.9 is the best single pair, but G0–P1 + G1–P0 match both.
    const w: Record<string, number> = { "0,0": 0.9, "0,1": 0.75, "1,0": 0.75 };
    const pairs = matchOneToOne(2, 2, (g, p) => w[`${g},${p}`] ?? null);
    expect(pairs.map((x) => [x.a, x.b])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
  it("among equally many pairs, takes the highest total sim", () => {
    const w: Record<string, number> = { "0,0": 0.6, "0,1": 0.9, "1,0": 0.9, "1,1": 0.6 };
    const pairs = matchOneToOne(2, 2, (g, p) => w[`${g},${p}`] ?? null);
    expect(pairs.map((x) => [x.a, x.b])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
  it("matches a duplicate once", () => {
    const s = scoreDocument(
      minutes({ items: [{ number: "1", title: "A", recommendations: ["At X godkendes", "At X godkendes"] }] }),
      minutes({ items: [{ number: "1", title: "A", recommendations: ["At X godkendes"] }] }),
    );
    expect(s.counts.recommendations).toEqual({ tp: 1, fp: 1, fn: 0 });
  });
  it("hungarian solves a rectangular assignment", () => {
    expect(hungarian([
      [4, 1, 3],
      [2, 5, 6],
    ])).toEqual([1, 0]);
  });
  it("agrees with brute force: most pairs, then the highest total sim", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }).chain((n) =>
          fc.integer({ min: 0, max: 5 }).chain((m) =>
            fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), { minLength: m, maxLength: m }), {
              minLength: n,
              maxLength: n,
            }),
          ),
        ),
        (w) => {
          const n = w.length;
          const m = n === 0 ? 0 : w[0]!.length;
          const pairs = matchOneToOne(n, m, (i, j) => w[i]![j]!);
          expect(new Set(pairs.map((p) => p.a)).size).toBe(pairs.length);
          expect(new Set(pairs.map((p) => p.b)).size).toBe(pairs.length);
          const best = bruteForce(w);
          expect(pairs.length).toBe(best.count);
          expect(pairs.reduce((s, p) => s + p.sim, 0)).toBe(best.sum);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The best (count, sum) over every one-to-one matching, by enumeration. */
function bruteForce(w: (number | null)[][]): { count: number; sum: number } {
  let best = { count: 0, sum: 0 };
  const usedCols = new Set<number>();
  const go = (i: number, count: number, sum: number) => {
    if (i === w.length) {
      if (count > best.count || (count === best.count && sum > best.sum)) best = { count, sum };
      return;
    }
    go(i + 1, count, sum);
    w[i]!.forEach((x, j) => {
      if (x === null || usedCols.has(j)) return;
      usedCols.add(j);
      go(i + 1, count + 1, sum + x);
      usedCols.delete(j);
    });
  };
  go(0, 0, 0);
  return best;
}

// ─── figures ────────────────────────────────────────────────────────────────────────────────

function expectPerfect(s: DocScore) {
  for (const f of FIGURES) expect([f.name, s.figures[f.name]]).toEqual([f.name, 1]);
}

describe("scoreDocument", () => {
  it("scores every gold file against itself 1.0 on every figure", async () => {
    const scores: DocScore[] = [];
    for (const n of [0, 1, 2, 3, 4]) {
      const gold = await loadGold(n);
      const s = scoreDocument(gold, gold);
      expectPerfect(s);
      expect(s.counts.items.fp + s.counts.items.fn).toBe(0);
      scores.push(s);
    }
    expectPerfect(total(scores));
    expect(total(scores).counts.items.tp).toBe(7 + 7 + 11 + 7 + 11);
  });

  it("gives the hand-computed counts of a flawed prediction", () => {
    const s = scoreDocument(PREDICTED, GOLD);
    const c = s.counts;
    // items: 1 and 2 match; predicted 4 (renumbered 3) is extra; gold 3 and 4 are missing.
    expect(c.items).toEqual({ tp: 2, fp: 1, fn: 2 });
    // recommendations: item 1 1 tp; item 2 1 tp, reworded 0.65 < 0.7 is 1 fp + 1 fn;
    // the renumbered item's recommendation is 1 fp, the gold one 1 fn.
    expect(c.recommendations).toEqual({ tp: 2, fp: 2, fn: 2 });
    expect(c.decisions).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(c.decisionText).toEqual({ sum: 1, n: 2 });
    expect(c.outcome).toEqual({ correct: 1, total: 2 });
    // actions: two match; regionen vs kommunerne share no owner.
    expect(c.actions).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(c.owners).toEqual({ correct: 2, total: 2 });
    expect(c.deadline).toEqual({ correct: 1, total: 2 });
    expect(c.meeting).toEqual({ correct: 3, total: 5 });
    expect(c.participants).toEqual({ tp: 2, fp: 1, fn: 1 });

    const f = s.figures;
    expect(f.items).toBeCloseTo(4 / 7, 12);
    expect(f.recommendations).toBeCloseTo(0.5, 12);
    expect(f.decisions).toBeCloseTo(2 / 3, 12);
    expect(f.decisionText).toBeCloseTo(0.5, 12);
    expect(f.outcome).toBeCloseTo(0.5, 12);
    expect(f.actions).toBeCloseTo(2 / 3, 12);
    expect(f.owners).toBe(1);
    expect(f.deadline).toBeCloseTo(0.5, 12);
    expect(f.meeting).toBeCloseTo(0.6, 12);
    expect(f.participants).toBeCloseTo(2 / 3, 12);
  });

  it("matches a reworded text at sim 0.65 as a decision (≥ 0.6) but not as a recommendation (≥ 0.7)", () => {
    const s = scoreDocument(
      minutes({ items: [{ number: "1", title: "A", recommendations: [REWORDED], decisions: [REWORDED] }] }),
      minutes({ items: [{ number: "1", title: "A", recommendations: [REC], decisions: [REC] }] }),
    );
    expect(s.counts.recommendations).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(s.counts.decisions).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it("matches items by normalised number and title sim ≥ 0.6", () => {
    const gold = minutes({
      items: [
        { number: "2.a", title: "Status fra driftsgruppen" },
        { number: "2.b", title: "Status fra arbejdsgruppen om sundhedshuse" },
        { number: "5", title: "Kompetenceudvikling" },
      ],
    });
    const predicted = minutes({
      items: [
        { number: "2a", title: "Status fra driftsgruppen" }, // same number, same title
        { number: "2 b", title: "Status fra arbejdsgruppen" }, // sim 2·3/(5+3) = 0.75
        { number: "5", title: "Punkter til kommende møder" }, // same number, title sim 0
      ],
    });
    expect(sim("Status fra arbejdsgruppen om sundhedshuse", "Status fra arbejdsgruppen")).toBeCloseTo(0.75, 12);
    expect(scoreDocument(predicted, gold).counts.items).toEqual({ tp: 2, fp: 1, fn: 1 });
  });

  it("needs a shared owner to match an action, equal owner sets to count owners right", () => {
    const gold = minutes({
      items: [{ number: "1", title: "A", actions: [{ text: "udarbejder et oplæg", owners: ["Jan Nybo", "Lise Søndergaard"] }] }],
    });
    const partial = minutes({ items: [{ number: "1", title: "A", actions: [{ text: "udarbejder et oplæg", owners: ["jan nybo"] }] }] });
    const s = scoreDocument(partial, gold);
    expect(s.counts.actions).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.counts.owners).toEqual({ correct: 0, total: 1 });
    expect(s.counts.deadline).toEqual({ correct: 1, total: 1 }); // null = null

    const none = minutes({ items: [{ number: "1", title: "A", actions: [{ text: "udarbejder et oplæg", owners: [] }] }] });
    expect(scoreDocument(none, gold).counts.actions).toEqual({ tp: 0, fp: 1, fn: 1 });

    const bothEmpty = minutes({ items: [{ number: "1", title: "A", actions: [{ text: "udarbejder et oplæg", owners: [] }] }] });
    const s2 = scoreDocument(bothEmpty, bothEmpty);
    expect(s2.counts.actions).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s2.counts.owners).toEqual({ correct: 1, total: 1 });
  });

  it("needs sim(text) ≥ 0.5 to match an action", () => {
    const gold = minutes({ items: [{ number: "1", title: "A", actions: [{ text: "a b c d", owners: ["x"] }] }] });
    const half = minutes({ items: [{ number: "1", title: "A", actions: [{ text: "a b e f", owners: ["x"] }] }] }); // 0.5
    const less = minutes({ items: [{ number: "1", title: "A", actions: [{ text: "a e f g", owners: ["x"] }] }] }); // 0.25
    expect(scoreDocument(half, gold).counts.actions.tp).toBe(1);
    expect(scoreDocument(less, gold).counts.actions.tp).toBe(0);
  });

  it("counts null vs null decisionText as 1 and null vs text as 0", () => {
    const g = minutes({ items: [{ number: "1", title: "A" }, { number: "2", title: "B", decisionText: "Godkendt." }] });
    const p = minutes({ items: [{ number: "1", title: "A" }, { number: "2", title: "B" }] });
    expect(scoreDocument(p, g).counts.decisionText).toEqual({ sum: 1, n: 2 });
    expect(scoreDocument(p, g).figures.decisionText).toBe(0.5);
  });

  it("compares meeting fields: body by sim ≥ 0.8, the others exactly (null = null)", () => {
    const gold = minutes({ meeting: { body: "Direktørforum – Sundhedsklynge Midt", number: null } });
    const close = minutes({ meeting: { body: "Direktørforum Sundhedsklynge Midt", number: null } });
    expect(scoreDocument(close, gold).counts.meeting).toEqual({ correct: 5, total: 5 });
    const far = minutes({ meeting: { body: "Sundhedsklynge Midt", cluster: null, kind: "dagsorden", number: "1", date: null } });
    expect(sim("Sundhedsklynge Midt", "Direktørforum – Sundhedsklynge Midt")).toBeCloseTo(0.8, 12);
    expect(scoreDocument(far, gold).counts.meeting).toEqual({ correct: 1, total: 5 }); // body 0.8 counts
  });

  it("gives F1 1 when there is nothing to find and nothing found, and null accuracies over nothing", () => {
    const empty = minutes({});
    const s = scoreDocument(empty, empty);
    expect(s.figures.items).toBe(1);
    expect(s.figures.participants).toBe(1);
    expect(s.figures.outcome).toBeNull();
    expect(s.figures.decisionText).toBeNull();
    expect(s.figures.owners).toBeNull();
  });

  it("scores an unreadable document as an empty prediction with every meeting field wrong", async () => {
    const gold = await loadGold(0);
    const s = scoreUnreadable(gold);
    expect(s.counts.items).toEqual({ tp: 0, fp: 0, fn: 7 });
    expect(s.counts.meeting).toEqual({ correct: 0, total: 5 });
    expect(s.counts.participants).toEqual({ tp: 0, fp: 0, fn: 15 });
    expect(s.figures.items).toBe(0);
    expect(s.figures.outcome).toBeNull();
  });
});

describe("total", () => {
  it("micro-averages: sums the counts, then computes the figures", () => {
    const gold = minutes({ items: [{ number: "1", title: "A" }, { number: "2", title: "B" }, { number: "3", title: "C" }] });
    const a = scoreDocument(minutes({ items: [{ number: "1", title: "A" }] }), minutes({ items: [{ number: "1", title: "A" }] }));
    const b = scoreDocument(minutes({}), gold);
    expect(a.figures.items).toBe(1);
    expect(b.figures.items).toBe(0);
    const t = total([a, b]);
    expect(t.documents).toBe(2);
    expect(t.counts.items).toEqual({ tp: 1, fp: 0, fn: 3 });
    expect(t.figures.items).toBeCloseTo(0.4, 12); // 2·1/(2·1 + 0 + 3), not the mean 0.5
    expect(t.counts.meeting).toEqual({ correct: 10, total: 10 });
  });
});

// ─── the verbose diff ───────────────────────────────────────────────────────────────────────

describe("diffDocument / renderDiff", () => {
  it("names what did not match, with the nearest candidate", () => {
    const text = renderDiff(diffDocument(PREDICTED, GOLD)).join("\n");
    expect(text).toContain('meeting      number: got null, want "4"; date: got "2021-08-14", want "2021-08-13"');
    expect(text).toContain("~ Bo Jensen: status got present, want absent");
    expect(text).toContain('- 3 "Kompetenceudvikling" [1 recs]');
    expect(text).toContain('best title: predicted 4 "Kompetenceudvikling" sim 1.00');
    expect(text).toContain('+ 4 "Kompetenceudvikling" [1 recs]');
    expect(text).toContain("~ outcome: got discussed, want decided");
    expect(text).toContain('~ decisionText sim 0.00: got null, want "Det blev aftalt');
    expect(text).toContain("best 0.65: ");
    expect(text).toContain('- "regionen undersøger de tekniske muligheder" [regionen]');
    expect(text).toContain("no shared owner");
    expect(text).toContain('~ "Anne Hansen indkalder til møde": deadline got 2021-09-02, want 2021-09-01');
    expect(text).not.toContain("item 1 "); // item 1 is perfect
  });
  it("prints nothing for a perfect document", async () => {
    const gold = await loadGold(2);
    expect(renderDiff(diffDocument(gold, gold))).toEqual([]);
  });
});

// ─── a run ──────────────────────────────────────────────────────────────────────────────────

describe("runEval", () => {
  it("reports a failing document and goes on; a document with unreadable gold is left out of the totals", async () => {
    const dir = await mkdtemp(join(tmpdir(), "minutes-eval-"));
    const manifest = join(dir, "manifest.json");
    await writeFile(
      manifest,
      JSON.stringify({
        entries: [
          { document: "fixtures/seeds/000.txt", gold: "fixtures/gold/000.json", set: "seeds" },
          { document: "fixtures/seeds/nope.txt", gold: "fixtures/gold/000.json", set: "seeds" },
          { document: "fixtures/seeds/001.txt", gold: "fixtures/gold/nope.json", set: "own" },
        ],
      }),
    );
    const report = await runEval({ manifest, root: ROOT });
    expect(report.documents).toHaveLength(3);
    const [first, missing, noGold] = report.documents;
    expect(first!.score).not.toBeNull(); // ok, or "extract failed" while the extractor is being written
    expect(missing!.status).toBe("failed");
    expect(missing!.error).toMatchObject({ stage: "ingest", code: "not-found" });
    expect(missing!.score!.counts.items).toEqual({ tp: 0, fp: 0, fn: 7 });
    expect(noGold!.error?.stage).toBe("gold");
    expect(noGold!.score).toBeNull();
    expect(report.totals.all.documents).toBe(2);
    expect(Object.keys(report.totals.sets)).toEqual(["seeds"]);

    const text = renderReport(report, { verbose: true });
    expect(text).toContain("seeds/nope.txt");
    expect(text).toContain("ingest failed (not-found)");
    expect(text).toContain("gold failed");
  });

  it("scores an extractor that finds nothing: ~0, but null fields of the gold count as right", async () => {
    const placeholder = {
      version: "test",
      extract: (doc: { file: string; sha256: string; format: string; pages: number }): Minutes => ({
        ...minutes({ meeting: { body: null, cluster: null, number: null, date: null } }),
        source: { file: doc.file, sha256: doc.sha256, format: "txt", pages: doc.pages },
      }),
    };
    const report = await runEval({
      manifest: join(ROOT, "fixtures/eval-manifest.json"),
      root: ROOT,
      sets: ["seeds"],
      formats: ["txt"],
      extractor: placeholder,
    });
    expect(report.extractor).toBe("test");
    const meeting = report.documents.map((d) => d.score!.counts.meeting.correct);
    // kind is right everywhere; 001 and 004 print no number; 003 has no number and no date.
    expect(meeting).toEqual([1, 2, 1, 3, 2]);
    const t = report.totals.all;
    expect(t.figures.items).toBe(0);
    expect(t.figures.outcome).toBeNull();
    expect(t.counts.participants).toEqual({ tp: 0, fp: 0, fn: 15 + 11 + 13 + 0 + 13 });
    expect(report.documents[3]!.score!.figures.participants).toBe(1); // 003: no participants, none predicted
  });

  it("filters by set and format", async () => {
    const report = await runEval({ manifest: join(ROOT, "fixtures/eval-manifest.json"), root: ROOT, sets: ["seeds"], formats: ["txt"] });
    expect(report.documents.map((d) => d.document)).toEqual([0, 1, 2, 3, 4].map((n) => `fixtures/seeds/00${n}.txt`));
  });
});
