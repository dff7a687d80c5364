/**
 * Private data: CPR numbers found by date-checked detection (precision and recall measured on
 * fixtures/privacy/cpr-cases.txt), replaced by a marker in every text a document stores, counted
 * on the document and the run; e-mail and phone rules off by default, on when asked.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { findCpr, findEmail, findPhone, formatRedactRules, openStore, parseRedactRules, redactText, type Store } from "../src/index.ts";
import { isCprDate } from "../src/redact.ts";
import { input, item, minutes, tempDb } from "./helpers.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const TODAY = new Date("2026-01-01T00:00:00Z");
const CPR_ON = { cpr: true, email: false, phone: false };

interface Case {
  text: string;
  /** The marked CPR numbers: [start, end) in `text`. */
  marked: [number, number][];
  positive: boolean;
}

async function cases(): Promise<Case[]> {
  const lines = (await readFile(resolve(ROOT, "fixtures/privacy/cpr-cases.txt"), "utf8")).split("\n");
  const out: Case[] = [];
  for (const line of lines) {
    if (!/^[+-] /.test(line)) continue;
    let text = "";
    const marked: [number, number][] = [];
    for (const part of line.slice(2).split(/(\{[^}]*\})/)) {
      if (part.startsWith("{")) {
        marked.push([text.length, text.length + part.length - 2]);
        text += part.slice(1, -1);
      } else text += part;
    }
    out.push({ text, marked, positive: line.startsWith("+") });
  }
  return out;
}

describe("CPR detection", () => {
  it("on the test set: every CPR number found, one known false positive among the non-CPR numbers", async () => {
    const all = await cases();
    let tp = 0;
    const fp: string[] = [];
    const fn: string[] = [];
    for (const c of all) {
      const found = findCpr(c.text, TODAY);
      const key = (r: [number, number]) => r.join(":");
      const marked = new Set(c.marked.map(key));
      for (const f of found) {
        if (marked.has(key(f))) tp++;
        else fp.push(c.text.slice(f[0], f[1]) + "  in: " + c.text);
      }
      const foundKeys = new Set(found.map(key));
      for (const m of c.marked) if (!foundKeys.has(key(m))) fn.push(c.text.slice(m[0], m[1]) + "  in: " + c.text);
    }
    const positives = all.reduce((n, c) => n + c.marked.length, 0);
    const negativeLines = all.filter((c) => !c.positive).length;
    const precision = tp / (tp + fp.length);
    const recall = tp / positives;
    console.log(
      `CPR detection on fixtures/privacy/cpr-cases.txt: ${positives} CPR numbers in ${all.length - negativeLines} lines, ` +
        `${negativeLines} lines of non-CPR numbers; TP ${tp}, FP ${fp.length}, FN ${fn.length}; ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (fp.length ? `\n  false positives: ${fp.join("\n    ")}` : ""),
    );
    expect(positives).toBeGreaterThanOrEqual(20);
    expect(negativeLines).toBeGreaterThanOrEqual(40);
    expect(fn).toEqual([]);
    // The one known miss: a bank account written "5301 1203811234" (see the fixture).
    expect(fp).toEqual(["1203811234  in: Indbetales på 5301 1203811234."]);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it("checks the date with the century of the seventh digit, leap years included", () => {
    expect(isCprDate(29, 2, 96, 1, TODAY)).toBe(true); // 1996
    expect(isCprDate(29, 2, 90, 1, TODAY)).toBe(false);
    expect(isCprDate(29, 2, 0, 1, TODAY)).toBe(false); // 1900
    expect(isCprDate(29, 2, 0, 4, TODAY)).toBe(true); // 2000
    expect(isCprDate(29, 2, 0, 6, TODAY)).toBe(true); // 2000 (5–8, 00–57)
    expect(isCprDate(31, 4, 90, 1, TODAY)).toBe(false);
    expect(isCprDate(31, 12, 99, 4, TODAY)).toBe(true); // 1999 (4, 37–99)
    expect(isCprDate(1, 1, 40, 5, TODAY)).toBe(false); // 2040: not born yet
    expect(isCprDate(1, 1, 40, 4, TODAY)).toBe(true); // 1940
    expect(isCprDate(0, 1, 90, 1, TODAY)).toBe(false);
    expect(isCprDate(1, 13, 90, 1, TODAY)).toBe(false);
    expect(isCprDate(1, 0, 90, 1, TODAY)).toBe(false);
  });

  it("does not require modulus 11 (numbers since 2007 need not pass it)", () => {
    // 010190-1234 fails modulus 11 (weights 4 3 2 7 6 5 4 3 2 1: sum 84, 84 mod 11 = 7).
    expect(findCpr("borger 010190-1234", TODAY)).toEqual([[7, 18]]);
  });
});

describe("redactText", () => {
  it("replaces CPR numbers by [CPR] and counts them; e-mail and phone stay by default", () => {
    const text = "Borger 010190-1234 (mail jens@example.dk, tlf. 98 12 34 56) og 0202901234.";
    expect(redactText(text, CPR_ON)).toEqual({
      text: "Borger [CPR] (mail jens@example.dk, tlf. 98 12 34 56) og [CPR].",
      counts: { cpr: 2, email: 0, phone: 0 },
    });
  });

  it("redacts e-mail addresses and phone numbers when those rules are on", () => {
    const all = { cpr: true, email: true, phone: true };
    expect(redactText("Kontakt lise.berg@rn.dk eller +45 98 12 34 56 / 2012 3456; cpr 010190-1234.", all)).toEqual({
      text: "Kontakt [e-mail] eller [telefon] / [telefon]; cpr [CPR].",
      counts: { cpr: 1, email: 1, phone: 2 },
    });
    expect(findEmail("skriv til post@aalborg.dk.")).toHaveLength(1);
    expect(findEmail("ikke en adresse: a@b, @home")).toEqual([]);
    // Company and case numbers with eight digits are not phone numbers; nor are amounts and dates.
    for (const s of ["CVR-nr. 29190925", "SE-nr. 12 34 56 78", "sagsnr. 12345678", "1.200.000 kr.", "13.08.2021", "2021-08-13", "EAN 5798000012345"]) {
      expect(findPhone(s), s).toEqual([]);
    }
    for (const s of ["98123456", "98 12 34 56", "9812 3456", "+45 98123456", "0045 98 12 34 56", "+46 8 123 456 78"]) {
      expect(findPhone(`tlf. ${s}.`), s).toHaveLength(1);
    }
  });

  it("parses --redact rule lists", () => {
    expect(parseRedactRules("cpr,email")).toEqual({ cpr: true, email: true, phone: false });
    expect(parseRedactRules("none")).toEqual({ cpr: false, email: false, phone: false });
    expect(parseRedactRules(" phone ")).toEqual({ cpr: false, email: false, phone: true });
    expect(() => parseRedactRules("cpr,names")).toThrow(/unknown redaction rule "names"/);
    expect(() => parseRedactRules("")).toThrow(/no redaction rules/);
    expect(formatRedactRules({ cpr: true, email: false, phone: true })).toBe("cpr,phone");
    expect(formatRedactRules({ cpr: false, email: false, phone: false })).toBe("none");
  });
});

/** Minutes with a CPR number in every field the store keeps. */
const leaky = minutes({
  meeting: { number: "4 (010190-1234)", location: "Hjemme hos 020290-1234", body: "Klyngestyregruppe Syd" },
  participants: [
    { name: "Jens Hansen", title: "Pårørende til 030390-1234", organization: "Borger 040490-1234", status: "guest" },
  ],
  items: [
    item("1", "Klage fra 050590-1234", {
      presenter: "Jens Hansen",
      attachments: ["Bilag: journal for 060690-1234.pdf"],
      recommendations: ["At klagen fra 070790-1234 afvises"],
      decisionText: "Klagen fra 0808901234 blev afvist.",
      decisions: ["Afvist for 090190-1234."],
      actions: [{ text: "Jens Hansen skriver til 100190-1234", owners: ["Jens Hansen"], deadline: null, deadlineText: "inden 110190-1234 fylder 30" }],
      outcome: "rejected",
    }),
  ],
  warnings: [{ code: "odd-line", message: "line not understood: 120190-1234", page: 1, line: 3 }],
});

/** Every text value in every table of the store, and the file's bytes. */
async function everything(store: Store): Promise<string> {
  const tables = await store.backend.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%'");
  const out: string[] = [];
  for (const { name } of tables) {
    for (const row of await store.backend.all<Record<string, unknown>>(`SELECT * FROM ${name}`)) out.push(JSON.stringify(row));
  }
  return out.join("\n");
}

const CPR_DIGITS = /(?:010190|020290|030390|040490|050590|060690|070790|080890|090190|100190|110190|120190|130190|140190).?1234/;

describe("the store redacts before it writes", () => {
  it("leaves no CPR number in any table, the search index or the file; counts on document, run and status", async () => {
    const path = await tempDb();
    const store = await openStore(path);
    const runId = await store.startRun({ command: "test", args: [], extractorVersion: "0.3.0" });
    const r = await store.saveDocument({
      ...input("/a/000.txt", leaky),
      messages: [{ code: "ocr", message: "page 2: read 130190-1234", page: 2, line: null, stage: "ingest", severity: "warning" }],
      runId,
    });
    // 12 in the minutes (meeting number and location, participant title and organisation, item
    // title, attachment, recommendation, decision text, decision, action text and deadline words,
    // warning) and 1 in ingest's message.
    expect(r.redacted).toEqual({ cpr: 13, email: 0, phone: 0 });
    expect(await everything(store)).not.toMatch(CPR_DIGITS);
    const [it1] = await store.items();
    expect(it1).toMatchObject({
      title: "Klage fra [CPR]",
      attachments: ["Bilag: journal for [CPR].pdf"],
      recommendations: ["At klagen fra [CPR] afvises"],
      decisionText: "Klagen fra [CPR] blev afvist.",
      decisions: ["Afvist for [CPR]."],
    });
    expect((await store.actions())[0]).toMatchObject({ text: "Jens Hansen skriver til [CPR]", deadlineText: "inden [CPR] fylder 30" });
    expect((await store.meetings())[0]).toMatchObject({ number: "4 ([CPR])", location: "Hjemme hos [CPR]" });
    expect(await store.search("010190")).toEqual([]);
    expect(await store.search("050590")).toEqual([]);
    expect((await store.findByPath("/a/000.txt"))!.redacted).toEqual({ cpr: 13, email: 0, phone: 0 });
    await store.recordFailure({ path: "/a/bad.pdf", sha256: null, stage: "ingest", code: "corrupt", message: "bad object near 140190-1234", runId });
    await store.finishRun(runId, { files: 2, new: 1, updated: 0, unchanged: 0, failed: 1 });
    const status = await store.status();
    expect(status.redacted).toEqual({ cpr: 13, email: 0, phone: 0 });
    expect(status.runs[0]).toMatchObject({ redacted: { cpr: 14, email: 0, phone: 0 }, redactRules: "cpr", stopReason: null });
    expect(await everything(store)).not.toMatch(CPR_DIGITS);
    await store.close();
    // Nor anywhere in the file (rows, index, free pages): the numbers were never written.
    const bytes = (await readFile(path)).toString("latin1");
    expect(bytes).not.toMatch(CPR_DIGITS);
    expect(bytes).toContain("[CPR]");
  });

  it("stores the text as it is with redact: false, and redacts e-mail and phone when asked", async () => {
    const plain = await openStore(await tempDb(), { redact: false });
    expect((await plain.saveDocument(input("/a/000.txt", leaky))).redacted).toEqual({ cpr: 0, email: 0, phone: 0 });
    expect((await plain.items())[0]!.title).toBe("Klage fra 050590-1234");
    await plain.close();

    const strict = await openStore(await tempDb(), { redact: { email: true, phone: true } });
    const m = minutes({ items: [item("1", "Kontakt: lise@rn.dk, tlf. 98 12 34 56, cpr 010190-1234")] });
    expect((await strict.saveDocument(input("/a/001.txt", m))).redacted).toEqual({ cpr: 1, email: 1, phone: 1 });
    expect((await strict.items())[0]!.title).toBe("Kontakt: [e-mail], tlf. [telefon], cpr [CPR]");
    await strict.close();
  });
});
