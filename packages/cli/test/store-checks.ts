/**
 * Shared by the crash, full-disk and concurrency tests: an inbox of many small distinct text
 * documents, what extract finds in each (so stored rows can be compared exactly), the CLI as a
 * child process, and the checks a store must pass after anything happened to its writer.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { extract } from "@minutes/extract";
import { ingest } from "@minutes/ingest";
import { indexTerms, openStore, type Store } from "@minutes/store";
import { afterAll, beforeAll, expect } from "vitest";

export const ROOT = resolve(import.meta.dirname, "../../..");
const SOURCES = [
  "fixtures/seeds/000.txt",
  "fixtures/seeds/001.txt",
  "fixtures/seeds/002.txt",
  "fixtures/seeds/003.txt",
  "fixtures/seeds/004.txt",
  "fixtures/extract/own-godkendt.txt",
];

/** Rows extract gives for one file: what a whole stored document has. */
export interface Expected {
  items: number;
  recommendations: number;
  decisions: number;
  actions: number;
  participations: number;
}

/**
 * `n` text documents in `inbox`: copies of the bundled text fixtures, each with a line of its
 * own at the end (so each sha256 differs; copies of one fixture are files of one meeting).
 * Returns what extract finds in each, by absolute path.
 */
export async function makeInbox(inbox: string, n: number, extraLine = (i: number) => `Kopi nr. ${i}`): Promise<Map<string, Expected>> {
  await mkdir(inbox, { recursive: true });
  const texts = await Promise.all(SOURCES.map((s) => readFile(join(ROOT, s), "utf8")));
  const expected = new Map<string, Expected>();
  for (let i = 0; i < n; i++) {
    const path = join(inbox, `${String(i).padStart(4, "0")}-${SOURCES[i % SOURCES.length]!.split("/").pop()}`);
    await writeFile(path, `${texts[i % texts.length]}\n\n${extraLine(i)}\n`);
    const m = extract(await ingest(path));
    expected.set(path, {
      items: m.items.length,
      recommendations: m.items.reduce((k, it) => k + it.recommendations.length, 0),
      decisions: m.items.reduce((k, it) => k + it.decisions.length, 0),
      actions: m.items.reduce((k, it) => k + it.actions.length, 0),
      participations: m.participants.length,
    });
  }
  return expected;
}

/**
 * A temp folder with an inbox of `n` documents for the tests of one file: made before them,
 * removed after them. The fields are filled in when the tests run.
 */
export function useInbox(prefix: string, n: number): { dir: string; inbox: string; expected: Map<string, Expected> } {
  const it = { dir: "", inbox: "", expected: new Map<string, Expected>() };
  beforeAll(async () => {
    it.dir = await mkdtemp(join(tmpdir(), prefix));
    it.inbox = join(it.dir, "inbox");
    it.expected = await makeInbox(it.inbox, n);
  });
  afterAll(async () => {
    if (it.dir) await rm(it.dir, { recursive: true, force: true });
  });
  return it;
}

export function sumExpected(e: Iterable<Expected>): Expected {
  const out: Expected = { items: 0, recommendations: 0, decisions: 0, actions: 0, participations: 0 };
  for (const x of e) for (const k of Object.keys(out) as (keyof Expected)[]) out[k] += x[k];
  return out;
}

/** `minutes ARGS…` as a child process (the real CLI through tsx), stderr piped. */
export function spawnMinutes(args: string[], env: Record<string, string> = {}): ChildProcess & { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "packages/cli/src/main.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, MINUTES_LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d));
  child.stderr!.on("data", (d: Buffer) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((ok) =>
    child.on("close", (code, signal) => ok({ code, signal, stdout, stderr })),
  );
  return Object.assign(child, { done });
}

/** Seeded random numbers in [0, 1) (mulberry32): the same seed, the same kill points. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEARCH_CODE = { items: [1, 2], recommendations: [3], decisions: [4], actions: [5] } as const;

/**
 * What must hold after anything happened to a writer (kill, full disk), read through a read-only
 * open as an analyst would: the file is sound (integrity, foreign keys), every stored document is
 * whole (exactly the rows extract gives for its file), the search index holds exactly the stored
 * texts, and nothing hangs loose (meetings without documents, persons no one mentions, a meeting
 * without exactly one primary document). Returns the paths of the stored documents.
 */
export async function checkStore(db: string, expected: Map<string, Expected>): Promise<string[]> {
  const store = await openStore(db, { readonly: true });
  try {
    const q = store.backend;
    expect(await q.all("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(await q.all("PRAGMA foreign_key_check")).toEqual([]);
    const docs = await q.all<Expected & { path: string; status: string; meeting_id: number | null }>(
      `SELECT d.path, d.status, d.meeting_id,
         (SELECT COUNT(*) FROM items i WHERE i.document_id = d.id) AS items,
         (SELECT COUNT(*) FROM recommendations r JOIN items i ON i.id = r.item_id WHERE i.document_id = d.id) AS recommendations,
         (SELECT COUNT(*) FROM decisions x JOIN items i ON i.id = x.item_id WHERE i.document_id = d.id) AS decisions,
         (SELECT COUNT(*) FROM actions a JOIN items i ON i.id = a.item_id WHERE i.document_id = d.id) AS actions,
         (SELECT COUNT(*) FROM participations p WHERE p.document_id = d.id) AS participations
       FROM documents d ORDER BY d.id`,
    );
    for (const d of docs) {
      const { path, status, meeting_id, ...rows } = d;
      expect([path, status, meeting_id !== null, rows]).toEqual([path, "stored", true, expected.get(path)]);
    }
    expect(await q.get("SELECT COUNT(*) AS n FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.meeting_id = m.id)")).toEqual({ n: 0 });
    expect(
      await q.get(
        "SELECT COUNT(*) AS n FROM meetings m WHERE (SELECT COUNT(*) FROM documents d WHERE d.meeting_id = m.id AND d.is_primary = 1) <> 1",
      ),
    ).toEqual({ n: 0 });
    expect(
      await q.get(
        `SELECT COUNT(*) AS n FROM persons p WHERE NOT EXISTS (SELECT 1 FROM participations x WHERE x.person_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM action_owners o WHERE o.person_id = p.id)`,
      ),
    ).toEqual({ n: 0 });
    expect(await searchIndexRows(store)).toEqual(await expectedSearchRows(store));
    return docs.map((d) => d.path);
  } finally {
    await store.close();
  }
}

async function searchIndexRows(store: Store): Promise<number[]> {
  return (await store.backend.all<{ rowid: number }>("SELECT rowid FROM search_fts ORDER BY rowid")).map((r) => r.rowid);
}

/** The index row ids the stored texts should have: one per text with terms (search-sqlite.ts). */
async function expectedSearchRows(store: Store): Promise<number[]> {
  const ids: number[] = [];
  for (const [table, codes] of Object.entries(SEARCH_CODE)) {
    const columns = table === "items" ? "title AS a, decision_text AS b" : "text AS a, NULL AS b";
    for (const r of await store.backend.all<{ id: number; a: string; b: string | null }>(`SELECT id, ${columns} FROM ${table}`)) {
      [r.a, r.b].forEach((text, i) => {
        if (codes[i] !== undefined && indexTerms(text ?? "")) ids.push(r.id * 8 + codes[i]!);
      });
    }
  }
  return ids.sort((a, b) => a - b);
}
