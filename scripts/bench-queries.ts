/**
 * Report query latency on a large store: `pnpm bench:queries [--items N] [--runs R]`.
 *
 * Builds (once, cached under $TMPDIR/minutes-bench/) a store of N agenda items (default 100,000:
 * 10,000 meetings of 10 items) from generated minutes-json written through the store's own
 * saveDocument, then times every report query R times and prints p50/p95, plus the web page's
 * search over HTTP. Writes bench-results/queries.json.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Item, Minutes } from "@minutes/extract";
import { actionsReport, decisionsPerQuarter, decisionsReport, facets, meetingView, personReport, searchReport, serve, topicReport } from "@minutes/report";
import { openStore, type Store } from "@minutes/store";

const { values } = parseArgs({ options: { items: { type: "string", default: "100000" }, runs: { type: "string", default: "40" }, rebuild: { type: "boolean" } } });
const ITEMS = Number(values.items);
const RUNS = Number(values.runs);
const PER_MEETING = 10;

// A small deterministic PRNG (mulberry32): the same store every time.
let seed = 42;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const FIRST = ["Anne", "Bente", "Charlotte", "Dorte", "Eva", "Hanne", "Inge", "Jan", "Jens", "Karen", "Lars", "Lise", "Mette", "Niels", "Ole", "Peter", "Rikke", "Søren", "Tove", "Ulla"];
const LAST = ["Andersen", "Bech", "Christensen", "Dahl", "Eriksen", "Frost", "Hansen", "Holm", "Jensen", "Kjær", "Larsen", "Mortensen", "Nielsen", "Olsen", "Pedersen", "Rasmussen", "Sørensen", "Thomsen", "Vinther", "Ørum"];
const BODIES: [string, "Nord" | "Midt" | "Syd" | null][] = [
  ["Klyngestyregruppe Nord", "Nord"],
  ["Klyngestyregruppe Midt", "Midt"],
  ["Klyngestyregruppe Syd", "Syd"],
  ["Direktørforum – Sundhedsklynge Midt", "Midt"],
  ["Driftsgruppe Genoptræning – Sundhedsklynge Nord", "Nord"],
  ["Driftsforum Ældre og Demens – Sundhedsklynge Syd", "Syd"],
  ["Politisk Klynge Syd", "Syd"],
  ["Social- og Sundhedsudvalget", null],
];
const TOPICS = ["IPS", "sundhedshuse", "genoptræning", "akutpladser", "demens", "hjemmesygepleje", "udskrivning", "psykiatri", "KOL", "rehabilitering", "ernæring", "telemedicin", "rekruttering", "medicinhåndtering", "forebyggelse"];
const OUTCOMES: Item["outcome"][] = ["approved", "approved", "approved", "decided", "decided", "noted", "noted", "discussed", "postponed", "rejected", "withdrawn", "none"];
const PEOPLE = Array.from({ length: 400 }, (_, k) => `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]}`);

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function meeting(n: number): Minutes {
  const [body, cluster] = BODIES[n % BODIES.length]!;
  // Each body meets every few days, never twice on one day (two files of one body and date with
  // the same agenda would be one meeting).
  const date = new Date(Date.UTC(2012, 0, 1) + (Math.floor(n / BODIES.length) * 4 + Math.floor(rnd() * 4)) * 86_400_000);
  const people = Array.from({ length: 8 }, () => pick(PEOPLE));
  const items: Item[] = Array.from({ length: PER_MEETING }, (_, k) => {
    const topic = pick(TOPICS);
    const outcome = pick(OUTCOMES);
    const owner = pick(people);
    const due = new Date(date.getTime() + (14 + Math.floor(rnd() * 120)) * 86_400_000);
    const line = 10 + k * 12;
    return {
      number: String(k + 1),
      title: `${pick(["Status på", "Drøftelse af", "Godkendelse af", "Orientering om", "Opfølgning på"])} ${topic} i ${body}`,
      presenter: rnd() < 0.5 ? owner : null,
      attachments: rnd() < 0.3 ? [`Notat om ${topic}`] : [],
      recommendations: [`at ${body.split(" ")[0]} godkender indsatsen for ${topic}`, `at sekretariatet følger op på ${topic}`],
      decisionText: outcome === "none" ? null : `Punktet om ${topic} blev drøftet. Indstillingen blev godkendt med bemærkninger om ${pick(TOPICS)}.`,
      outcome,
      decisions: outcome === "none" ? [] : [`Indstillingen om ${topic} blev godkendt.`],
      actions:
        rnd() < 0.6
          ? [
              {
                text: `${owner} udarbejder et notat om ${topic}`,
                owners: [owner],
                deadline: rnd() < 0.8 ? isoDay(due) : null,
                deadlineText: "senest " + isoDay(due),
                at: { page: 1, line: line + 6 },
              },
            ]
          : [],
      span: { page: 1 + Math.floor(k / 4), startLine: line, endLine: line + 10, endPage: 1 + Math.floor(k / 4) },
    };
  });
  return {
    schema: "minutes-json/1",
    source: { file: `m${n}.pdf`, sha256: createHash("sha256").update(`m${n}`).digest("hex"), format: "pdf", pages: 3 },
    meeting: { body, cluster, kind: "referat", number: null, date: isoDay(date), startTime: "10:00", endTime: "12:00", location: null },
    participants: [...new Set(people)].map((name) => ({ name, title: null, organization: null, status: "present" as const })),
    items,
    warnings: [],
    extractor: "bench",
  };
}

async function build(path: string): Promise<void> {
  const store = await openStore(path);
  const meetings = Math.ceil(ITEMS / PER_MEETING);
  const started = performance.now();
  for (let n = 0; n < meetings; n++) {
    const m = meeting(n);
    await store.saveDocument({ document: { path: `/archive/m${n}.pdf`, sha256: m.source.sha256, format: "pdf", pages: 3, bytes: 100_000 }, minutes: m });
    if (n % 1000 === 999) process.stderr.write(`bench: ${n + 1}/${meetings} meetings stored (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  await store.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(label: string, f: () => Promise<unknown>): Promise<{ query: string; p50: number; p95: number; rows: number }> {
  let rows = 0;
  const r = await f(); // warm
  rows = Array.isArray((r as { rows?: unknown[] })?.rows) ? (r as { rows: unknown[] }).rows.length : 0;
  const ms: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { query: label, p50: percentile(ms, 50), p95: percentile(ms, 95), rows };
}

const dir = join(tmpdir(), "minutes-bench");
await mkdir(dir, { recursive: true });
const db = join(dir, `queries-${ITEMS}.db`);
if (values.rebuild || !existsSync(db)) {
  process.stderr.write(`bench: building a store of ${ITEMS} items at ${db} …\n`);
  const { rm } = await import("node:fs/promises");
  for (const f of [db, `${db}-wal`, `${db}-shm`]) await rm(f, { force: true });
  await build(db);
}
// A cache written by an older schema is brought up to date (the migrations run on a writing open).
await (await openStore(db)).close();
const store: Store = await openStore(db, { readonly: true });
const total = (await store.status(0)).totals;
const person = PEOPLE[7]!;
const meetingId = (await store.meetings({ cluster: "Syd" }))[0]!.id;
const today = "2024-06-01";
const results = [
  await time("decisions (no filter, newest 200)", () => decisionsReport(store, { limit: 200 })),
  await time("decisions --cluster Syd --from 2021 --to 2021", () => decisionsReport(store, { cluster: "Syd", from: "2021-01-01", to: "2021-12-31", limit: 1000 })),
  await time("decisions --outcome rejected --body …", () => decisionsReport(store, { outcome: "rejected", body: "Klyngestyregruppe Midt", limit: 1000 })),
  await time("decisions --search IPS", () => decisionsReport(store, { search: "IPS", limit: 1000 })),
  await time("actions --open (soonest 500)", () => actionsReport(store, { open: true, today, limit: 500 })),
  await time("actions --overdue --due-before 2013-01-01", () => actionsReport(store, { overdue: true, dueBefore: "2013-01-01", today, limit: 500 })),
  await time(`actions --owner "${person}"`, () => actionsReport(store, { owner: person, today, limit: 500 })),
  await time(`person "${person}"`, () => personReport(store, person, { today })),
  await time("topic sundhedshuse", () => topicReport(store, "sundhedshuse")),
  await time("search genoptræning", () => searchReport(store, "genoptræning")),
  await time("meeting ID", () => meetingView(store, String(meetingId))),
  await time("chart: decisions per cluster per quarter (Syd 2020)", () => decisionsPerQuarter(store, { cluster: "Syd", from: "2020-01-01", to: "2020-12-31" })),
  await time("page filters (facets)", () => facets(store)),
];
// The page's search, over HTTP as the browser asks it.
const { server, url } = await serve(store);
results.push(await time("web: GET /api/search?q=demens", async () => (await fetch(`${url}api/search?q=demens`)).json()));
server.close();
await store.close();

const width = Math.max(...results.map((r) => r.query.length));
const out = [`Report query latency · ${total.items} items, ${total.meetings} meetings, ${total.actions} actions · ${RUNS} runs each`, ""];
out.push(`${"query".padEnd(width)}   p50 ms   p95 ms   rows`);
for (const r of results) out.push(`${r.query.padEnd(width)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p95.toFixed(1).padStart(7)}  ${String(r.rows).padStart(5)}`);
process.stdout.write(out.join("\n") + "\n");
await mkdir("bench-results", { recursive: true });
await writeFile("bench-results/queries.json", JSON.stringify({ items: total.items, meetings: total.meetings, actions: total.actions, runs: RUNS, results }, null, 2) + "\n");
