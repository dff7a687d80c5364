/**
 * `minutes report …` and `minutes search`: exact table output, every format parsed back, errors.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { runMinutes } from "./cli-process.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { buildStore } from "../../report/test/store-fixture.ts";

let db: string;

beforeAll(async () => {
  const built = await buildStore();
  db = built.db;
  await built.store.close();
}, 120_000);

const minutes = runMinutes;

describe("minutes report", () => {
  it("prints a table with Danish dates and sources", async () => {
    const r = await minutes("report", "actions", "--db", db, "--owner", "Karen Bech", "--today", "2022-10-01");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "Opgaver (ejer Karen Bech)",
        "",
        "Ejer        Opgave                                                        Frist         Frist (tekst)                Status  Møde           Forum                   Kilde",
        "──────────  ────────────────────────────────────────────────────────────  ────────────  ───────────────────────────  ──────  ─────────────  ──────────────────────  ────────────────────────────────────────────────",
        "Karen Bech  Karen Bech udarbejder en plan for udbredelsen senest den 1.…  1. nov. 2022  senest den 1. november 2022  open    15. sep. 2022  Klyngestyregruppe Nord  klyngestyregruppe-nord-2022-09-15.txt s. 1 l. 24",
        "1 række",
        "",
      ].join("\n"),
    );
  });

  it("json, csv and md parse back; ISO dates in json and csv", async () => {
    const args = ["report", "decisions", "--db", db, "--cluster", "Nord", "--from", "2022"];
    const json = JSON.parse((await minutes(...args, "--format", "json")).stdout);
    expect(json.rows.map((r: { date: string; item: string }) => [r.date, r.item])).toEqual([
      ["2022-09-15", "1. Godkendelse af dagsorden"],
      ["2022-09-15", "2. IPS – individuelt planlagt job med støtte i Klynge Nord"],
      ["2022-09-15", "3. Status på sundhedshuse"],
    ]);
    const csv = parse((await minutes(...args, "--format", "csv")).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.date, r.outcome, r.source_file, r.source_line])).toEqual([
      ["2022-09-15", "approved", "klyngestyregruppe-nord-2022-09-15.txt", "15"],
      ["2022-09-15", "approved", "klyngestyregruppe-nord-2022-09-15.txt", "19"],
      ["2022-09-15", "noted", "klyngestyregruppe-nord-2022-09-15.txt", "26"],
    ]);
    const md = (await minutes(...args, "--format", "md")).stdout.split("\n");
    expect(md[2]).toBe("| Dato | Klynge | Forum | Punkt | Udfald | Beslutning | Kilde |");
    expect(md[4]).toBe("| 15. sep. 2022 | Nord | Klyngestyregruppe Nord | 1. Godkendelse af dagsorden | approved | Dagsordenen blev godkendt. | klyngestyregruppe-nord-2022-09-15.txt s. 1 l. 15 |");
  });

  it("xlsx goes to --out and opens with real dates", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "minutes-xlsx-")), "beslutninger.xlsx");
    const r = await minutes("report", "decisions", "--db", db, "--cluster", "Nord", "--from", "2022", "--format", "xlsx", "--out", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(1).value).toEqual(new Date("2022-09-15T00:00:00Z"));
    expect(ws.getRow(3).getCell(4).value).toBe("2. IPS – individuelt planlagt job med støtte i Klynge Nord");
  });

  it("search ranks hits and marks them «…» in text output", async () => {
    const r = await minutes("search", "sundhedshuse", "--db", db, "--limit", "2");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(4, 6)).toEqual([
      "1  punkt  TEMA DRØFTELSE: «Sundhedshuse»  27. okt. 2021  Klyngestyregruppe Syd   002.docx s. 1 l. 65",
      "2  punkt  Status på «sundhedshuse»        15. sep. 2022  Klyngestyregruppe Nord  klyngestyregruppe-nord-2022-09-15.txt s. 1 l. 26",
    ]);
  });

  it("bad options are usage errors (exit 2) with the reason", async () => {
    const cases: [string[], RegExp][] = [
      [["report", "decisions", "--db", db, "--cluster", "Vest"], /--cluster: "Vest" is not one of Nord, Midt, Syd/],
      [["report", "decisions", "--db", db, "--from", "2021-02-30"], /--from: "2021-02-30" is not a date/],
      [["report", "decisions", "--db", db, "--format", "pdf"], /--format pdf is not one of: table, json, csv, md, xlsx/],
      [["report", "person", "--db", db, "Ingen Sådan"], /no person "Ingen Sådan"/],
      [["report", "nonsense", "--db", db], /report "nonsense" is not one of/],
      [["report", "decisions", "--db", join(tmpdir(), "no-such.db")], /no store at/],
    ];
    for (const [args, message] of cases) {
      const r = await minutes(...args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(r.stderr).toMatch(message);
    }
  });
});
