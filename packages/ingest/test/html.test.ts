import { join } from "node:path";
import { sim } from "@minutes/extract/eval";
import { describe, expect, it } from "vitest";
import { readHtml } from "../src/html.ts";
import { ingest } from "../src/index.ts";

const ROOT = join(import.meta.dirname, "../../../fixtures");
const OPTIONS = { ocr: "off" as const, maxPages: 2000, file: "test.html", deadline: Infinity, timeoutMs: Infinity };
const bytes = (s: string) => new TextEncoder().encode(s);
const lines = async (html: string | Uint8Array) => {
  const r = await readHtml(typeof html === "string" ? bytes(html) : html, OPTIONS);
  return r.pages[0]!.lines.map((l) => [l.text, l.hints] as const);
};

describe("seed 004 as a web page", () => {
  it("reads like the markdown it was rendered from", async () => {
    const [html, md] = await Promise.all([ingest(join(ROOT, "ingest/004.html")), ingest(join(ROOT, "seeds/004.txt"))]);
    expect(html.format).toBe("html");
    expect(html.meta.encoding).toBe("utf-8");
    const s = sim(md.lines.map((l) => l.text).join("\n"), html.lines.map((l) => l.text).join("\n"));
    console.log(`sim(004.html, 004.txt) = ${s.toFixed(4)}`);
    expect(s).toBeGreaterThanOrEqual(0.97);
    const headings = (d: typeof md) => d.lines.filter((l) => l.hints.heading !== undefined).map((l) => [l.hints.heading, l.text]);
    expect(headings(html)).toEqual(headings(md));
    const text = html.lines.map((l) => l.text).join("\n");
    // entities decoded, script/style/title dropped
    expect(text).toContain("Mødet påbegyndt: kl. 14:00");
    expect(text).toContain("Eva Sejersdal Knudsen, direktør, Fællesadministrationen");
    expect(text).not.toMatch(/&\w+;|ikke tekst|font-family|<|>/);
  });
});

describe("HTML structure", () => {
  it("makes lines of blocks and <br>, with heading, list, bold and table hints", async () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Titel</title>
      <style>p { color: red }</style><script>if (a < b) { document.write("<p>nej</p>") }</script></head>
      <body><h1>Referat &amp; beslutninger</h1>
      <p>Mødet blev holdt i <b>Aalborg</b>.<br>Næste&nbsp;linje &#150; slut</p>
      <h2>1. Godkendelse</h2>
      <ul><li>Første punkt</li><li><p>Andet punkt</p><ol start="3"><li>Tre</li><li>Fire</li></ol></li></ul>
      <table><tr><th>Navn</th><th>Frist</th></tr><tr><td>Åse Ørsted</td><td><p>1. juni</p><p>2024</p></td></tr></table>
      <p><strong>Beslutning:</strong></p><!-- <p>kommentar</p> --><div>Sidste</div></body></html>`;
    expect(await lines(page)).toEqual([
      ["Referat & beslutninger", { gapBefore: true, heading: 1 }],
      ["Mødet blev holdt i Aalborg.", { gapBefore: true }],
      ["Næste linje – slut", {}],
      ["1. Godkendelse", { gapBefore: true, heading: 2 }],
      ["• Første punkt", { gapBefore: true, listMarker: "•", listLevel: 0 }],
      ["• Andet punkt", { gapBefore: true, listMarker: "•", listLevel: 0 }],
      ["3. Tre", { gapBefore: true, listMarker: "3.", listLevel: 1 }],
      ["4. Fire", { gapBefore: true, listMarker: "4.", listLevel: 1 }],
      ["Navn | Frist", { tableRow: true, gapBefore: true }],
      ["Åse Ørsted | 1. juni 2024", { tableRow: true }],
      ["Beslutning:", { gapBefore: true, bold: true }],
      ["Sidste", { gapBefore: true }],
    ]);
  });

  it("keeps a nested layout table inside its outer cell", async () => {
    const page = "<table><tr><td>A<table><tr><td>x</td><td>y</td></tr></table></td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table><p>efter</p>";
    expect((await lines(page)).map(([t]) => t)).toEqual(["A x y | B", "C | D", "efter"]);
  });

  it("keeps line breaks inside <pre>", async () => {
    expect((await lines("<p>før</p><pre>linje 1\nlinje 2</pre>")).map(([t]) => t)).toEqual(["før", "linje 1", "linje 2"]);
  });

  it("reads a saved e-mail in Windows-1252 by its meta charset", async () => {
    const head = bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>');
    // "Kære Søren – Åbent møde" in Windows-1252
    const body = Uint8Array.from([0x4b, 0xe6, 0x72, 0x65, 0x20, 0x53, 0xf8, 0x72, 0x65, 0x6e, 0x20, 0x96, 0x20, 0xc5, 0x62, 0x65, 0x6e, 0x74, 0x20, 0x6d, 0xf8, 0x64, 0x65]);
    const tail = bytes("</p></body></html>");
    const r = await readHtml(Uint8Array.from([...head, ...body, ...tail]), OPTIONS);
    expect(r.meta.encoding).toBe("windows-1252");
    expect(r.pages[0]!.lines.map((l) => l.text)).toEqual(["Kære Søren – Åbent møde"]);
  });

  it("does not lose the body when </head> is missing", async () => {
    expect((await lines("<html><head><meta charset=utf-8><body><p>Tekst</p>")).map(([t]) => t)).toEqual(["Tekst"]);
  });
});
