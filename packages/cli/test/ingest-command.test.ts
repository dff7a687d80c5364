/**
 * `minutes ingest`, `status` and `reextract` on real files and a real SQLite file in a temp
 * folder, in-process (main()). One inbox evolves through the tests: first run, re-run, a changed
 * file, bad files, a second format of a stored meeting, re-extraction, the lock.
 * Expected row counts come from running ingest → extract on the same files, so they are exact.
 */
import { spawn } from "node:child_process";
import { appendFile, copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { extract } from "@minutes/extract";
import { ingest } from "@minutes/ingest";
import { openStore, type Store } from "@minutes/store";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/main.ts";

process.env.MINUTES_LOG_LEVEL = "silent";
const ROOT = resolve(import.meta.dirname, "../../..");

async function minutes(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  let stdout = "";
  out.on("data", (d) => (stdout += d));
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(args, out);
    return { code, stdout, stderr };
  } finally {
    spy.mockRestore();
  }
}

let dir: string;
let inbox: string;
let db: string;
const SEEDS = ["000", "001", "002", "003", "004"];

/** What extract finds in a file: the expected rows per table. */
async function expected(files: string[]) {
  const sum = { items: 0, recommendations: 0, decisions: 0, actions: 0, participations: 0 };
  for (const f of files) {
    const m = extract(await ingest(f));
    sum.items += m.items.length;
    sum.participations += m.participants.length;
    for (const i of m.items) {
      sum.recommendations += i.recommendations.length;
      sum.decisions += i.decisions.length;
      sum.actions += i.actions.length;
    }
  }
  return sum;
}

async function tableCounts(): Promise<Record<string, number>> {
  const store = await openStore(db, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ["documents", "meetings", "items", "recommendations", "decisions", "actions", "action_owners", "participations", "persons", "person_aliases", "warnings", "attachments"]) {
      out[t] = (await store.backend.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))!.n;
    }
    return out;
  } finally {
    await store.close();
  }
}

async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore(db, { readonly: true });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "minutes-ingest-"));
  inbox = join(dir, "inbox");
  db = join(dir, "minutes.db");
  await mkdir(join(inbox, "2021"), { recursive: true });
  for (const s of SEEDS) await copyFile(join(ROOT, "fixtures/seeds", `${s}.txt`), join(inbox, s < "003" ? "2021" : "", `${s}.txt`));
  await copyFile(join(ROOT, "fixtures/extract/own-godkendt.txt"), join(inbox, "own-godkendt.txt"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("minutes ingest", () => {
  let first: Record<string, number>;

  it("stores every file under the folder, recursively, and says so", async () => {
    const r = await minutes("ingest", inbox, "--db", db, "--format", "json");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ files: 6, new: 6, updated: 0, unchanged: 0, failed: 0, status: "finished", runId: 1, failures: [] });
    const files = [...SEEDS.map((s) => join(inbox, s < "003" ? "2021" : "", `${s}.txt`)), join(inbox, "own-godkendt.txt")];
    first = await tableCounts();
    expect(first).toMatchObject({ documents: 6, meetings: 6, ...(await expected(files)) });
    const docs = await withStore((s) => s.documents());
    // In the order of the walk: names sorted, folders where they sort.
    expect(docs.map((d) => [d.path.slice(inbox.length + 1), d.status, d.format, d.isPrimary])).toEqual([
      ["003.txt", "stored", "txt", true],
      ["004.txt", "stored", "txt", true],
      ["2021/000.txt", "stored", "txt", true],
      ["2021/001.txt", "stored", "txt", true],
      ["2021/002.txt", "stored", "txt", true],
      ["own-godkendt.txt", "stored", "txt", true],
    ]);
  });

  it("adds nothing when run again over the same folder", async () => {
    const r = await minutes("ingest", inbox, "--db", db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Ingested 6 files into .* \(run 2\)\n +new +0\n +updated +0\n +unchanged +6\n +failed +0\n$/);
    expect(await tableCounts()).toEqual(first);
    expect((await withStore((s) => s.runs())).map((x) => [x.id, x.status, x.new, x.unchanged])).toEqual([
      [2, "finished", 0, 6],
      [1, "finished", 6, 0],
    ]);
  });

  it("replaces the rows of a changed file, keeping its document id", async () => {
    const file = join(inbox, "2021/002.txt");
    const before = (await withStore((s) => s.findByPath(file)))!;
    await appendFile(file, "\nReferent: Sekretariatet\n");
    const r = await minutes("ingest", inbox, "--db", db, "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ new: 0, updated: 1, unchanged: 5, failed: 0 });
    const after = (await withStore((s) => s.findByPath(file)))!;
    expect(after.id).toBe(before.id);
    expect(after.sha256).not.toBe(before.sha256);
    const counts = await tableCounts();
    expect(counts.documents).toBe(6);
    expect(counts.meetings).toBe(6);
    // Exactly the new version's rows for that document; the others untouched.
    const mine = await expected([file]);
    const itemsOfDoc = await withStore(async (s) => (await s.items()).filter((i) => i.source.documentId === after.id).length);
    expect(itemsOfDoc).toBe(mine.items);
    expect(counts.items).toBe(first.items! - (await expected([join(ROOT, "fixtures/seeds/002.txt")])).items + mine.items);
  });

  it("records files that fail, stores the rest, and exits 1", async () => {
    await writeFile(join(inbox, "empty.pdf"), "");
    await writeFile(join(inbox, "broken.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nthis is not a pdf\n");
    await writeFile(join(inbox, "photo.bin"), Buffer.from([0, 1, 2, 3, 255, 0, 0, 9, 8, 7, 0, 0]));
    await copyFile(join(ROOT, "fixtures/seeds/000.docx"), join(inbox, "000.docx"));
    const r = await minutes("ingest", inbox, "--db", db);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ +new +1\n +updated +0\n +unchanged +6\n +failed +3\n/);
    expect(r.stdout).toMatch(/1 file joined a meeting already stored from another file \(its PDF beside its DOCX\): each meeting counts once/);
    expect(r.stdout).toMatch(/Failed:\n/);
    expect(r.stdout).toMatch(/empty\.pdf {2}ingest\/empty: /);
    expect(r.stdout).toMatch(/photo\.bin {2}ingest\/unknown-format: /);
    expect(r.stdout).toMatch(/broken\.pdf {2}ingest\/corrupt: /);
    const failed = await withStore((s) => s.documents({ status: "failed" }));
    expect(failed.map((d) => [d.file, d.error?.stage, d.error?.code])).toEqual([
      ["broken.pdf", "ingest", "corrupt"],
      ["empty.pdf", "ingest", "empty"],
      ["photo.bin", "ingest", "unknown-format"],
    ]);
    // The DOCX of 000 joined the meeting of 000.txt: one meeting, two files, the DOCX primary.
    const counts = await tableCounts();
    expect(counts).toMatchObject({ documents: 10, meetings: 6 });
    const meeting = await withStore(async (s) => (await s.meetings()).find((m) => m.date === "2021-08-13")!);
    expect(meeting.documents.map((d) => d.format)).toEqual(["txt", "docx"]);
    expect(meeting.primaryDocumentId).toBe(meeting.documents[1]!.id);
    const [run] = await withStore((s) => s.runs(1));
    expect(run).toMatchObject({ status: "finished", files: 10, new: 1, unchanged: 6, failed: 3 });
    expect(run!.failures.map((f) => f.code).sort()).toEqual(["corrupt", "empty", "unknown-format"]);
  });

  it("status shows totals, the lock and the last runs", async () => {
    const text = await minutes("status", "--db", db);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/schema 4, journal wal\n {2}documents 10 \(7 stored, 3 failed\) {3}meetings 6 /);
    expect(text.stdout).toMatch(/lock: free/);
    expect(text.stdout).toMatch(/run 4 failed: .*broken\.pdf {2}ingest\/corrupt/);
    const json = JSON.parse((await minutes("status", "--db", db, "--format", "json")).stdout);
    expect(json.totals).toMatchObject({ documents: 10, stored: 7, failed: 3, meetings: 6 });
    expect(json.runs.map((r: { id: number }) => r.id)).toEqual([4, 3, 2, 1]);
  });

  it("reextract reads documents of an older extractor again; a file that is gone is recorded", async () => {
    await rm(join(inbox, "broken.pdf"));
    await rm(join(inbox, "empty.pdf"));
    await rm(join(inbox, "photo.bin"));
    const store = await openStore(db);
    await store.backend.run("UPDATE documents SET extractor_version = '0.0.1' WHERE file IN ('001.txt', '003.txt')");
    await store.close();
    await rm(join(inbox, "003.txt"));
    const r = await minutes("reextract", "--db", db, "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 2, updated: 1, failed: 1, failures: [{ path: join(inbox, "003.txt"), stage: "ingest", code: "not-found" }] });
    const docs = await withStore((s) => s.documents({ status: "stored" }));
    const version = (file: string) => docs.find((d) => d.file === file)!.extractorVersion;
    expect(version("001.txt")).not.toBe("0.0.1");
    expect(version("003.txt")).toBe("0.0.1"); // kept as stored, still listed for the next reextract
    expect((await tableCounts()).documents).toBe(10);
  });

  it("exits 3 with a clear message while another process holds the lock, and takes over a dead one", async () => {
    const child = spawn("sleep", ["60"], { stdio: "ignore" });
    const exited = new Promise((r) => child.on("exit", r));
    const store = await openStore(db);
    await store.backend.run("INSERT INTO run_lock (id, pid, host, acquired_at) VALUES (1, ?, ?, '2024-01-01T00:00:00Z')", [child.pid!, hostname()]);
    await store.backend.close();
    const r = await minutes("ingest", inbox, "--db", db, "--wait", "0.2");
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`another run is writing to this store: pid ${child.pid} on .*\\nTry again later, or wait for it with --wait SECONDS`));
    child.kill("SIGKILL");
    await exited;
    const again = await minutes("ingest", inbox, "--db", db, "--format", "json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, unchanged: 6 });
  });

  it("exits 2 on usage errors", async () => {
    expect((await minutes("ingest", "--db", db)).code).toBe(2);
    expect((await minutes("ingest", join(dir, "nowhere"), "--db", db)).stderr).toMatch(/no such file or folder/);
    expect((await minutes("ingest", inbox, "--db", db, "--wait", "soon")).code).toBe(2);
    expect((await minutes("ingest", inbox, "--db", db, "--format", "xml")).code).toBe(2);
    expect((await minutes("status", "--db", join(dir, "none.db"))).code).toBe(2);
    expect((await minutes("reextract", inbox)).code).toBe(2);
  });
});
