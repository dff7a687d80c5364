/**
 * The corpus generator (scripts/corpus): gold validity, determinism, page counts, and the
 * extractor scoring above a floor on a few generated documents.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "@minutes/extract";
import { scoreDocument, total, type DocScore } from "@minutes/extract/eval";
import { ingest } from "@minutes/ingest";
import { GoldMinutesSchema } from "../packages/extract/src/schema.ts";
import { FORMATS, generate, type Generated } from "../scripts/corpus/generate.ts";
import { TEMPLATES } from "../scripts/corpus/templates.ts";

const SEED = "test-1";
const DOCS = 10;

let dir: string;
const docs: Generated[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "minutes-corpus-"));
  for (let i = 0; i < DOCS; i++) {
    // the first six documents take one template each, so that every template is covered
    const g = await generate(SEED, i, FORMATS, i < TEMPLATES.length ? TEMPLATES[i]!.name : undefined);
    for (const [format, bytes] of Object.entries(g.files)) await writeFile(join(dir, `${g.id}.${format}`), bytes);
    docs.push(g);
  }
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("corpus generator", () => {
  it("writes every format and covers every template", () => {
    expect(docs).toHaveLength(DOCS);
    for (const d of docs) expect(Object.keys(d.files).sort()).toEqual(["docx", "pdf", "txt"]);
    expect(new Set(docs.map((d) => d.template))).toEqual(new Set(TEMPLATES.map((t) => t.name)));
  });

  it("writes gold that validates against GoldMinutesSchema and follows the contract's shape", () => {
    for (const d of docs) {
      const gold = GoldMinutesSchema.parse(d.gold);
      expect(gold.items.length).toBeGreaterThan(2);
      const names = new Set(gold.participants.map((p) => p.name));
      expect(names.size).toBe(gold.participants.length); // a person is listed once
      for (const item of gold.items) {
        // decisions are sentences of the decision text; owners are listed people or lower-case bodies
        for (const dec of item.decisions) expect(item.decisionText ?? "").toContain(dec);
        if (item.decisionText === null) expect(item.outcome).toBe("none");
        for (const a of item.actions) for (const o of a.owners) expect(names.has(o) || o === o.toLowerCase()).toBe(true);
      }
    }
  });

  it("is deterministic: the same seed gives the same text, PDF and gold; another seed differs", async () => {
    for (const i of [0, 3, 7]) {
      const again = await generate(SEED, i, FORMATS, i < TEMPLATES.length ? TEMPLATES[i]!.name : undefined);
      expect(again.files.txt!.equals(docs[i]!.files.txt!)).toBe(true);
      expect(again.files.pdf!.equals(docs[i]!.files.pdf!)).toBe(true);
      expect(again.gold).toEqual(docs[i]!.gold);
    }
    const other = await generate("test-2", 0, ["txt"], TEMPLATES[0]!.name);
    expect(other.files.txt!.equals(docs[0]!.files.txt!)).toBe(false);
  });

  it("makes PDFs of 2–40 pages, as ingest counts them", async () => {
    for (const d of docs) {
      const doc = await ingest(join(dir, `${d.id}.pdf`));
      expect(doc.pages).toBe(d.pdfPages);
      expect(doc.pages).toBeGreaterThanOrEqual(2);
      expect(doc.pages).toBeLessThanOrEqual(40);
    }
  });

  it("is read by the extractor above a floor in every format", async () => {
    const byFormat = new Map<string, DocScore[]>();
    for (const d of docs) {
      const gold = GoldMinutesSchema.parse(d.gold);
      for (const format of FORMATS) {
        const predicted = extract(await ingest(join(dir, `${d.id}.${format}`)));
        byFormat.set(format, [...(byFormat.get(format) ?? []), scoreDocument(predicted, gold)]);
      }
    }
    for (const [format, scores] of byFormat) {
      const f = total(scores).figures;
      expect(f.items, `${format} items F1`).toBeGreaterThanOrEqual(0.9);
      expect(f.recommendations, `${format} recommendations F1`).toBeGreaterThanOrEqual(0.8);
      expect(f.outcome ?? 0, `${format} outcome accuracy`).toBeGreaterThanOrEqual(0.8);
      expect(f.participants, `${format} participants F1`).toBeGreaterThanOrEqual(0.7);
    }
  });
});
