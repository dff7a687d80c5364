// Measures sentence splitting on gold decisionText: compromise vs our own sentences.ts.
import { readFileSync, readdirSync } from "node:fs";
import nlp from "compromise";
import { splitSentences } from "../src/sentences.ts";
const dir = new URL("../../../fixtures/gold", import.meta.url).pathname;
let total = 0, ours = 0, comp = 0;
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
for (const f of readdirSync(dir)) {
  const g = JSON.parse(readFileSync(`${dir}/${f}`, "utf8"));
  for (const it of g.items) {
    if (!it.decisionText) continue;
    const a = new Set(splitSentences(it.decisionText).map(norm));
    const b = new Set((nlp(it.decisionText).sentences().out("array") as string[]).map(norm));
    for (const d of it.decisions) {
      // A decision that is one whole sentence of decisionText: does the splitter give it?
      total++;
      if (a.has(norm(d))) ours++;
      if (b.has(norm(d))) comp++;
    }
  }
}
console.log(JSON.stringify({ decisions: total, ownSplitterExact: ours, compromiseExact: comp }));
