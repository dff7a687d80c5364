/**
 * A full disk during `minutes ingest`: the run stops at the document that does not fit, says so
 * on stderr, exits 1, and leaves an intact store (integrity and foreign keys, whole documents
 * only, the failing one without a row); a later run with room stores the rest.
 *
 * Two ways to fill it: a size limit on the database (MINUTES_DB_MAX_PAGES → PRAGMA
 * max_page_count), always; and a real small tmpfs, where the process may mount one (root with
 * CAP_SYS_ADMIN; skipped elsewhere).
 */
import { execFileSync } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@minutes/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkStore, spawnMinutes, useInbox } from "./store-checks.ts";

const DOCUMENTS = 40;
const files = useInbox("minutes-full-", DOCUMENTS);
let mounted: string | null = null;

/** Whether this process may mount a tmpfs at `at` (then it is unmounted after the tests). */
function tryMount(at: string, size: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", at], { stdio: "ignore" });
    mounted = at;
    return true;
  } catch {
    return false;
  }
}

/**
 * The run that hits the full disk, then the checks and the run with room (`makeRoom` first).
 * `exact`: the run's own record must say why it stopped. With a size limit it always fits (an
 * update of a page the file has); on a really full disk even that may not fit, and then the run
 * stays "running", still holding the lock, and the next run marks it aborted and takes over.
 */
async function fullThenRoom(db: string, env: Record<string, string>, makeRoom: () => void, exact: boolean): Promise<{ stored: number }> {
  const { inbox, expected } = files;
  const r = await spawnMinutes(["ingest", inbox, "--db", db, "--format", "json"], env).done;
  expect(r.code, r.stderr.slice(-1500)).toBe(1);
  const summary = JSON.parse(r.stdout);
  expect(summary).toMatchObject({ files: DOCUMENTS, status: "interrupted", stopped: "the database is full (database or disk is full)", failed: 0, updated: 0 });
  const stored = summary.new as number;
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(DOCUMENTS);
  expect(r.stderr).toContain(
    `minutes: the database is full (database or disk is full): stopped after ${stored} of ${DOCUMENTS} files; ${stored} documents stored by this run, ` +
      "each whole; the one being written was rolled back, nothing partial. Make room (or raise MINUTES_DB_MAX_PAGES) and run again: stored files are skipped.\n",
  );

  // Intact: whole documents only — the ones before the stop — and no row of the one that failed.
  const paths = await checkStore(db, expected);
  expect(paths).toEqual([...expected.keys()].slice(0, stored));
  const s = await openStore(db, { readonly: true });
  try {
    const [run] = await s.runs(1);
    expect(run).toMatchObject({ new: stored, failures: [] });
    if (exact || run!.status === "interrupted") {
      expect(run).toMatchObject({ status: "interrupted", stopReason: "the database is full (database or disk is full)" });
      expect(await s.lockHolder()).toBeNull();
    } else expect(run!.status).toBe("running");
  } finally {
    await s.close();
  }
  if (exact) expect((await spawnMinutes(["status", "--db", db]).done).stdout).toMatch(/run 1 stopped: the database is full \(database or disk is full\)/);

  makeRoom();
  const again = await spawnMinutes(["ingest", inbox, "--db", db, "--format", "json"]).done;
  expect(again.code, again.stderr.slice(-1500)).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({ new: DOCUMENTS - stored, unchanged: stored, failed: 0, status: "finished" });
  expect((await checkStore(db, expected)).length).toBe(DOCUMENTS);
  const after = await openStore(db, { readonly: true });
  try {
    expect(["interrupted", "aborted"]).toContain((await after.runs(2))[1]!.status);
  } finally {
    await after.close();
  }
  return { stored };
}

describe("a full disk", () => {
  it("database size limit (MINUTES_DB_MAX_PAGES): stops with a clear error, store intact, a later run completes", async () => {
    const db = join(files.dir, "limited.db");
    const empty = await openStore(db);
    const pages = (await empty.backend.get<{ page_count: number }>("PRAGMA page_count"))!.page_count;
    await empty.close();
    // Room for the run record and a few documents (~4 pages each), not for 40.
    const { stored } = await fullThenRoom(db, { MINUTES_DB_MAX_PAGES: String(pages + 30) }, () => {}, true);
    console.log(`full disk (max_page_count ${pages + 30}): stopped after ${stored} of ${DOCUMENTS} documents`);
  });

  const fs = join(tmpdir(), `minutes-tmpfs-${process.pid}`);
  let canMount = false;
  beforeAll(async () => {
    await mkdir(fs, { recursive: true });
    canMount = tryMount(fs, "1200k");
  });
  afterAll(async () => {
    if (mounted === fs) {
      execFileSync("umount", [fs]);
      mounted = null;
    }
    await rm(fs, { recursive: true, force: true });
  });

  it("a real 1.2 MB tmpfs (when this process may mount one): the same", async (ctx) => {
    if (!canMount) ctx.skip();
    const { stored } = await fullThenRoom(join(fs, "minutes.db"), {}, () => execFileSync("mount", ["-o", "remount,size=64m", fs]), false);
    console.log(`full disk (1.2 MB tmpfs): stopped after ${stored} of ${DOCUMENTS} documents`);
  });
});
