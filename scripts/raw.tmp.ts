import { readFileSync } from "node:fs";
import { readDocx } from "../packages/ingest/src/docx.ts";
const r = await readDocx(readFileSync(process.argv[2]!), { file: "x", ocr: "off", maxPages: 100 });
for (const p of r.pages) for (const l of p.lines) console.log(p.page, l.line, JSON.stringify(l.hints), l.text.slice(0, 90));
