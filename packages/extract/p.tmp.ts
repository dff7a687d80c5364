import { ingest } from "@minutes/ingest";
import { readFileSync } from "node:fs";
import { extractParticipants } from "./src/participants.ts";
for (const s of ["000","001","002","003","004"]) {
  const d = await ingest(`../../fixtures/seeds/${s}.txt`);
  const r = extractParticipants(d.lines);
  const gold = JSON.parse(readFileSync(`../../fixtures/gold/${s}.json`, "utf8")).participants;
  console.log("===", s, "used", r.usedLines.join(","), JSON.stringify(r.warnings));
  const key = (p: any) => `${p.name}|${p.title}|${p.organization}|${p.status}`;
  const gk = new Set(gold.map(key)); const pk = new Set(r.participants.map(key));
  for (const p of r.participants) console.log(gk.has(key(p)) ? "  ok " : "  XX ", key(p));
  for (const g of gold) if (!pk.has(key(g))) console.log("  MISSING", key(g));
}
