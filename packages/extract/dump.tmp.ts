import { ingest } from "@minutes/ingest";
const f = process.argv[2]!;
const d = await ingest(f);
console.log(d.format, d.pages, d.lines.length);
for (const [i,l] of d.lines.entries()) console.log(i, l.page, l.line, JSON.stringify(l.text), JSON.stringify(l.hints));
