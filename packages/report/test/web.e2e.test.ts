/// <reference lib="dom" />
/**
 * The analyst page end to end in headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core; no browser is downloaded): search, filter, open a meeting, hostile document
 * text shown as text, and a screenshot saved as a test artefact (test-artifacts/).
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { request } from "node:http";
import type { Server } from "node:http";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "@minutes/store";
import { serve } from "../src/index.ts";
import { buildStore, FIXTURES, ROOT } from "./store-fixture.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = join(ROOT, "test-artifacts");
const hasChromium = existsSync(CHROMIUM);

let store: Store;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  ({ store } = await buildStore([...FIXTURES, "fixtures/report/hostile.txt"]));
  ({ server, url: base } = await serve(store, { today: "2021-12-01" }));
  if (!hasChromium) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  // The page may use nothing but its own server.
  await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await store?.close();
});

/** A raw GET that keeps the path as written (no URL normalisation), for traversal attempts. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("server", () => {
  it("binds 127.0.0.1", () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
  it("serves no file outside its own assets", async () => {
    for (const p of ["/../../package.json", "/assets/../../../package.json", "/assets/%2e%2e/%2e%2e/package.json", "/%2e%2e/%2e%2e/etc/passwd", "/assets/app.js/../../src/serve.ts", "/web/index.html", "/api/../package.json"]) {
      const r = await rawGet(p);
      expect({ p, status: r.status, leaked: /"name": "minutes"|root:x:0|createServer/.test(r.body) }).toEqual({ p, status: 404, leaked: false });
    }
  });
  it("answers filters in the URL as JSON and CSV, and bad filters with 400", async () => {
    const json = (await (await fetch(`${base}api/decisions?cluster=Syd&from=2021-10-01`)).json()) as { rows: { item: string }[] };
    expect(json.rows.map((r: { item: string }) => r.item).slice(0, 2)).toEqual(["1. Velkomst og godkendelse af dagsorden", "2. Status fra arbejdet i driftsgruppen"]);
    const csv = await (await fetch(`${base}api/decisions.csv?cluster=Syd&from=2021-10-01`)).text();
    expect(csv.split("\r\n")[0]).toBe("date,cluster,body,item,outcome,decision,source_file,source_page,source_line");
    const bad = await fetch(`${base}api/decisions?cluster=Vest`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not one of Nord, Midt, Syd/);
  });
});

describe.skipIf(!hasChromium)("the page in Chromium", () => {
  it("searches, filters, opens a meeting and saves a screenshot", async () => {
    await page.goto(base);
    await page.waitForSelector("#view table");
    // Search: Danish inflection, hits marked.
    await page.fill("#q", "sundhedshuse");
    await page.click("#search-form button");
    await page.waitForSelector("#view mark");
    const marks = await page.$$eval("#view mark", (els) => els.map((e) => e.textContent));
    expect(marks.slice(0, 2)).toEqual(["Sundhedshuse", "sundhedshuse"]);
    expect(page.url()).toContain("#/search?q=sundhedshuse");

    // Filter decisions by cluster: the filter goes into the URL.
    await page.goto(`${base}#/decisions`);
    await page.waitForSelector("#view table");
    await page.selectOption('select[name="cluster"]', "Nord");
    await page.waitForFunction(() => location.hash.includes("cluster=Nord"));
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll("#view tbody tr"));
      return rows.length > 0 && rows.every((tr) => tr.children[1]?.textContent === "Nord");
    });
    const clusters = await page.$$eval("#view tbody tr td:nth-child(2)", (tds) => [...new Set(tds.map((t) => t.textContent))]);
    expect(clusters).toEqual(["Nord"]);

    // Open a meeting from a row's source link.
    await page.click("#view tbody tr:first-child a.source");
    await page.waitForSelector("#view article.item");
    expect(await page.textContent("#view h2")).toBe("Klyngestyregruppe Nord 15. sep. 2022");
    const titles = await page.$$eval("#view article.item h3", (hs) => hs.map((h) => h.textContent));
    expect(titles).toContain("2. IPS – individuelt planlagt job med støtte i Klynge Nord ved Karen Bech");

    // Actions board with overdue deadlines marked.
    await page.goto(`${base}#/actions?overdue=1`);
    await page.waitForSelector("#view .board");
    expect(await page.$$eval("#view .overdue", (e) => e.length)).toBeGreaterThan(0);

    // Chart of decisions per cluster per quarter.
    await page.goto(`${base}#/chart`);
    await page.waitForSelector("#view svg rect", { state: "attached" });
    expect(await page.$$eval("#view svg rect", (r) => r.length)).toBeGreaterThan(3);

    await page.goto(`${base}#/decisions`);
    await page.waitForSelector("#view table");
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "report-decisions.png"), fullPage: false });
    expect(existsSync(join(ARTIFACTS, "report-decisions.png"))).toBe(true);
  }, 60_000);

  it("shows hostile document text as text: no script runs, no element is injected", async () => {
    await page.goto(`${base}#/search?q=dagsorden`);
    await page.waitForSelector("#view table");
    await page.goto(`${base}#/decisions?cluster=Midt&from=2022-03-01&to=2022-03-31`);
    await page.waitForFunction(() => document.querySelector("#view h2")?.textContent?.includes("Klynge Midt") && document.querySelector("#view table"));
    const text = await page.textContent("#view");
    expect(text).toContain('Godkendelse af dagsorden <script>window.__pwned = 1; alert("xss")</script>');
    await page.click("#view tbody tr:first-child a.source");
    await page.waitForSelector("#view article.item");
    const meeting = await page.textContent("#view");
    expect(meeting).toContain('Links fra <a href="javascript:alert(1)">javascript:alert(1)</a> dokumenter');
    expect(meeting).toContain("<svg onload=alert(3)> godkendes.");
    expect(meeting).toContain('Dagsordenen blev godkendt. "><img src=x onerror="window.__pwned=2">');
    // Nothing ran and nothing was injected.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.$$eval("#view script, #view img, #view svg[onload], #view a[href^='javascript']", (e) => e.length)).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "report-hostile-meeting.png") });
  }, 60_000);
});
