/**
 * The write lock: a second writer waits or fails with who holds it; a lock left by a process
 * that is gone (killed) is taken over and its run marked aborted.
 */
import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { LockedError, openStore, type Store } from "../src/index.ts";
import { tempDb } from "./helpers.ts";

let store: Store;
afterEach(async () => {
  await store?.close();
});

/** A process that runs until killed; resolves with its pid once started. */
function sleeper(): { pid: number; kill: () => Promise<void> } {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { pid: child.pid!, kill: async () => (child.kill("SIGKILL"), await exited) };
}

async function holdLock(s: Store, pid: number, runId: number | null = null): Promise<void> {
  await s.backend.run("INSERT INTO run_lock (id, run_id, pid, host, process_start, acquired_at) VALUES (1, ?, ?, ?, NULL, '2024-01-01T00:00:00Z')", [runId, pid, hostname()]);
}

describe("write lock", () => {
  it("is free, then ours; taking it twice in one process is fine", async () => {
    store = await openStore(await tempDb());
    expect(await store.lockHolder()).toBeNull();
    await store.lock();
    await store.lock();
    expect(await store.lockHolder()).toMatchObject({ pid: process.pid, host: hostname(), runId: null });
    const run = await store.startRun({ command: "ingest", args: ["x"], extractorVersion: "0.3.0" });
    expect((await store.lockHolder())!.runId).toBe(run);
    await store.unlock();
    expect(await store.lockHolder()).toBeNull();
  });

  it("makes a second writer fail at once, or after waiting, while the holder lives", async () => {
    store = await openStore(await tempDb());
    const other = sleeper();
    try {
      await holdLock(store, other.pid);
      await expect(store.lock()).rejects.toBeInstanceOf(LockedError);
      const t = Date.now();
      let waited = false;
      await expect(store.lock({ waitMs: 300, pollMs: 50, onWait: () => (waited = true) })).rejects.toThrow(
        new RegExp(`another run is writing to this store: pid ${other.pid} on `),
      );
      expect(waited).toBe(true);
      expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    } finally {
      await other.kill();
    }
  });

  it("gets the lock when the holder lets go during the wait", async () => {
    store = await openStore(await tempDb());
    const other = sleeper();
    await holdLock(store, other.pid);
    setTimeout(() => void store.backend.run("DELETE FROM run_lock"), 150);
    await store.lock({ waitMs: 5000, pollMs: 25 });
    expect((await store.lockHolder())!.pid).toBe(process.pid);
    await other.kill();
  });

  it("takes over a lock whose process is gone and marks that run aborted", async () => {
    store = await openStore(await tempDb());
    const dead = sleeper();
    await dead.kill();
    const run = (await store.backend.get<{ id: number }>(
      "INSERT INTO runs (command, args, pid, host, extractor_version, started_at, status) VALUES ('ingest', '[]', ?, ?, '0.3.0', '2024-01-01', 'running') RETURNING id",
      [dead.pid, hostname()],
    ))!.id;
    await holdLock(store, dead.pid, run);
    await store.lock();
    expect((await store.lockHolder())!.pid).toBe(process.pid);
    expect((await store.runs())[0]).toMatchObject({ id: run, status: "aborted" });
  });

  it("never takes over a lock held from another host", async () => {
    store = await openStore(await tempDb());
    await store.backend.run("INSERT INTO run_lock (id, pid, host, acquired_at) VALUES (1, 1, 'elsewhere', '2024-01-01')");
    await expect(store.lock()).rejects.toThrow(/pid 1 on elsewhere/);
  });
});
