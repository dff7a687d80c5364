import { ingest } from "@minutes/ingest";
const d = await ingest(`../../fixtures/seeds/004.txt`);
console.log(d.lines.slice(5, 10).map(l=>l.text));
