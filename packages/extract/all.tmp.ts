import { readFileSync } from "node:fs";
import { ingest } from "@minutes/ingest";
import { extractParticipants } from "./src/participants.ts";
import { extractMeeting } from "./src/meeting.ts";
const man = JSON.parse(readFileSync("../../fixtures/eval-manifest.json", "utf8"));
const only = process.argv[2];
for (const e of man.entries) {
  if (e.set === "scanned") continue;
  if (only && !e.document.includes(only)) continue;
  let d;
  try { d = await ingest("../../" + e.document, { ocr: "off" }); } catch (err) { console.log("!!", e.document, String(err).slice(0, 100)); continue; }
  const gold = JSON.parse(readFileSync("../../" + e.gold, "utf8"));
  const r = extractParticipants(d.lines); const m = extractMeeting(d.lines);
  const norm = (s: string) => s.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, " ").replace(/\s+/g, " ").trim();
  const key = (p: any) => `${norm(p.name)}|${p.status}`;
  const g = gold.participants.map(key), p = r.participants.map(key);
  const tp = p.filter((k: string) => g.includes(k)).length;
  const f1 = !g.length && !p.length ? 1 : tp ? 2 * tp / (p.length + g.length) : 0;
  const fields = ["body","cluster","kind","number","date"];
  const bad = Object.keys(gold.meeting).filter(k => (m.meeting as any)[k] !== gold.meeting[k]);
  console.log(`${e.document.padEnd(45)} F1 ${f1.toFixed(2)} meeting ${fields.filter(f=>!bad.includes(f)).length}/5  ${bad.map(k=>`${k}=${JSON.stringify((m.meeting as any)[k])}≠${JSON.stringify(gold.meeting[k])}`).join(" ")}`);
  if (f1 < 1) {
    const gs = gold.participants.map((x: any) => `${x.name}|${x.title}|${x.organization}|${x.status}`);
    const ps = r.participants.map((x: any) => `${x.name}|${x.title}|${x.organization}|${x.status}`);
    for (const x of ps) if (!gs.includes(x)) console.log("    XX", x);
    for (const x of gs) if (!ps.includes(x)) console.log("    MISSING", x);
  }
}
