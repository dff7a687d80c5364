import { ingest } from "../packages/ingest/src/index.ts";
import { sim } from "../packages/extract/src/eval/index.ts";
const f = process.argv[2]!;
const d = await ingest(f);
if (process.argv[3]) { const t = await ingest(process.argv[3]); console.log("sim", sim(t.lines.map(l=>l.text).join("\n"), d.lines.map(l=>l.text).join("\n"))); }
else for (const l of d.lines) console.log(l.page, l.line, JSON.stringify(l.hints), l.text.slice(0, 100));
