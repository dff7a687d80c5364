import { ingest } from "@minutes/ingest";
import { readFileSync } from "node:fs";
import { extractMeeting } from "./src/meeting.ts";
for (const s of ["000","001","002","003","004"]) {
  const d = await ingest(`../../fixtures/seeds/${s}.txt`);
  const r = extractMeeting(d.lines);
  const gold = JSON.parse(readFileSync(`../../fixtures/gold/${s}.json`, "utf8")).meeting;
  console.log("===", s, "used", r.usedLines.join(","), JSON.stringify(r.warnings));
  for (const k of Object.keys(gold)) { const a=(r.meeting as any)[k], b=gold[k]; console.log(a===b?"  ok ":"  XX ", k, JSON.stringify(a), a===b?"":"gold="+JSON.stringify(b)); }
}
