/**
 * Regenerates fixtures/ingest/browser-printed.pdf: seed 001 as a simple HTML page, printed by
 * headless Chromium with its default running header (date, title) and footer (file URL, "x/y")
 * on every page: the kind of PDF people make with "Print → Save as PDF" from a web-based system.
 *
 *   tsx scripts/make-browser-pdf.ts [seed-id]        (needs `chromium` on PATH; Debian: apt-get install chromium)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizePages } from "../packages/ingest/src/normalize.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const seed = process.argv[2] ?? "001";
const out = join(root, "fixtures/ingest/browser-printed.pdf");

// The seed's text as ingest reads it (hyphenation undone, page numbers gone), so the browser reflows
// real words rather than the seed's old line breaks.
const source = readFileSync(join(root, `fixtures/seeds/${seed}.txt`), "utf8");
const raw = source.split(/\r\n|\r|\n/).map((text, i) => ({ text, hints: {}, line: i + 1 }));
const { lines } = normalizePages([{ page: 1, lines: raw }], { fromPdf: false });

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const body: string[] = [];
let paragraph: string[] = [];
const flush = () => {
  if (paragraph.length > 0) body.push(`<p>${esc(paragraph.join(" "))}</p>`);
  paragraph = [];
};
// Agenda items are the numbered lines that continue the item sequence (1., 2., 3. …); numbered
// lines inside an item restart at 1 and stay list text.
let nextItem = 1;
for (const line of lines) {
  const item = /^(\d+)\.\s+\S/.exec(line.text);
  if (item && +item[1]! === nextItem && line.hints.gapBefore) {
    flush();
    body.push(`<h2>${esc(line.text)}</h2>`);
    nextItem++;
    continue;
  }
  if (line.hints.gapBefore || line.hints.listMarker) flush();
  paragraph.push(line.text);
}
flush();

const title = esc(lines[0]?.text ?? `Referat ${seed}`);
const html = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${title}</title>
<style>body { font-family: "DejaVu Serif", serif; font-size: 11pt; } h2 { font-size: 14pt; }</style>
</head><body>
${body.join("\n")}
</body></html>
`;

// A fixed directory, so the file URL that the footer prints is the same on every regeneration.
const work = join(tmpdir(), "minutes-browser-pdf");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
try {
  const htmlFile = join(work, `referat-${seed}.html`);
  writeFileSync(htmlFile, html);
  mkdirSync(dirname(out), { recursive: true });
  // Headless Chromium prints the header/footer by default; everything else is switched off so the
  // run is quiet and works as root in a container.
  execFileSync(
    "chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${join(work, "profile")}`,
      `--print-to-pdf=${out}`,
      `file://${htmlFile}`,
    ],
    { stdio: ["ignore", "ignore", "pipe"], timeout: 120_000 },
  );
  process.stderr.write(`wrote ${out}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
