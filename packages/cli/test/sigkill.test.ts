/**
 * A run killed with SIGKILL in the middle leaves a consistent store, and the next run completes
 * the work: a child process ingests 60 documents, is killed once some are stored, then the
 * database passes integrity and foreign key checks, holds only whole documents, and a second run
 * stores the rest so that every document is there exactly once.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { extract } from "@minutes/extract";
import { ingest } from "@minutes/ingest";
import { openStore } from "@minutes/store";
import { afterAll, expect, it } from "vitest";
import { main } from "../src/main.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const SEEDS = ["000", "001", "002", "003", "004"];
const COPIES = 12;
let dir: string;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("survives SIGKILL mid-run; the next run stores every document exactly once", async () => {
  dir = await mkdtemp(join(tmpdir(), "minutes-sigkill-"));
  const inbox = join(dir, "inbox");
  const db = join(dir, "minutes.db");
  await mkdir(inbox);
  const itemsPerSeed = new Map<string, number>();
  for (const s of SEEDS) {
    const text = await readFile(join(ROOT, "fixtures/seeds", `${s}.txt`), "utf8");
    for (let i = 0; i < COPIES; i++) {
      // Changed bytes (a distinct sha256 per copy), same meeting.
      await writeFile(join(inbox, `${s}-${String(i).padStart(2, "0")}.txt`), `${text}\n\nKopi nr. ${i}\n`);
    }
    itemsPerSeed.set(s, extract(await ingest(join(inbox, `${s}-00.txt`))).items.length);
  }

  // The child: the real CLI, logging a JSON line per stored file on stderr.
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "packages/cli/src/main.ts"), "ingest", inbox, "--db", db], {
    cwd: ROOT,
    env: { ...process.env, MINUTES_LOG_LEVEL: "info" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on("exit", (_code, signal) => r(signal)));
  let stored = 0;
  await new Promise<void>((resolveKill, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      stored += (String(d).match(/"msg":"new"/g) ?? []).length;
      if (stored >= 8 && child.exitCode === null && !child.killed) {
        child.kill("SIGKILL");
        resolveKill();
      }
    });
    child.on("exit", () => (stored < 8 ? reject(new Error(`child ended after ${stored} documents`)) : resolveKill()));
  });
  expect(await exited).toBe("SIGKILL");

  // The killed run's database: consistent, whole documents only, the run still marked running.
  const raw = (await openStore(db, { readonly: true })).backend;
  expect(await raw.all("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  expect(await raw.all("PRAGMA foreign_key_check")).toEqual([]);
  const docs = await raw.all<{ file: string; status: string; items: number }>(
    "SELECT d.file, d.status, (SELECT COUNT(*) FROM items i WHERE i.document_id = d.id) AS items FROM documents d",
  );
  expect(docs.length).toBeGreaterThanOrEqual(8);
  expect(docs.length).toBeLessThan(SEEDS.length * COPIES);
  for (const d of docs) expect([d.file, d.status, d.items]).toEqual([d.file, "stored", itemsPerSeed.get(d.file.slice(0, 3))]);
  expect(await raw.all("SELECT status FROM runs")).toEqual([{ status: "running" }]);
  expect(await raw.all("SELECT pid FROM run_lock")).toEqual([{ pid: child.pid }]);
  await raw.close();

  // The next run takes over the dead run's lock and completes the work.
  process.env.MINUTES_LOG_LEVEL = "silent";
  const out = new PassThrough();
  let stdout = "";
  out.on("data", (d) => (stdout += d));
  expect(await main(["ingest", inbox, "--db", db, "--format", "json"], out)).toBe(0);
  const summary = JSON.parse(stdout);
  expect(summary).toMatchObject({ files: 60, new: 60 - docs.length, unchanged: docs.length, updated: 0, failed: 0 });

  const after = (await openStore(db, { readonly: true })).backend;
  expect(await after.all("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  expect(await after.all("PRAGMA foreign_key_check")).toEqual([]);
  expect(await after.get("SELECT COUNT(*) AS n, COUNT(DISTINCT path) AS paths, COUNT(DISTINCT sha256) AS shas FROM documents WHERE status = 'stored'")).toEqual({
    n: 60,
    paths: 60,
    shas: 60,
  });
  const expectedItems = SEEDS.reduce((n, s) => n + COPIES * itemsPerSeed.get(s)!, 0);
  expect(await after.get("SELECT COUNT(*) AS n FROM items")).toEqual({ n: expectedItems });
  // Twelve copies of each seed are twelve files of one meeting.
  expect(await after.get("SELECT COUNT(*) AS n FROM meetings")).toEqual({ n: SEEDS.length });
  expect(await after.all("SELECT id, status FROM runs ORDER BY id")).toEqual([
    { id: 1, status: "aborted" },
    { id: 2, status: "finished" },
  ]);
  expect(await after.get("SELECT COUNT(*) AS n FROM run_lock")).toEqual({ n: 0 });
  await after.close();
});
