/**
 * Analysts read while a run writes: a `minutes ingest` child process stores 100 documents while
 * three reader processes (reader-process.ts: two keep one read-only connection like `minutes
 * serve`, one opens and closes it every round like `minutes report`) run status, search, items,
 * actions, meetings and persons in a loop against the same file. No "database is locked", no
 * error at all, and every reader sees the number of stored documents only grow. The store was
 * created and closed before (no -wal/-shm files): the readers' read-only opens make them.
 *
 * Also: a read-only open in a folder the reader cannot write, with no writer around, says why
 * it cannot open (where this process may make a read-only bind mount; skipped elsewhere).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openStore } from "@minutes/store";
import { expect, it } from "vitest";
import { checkStore, ROOT, spawnMinutes, useInbox } from "./store-checks.ts";

const DOCUMENTS = 100;
const READERS = ["keep", "keep", "reopen"] as const;

const files = useInbox("minutes-readers-", DOCUMENTS);

interface ReaderReport {
  mode: string;
  rounds: number;
  queries: number;
  seen: number[];
  errors: { code: string | null; message: string }[];
}

function startReader(db: string, stopFile: string, mode: string): Promise<ReaderReport> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "packages/cli/test/reader-process.ts"), db, stopFile, mode], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d));
  child.stderr.on("data", (d: Buffer) => (err += d));
  return new Promise((ok, fail) =>
    child.on("close", (code) => (code === 0 ? ok(JSON.parse(out) as ReaderReport) : fail(new Error(`reader ${mode} exited ${code}: ${err}`)))),
  );
}

it(`3 reader processes query while a run stores ${DOCUMENTS} documents: no lock errors, counts only grow`, { timeout: 120_000 }, async () => {
  const { dir, inbox, expected } = files;
  const db = join(dir, "minutes.db");
  const stopFile = join(dir, "stop");
  await (await openStore(db)).close();
  expect(existsSync(`${db}-shm`)).toBe(false);

  const readers = READERS.map((mode) => startReader(db, stopFile, mode));
  const writer = spawnMinutes(["ingest", inbox, "--db", db, "--format", "json"], { MINUTES_LOG_LEVEL: "warn" });
  const w = await writer.done;
  await writeFile(stopFile, "");
  const reports = await Promise.all(readers);

  expect(w.code, w.stderr.slice(-1500)).toBe(0);
  expect(JSON.parse(w.stdout)).toMatchObject({ files: DOCUMENTS, new: DOCUMENTS, failed: 0, status: "finished" });
  for (const r of reports) {
    expect(r.errors, r.mode).toEqual([]);
    for (let i = 1; i < r.seen.length; i++) expect(r.seen[i]!, `${r.mode}: round ${i}`).toBeGreaterThanOrEqual(r.seen[i - 1]!);
    // They read while the writer wrote, not only before or after it.
    expect(r.seen.some((n) => n > 0 && n < DOCUMENTS), `${r.mode} saw a run in progress: ${r.seen.join(",")}`).toBe(true);
  }
  expect((await checkStore(db, expected)).length).toBe(DOCUMENTS);
  expect((await spawnMinutes(["status", "--db", db]).done).stdout).toMatch(`documents ${DOCUMENTS} (${DOCUMENTS} stored, 0 failed)`);
  const queries = reports.reduce((n, r) => n + r.queries, 0);
  const during = reports.reduce((n, r) => n + r.seen.filter((x) => x > 0 && x < DOCUMENTS).length, 0);
  console.log(
    `concurrent readers: ${reports.length} processes (${READERS.join(", ")}), ${reports.reduce((n, r) => n + r.rounds, 0)} rounds, ` +
      `${queries} queries (${during} rounds while the run was half-way), 0 errors; writer stored ${DOCUMENTS}`,
  );
});

it("a read-only open where neither the folder nor a -shm file lets it share the WAL says why", async (ctx) => {
  const src = join(files.dir, "ro-src");
  const ro = join(files.dir, "ro");
  await mkdir(src);
  await mkdir(ro);
  const made = await openStore(join(src, "minutes.db"));
  await made.close();
  try {
    execFileSync("mount", ["--bind", src, ro], { stdio: "ignore" });
  } catch {
    ctx.skip();
  }
  try {
    execFileSync("mount", ["-o", "remount,bind,ro", ro], { stdio: "ignore" });
    const db = join(ro, "minutes.db");
    await expect(openStore(db, { readonly: true })).rejects.toThrow(
      `cannot open ${db} read-only: it is a WAL database, its folder is not writable for this user, and there is no ${db}-shm file`,
    );
    // With a writer around (its -shm exists), the same reader reads.
    const writer = await openStore(join(src, "minutes.db"));
    const reader = await openStore(db, { readonly: true });
    expect((await reader.status()).totals.documents).toBe(0);
    await reader.close();
    await writer.close();
  } finally {
    execFileSync("umount", [ro]);
  }
});
