import { readFileSync } from "node:fs";
import { readHtml } from "../packages/ingest/src/html.ts";
const r = await readHtml(readFileSync(process.argv[2]!), { file: "x", ocr: "off", maxPages: 100 });
console.log(r.meta);
for (const p of r.pages) for (const l of p.lines) console.log(p.page, l.line, JSON.stringify(l.hints), l.text.slice(0, 90));
