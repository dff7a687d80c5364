/**
 * The renderers: exact table and markdown text, and csv/json/xlsx parsed back to the same values.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { danishDate, renderCsv, renderJson, renderMarkdown, renderTable, renderXlsx, type Table } from "../src/format.ts";

const table: Table = {
  title: "Beslutninger",
  columns: [
    { key: "date", label: "Dato", kind: "date" },
    { key: "cluster", label: "Klynge", kind: "text" },
    { key: "decision", label: "Beslutning", kind: "text", wide: true },
    { key: "count", label: "Antal", kind: "number" },
    { key: "source", label: "Kilde", kind: "source" },
  ],
  rows: [
    { date: "2021-08-13", cluster: "Syd", decision: 'Indstillingen blev godkendt, "med" ændringer', count: 2, source: { file: "001.pdf", path: "/a/001.pdf", page: 3, line: 12 } },
    { date: null, cluster: "Nord", decision: "<script>alert(1)</script> | æøå", count: 10, source: { file: "002.docx", path: "/a/002.docx", page: 1, line: 4 } },
  ],
};

describe("danishDate", () => {
  it("prints dates as Danish readers expect them", () => {
    expect(["2021-08-13", "2022-05-01", "2020-06-04", null].map(danishDate)).toEqual(["13. aug. 2021", "1. maj 2022", "4. jun. 2020", ""]);
  });
});

describe("renderTable", () => {
  it("aligns columns, right-aligns numbers, prints Danish dates and sources", () => {
    expect(renderTable(table)).toBe(
      [
        "Dato           Klynge  Beslutning                                    Antal  Kilde",
        "─────────────  ──────  ────────────────────────────────────────────  ─────  ──────────────────",
        '13. aug. 2021  Syd     Indstillingen blev godkendt, "med" ændringer      2  001.pdf s. 3 l. 12',
        "               Nord    <script>alert(1)</script> | æøå                  10  002.docx s. 1 l. 4",
        "2 rækker",
        "",
      ].join("\n"),
    );
  });
  it("cuts wide columns to fit a terminal", () => {
    const lines = renderTable(table, 70).split("\n");
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(70);
    expect(lines[2]).toContain("…");
  });
});

describe("parse back", () => {
  it("json", () => {
    const back = JSON.parse(renderJson(table));
    expect(back).toEqual({ title: "Beslutninger", columns: table.columns.map(({ key, label, kind }) => ({ key, label, kind })), rows: table.rows });
  });
  it("csv (RFC 4180, ISO dates, source as file/page/line)", () => {
    const back = parse(renderCsv(table), { columns: true }) as Record<string, string>[];
    expect(back).toEqual([
      { date: "2021-08-13", cluster: "Syd", decision: 'Indstillingen blev godkendt, "med" ændringer', count: "2", source_file: "001.pdf", source_page: "3", source_line: "12" },
      { date: "", cluster: "Nord", decision: "<script>alert(1)</script> | æøå", count: "10", source_file: "002.docx", source_page: "1", source_line: "4" },
    ]);
  });
  it("xlsx (real dates and numbers)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(table)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Beslutninger");
    expect(ws.getRow(1).values).toEqual([undefined, "Dato", "Klynge", "Beslutning", "Antal", "Kilde: fil", "side", "linje"]);
    expect(ws.getRow(2).values).toEqual([undefined, new Date("2021-08-13T00:00:00Z"), "Syd", 'Indstillingen blev godkendt, "med" ændringer', 2, "001.pdf", 3, 12]);
    expect(ws.getRow(3).getCell(3).value).toBe("<script>alert(1)</script> | æøå");
  });
  it("markdown escapes pipes and HTML", () => {
    expect(renderMarkdown(table).split("\n")[5]).toBe("|  | Nord | &lt;script&gt;alert(1)&lt;/script&gt; \\| æøå | 10 | 002.docx s. 1 l. 4 |");
  });
});
