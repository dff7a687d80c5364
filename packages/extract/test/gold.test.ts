/**
 * The extractor against the hand-made gold files (fixtures/gold), through the same scorer as
 * `pnpm eval`. Thresholds are issue 3's: seeds in every format, and every own fixture, each figure.
 * The scanned PDF needs tesseract and is scored by `pnpm eval`, not here.
 */
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runEval, type EvalReport } from "../src/eval/index.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

const SEED_TARGETS = {
  items: 0.98,
  recommendations: 0.9,
  decisions: 0.85,
  decisionText: 0.9,
  outcome: 0.85,
  actions: 0.75,
  owners: 0.85,
  deadline: 0.9,
  meeting: 0.9,
  participants: 0.9,
} as const;

let report: EvalReport;
beforeAll(async () => {
  report = await runEval({ manifest: resolve(ROOT, "fixtures/eval-manifest.json"), root: ROOT, sets: ["seeds", "own"] });
}, 120_000);

describe("seeds, per format", () => {
  for (const format of ["txt", "pdf", "docx"]) {
    it(`${format}: every total meets its target`, () => {
      const figures = report.totals.sets.seeds!.formats[format]!.figures as Record<string, number | null>;
      for (const [name, target] of Object.entries(SEED_TARGETS)) {
        expect({ format, name, value: figures[name] }).toEqual({ format, name, value: expect.any(Number) });
        expect(figures[name], `${format} ${name}`).toBeGreaterThanOrEqual(target);
      }
    });
  }
});

describe("own fixtures", () => {
  it("every document has every figure at 0.70 or more", () => {
    const own = report.documents.filter((d) => d.set === "own");
    expect(own.map((d) => d.document).sort()).toEqual([
      "fixtures/extract/own-dagsorden.docx",
      "fixtures/extract/own-direktorforum.docx",
      "fixtures/extract/own-flattened.pdf",
      "fixtures/extract/own-godkendt.txt",
      "fixtures/extract/own-kommune-udvalg.pdf",
      "fixtures/extract/own-toc.pdf",
    ]);
    const low = own.flatMap((d) =>
      Object.entries((d.score?.figures ?? {}) as Record<string, number | null>)
        .filter(([, v]) => v !== null && v < 0.7)
        .map(([k, v]) => `${d.document} ${k} ${v}`),
    );
    expect(low).toEqual([]);
  });
});

describe("every document", () => {
  it("is read and extracted without failure", () => {
    expect(report.documents.filter((d) => d.status === "failed").map((d) => d.document)).toEqual([]);
  });
});
