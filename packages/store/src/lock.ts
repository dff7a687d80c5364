/**
 * One writer at a time. The lock is a row in the database itself (`run_lock`, at most one row),
 * taken and released in write transactions, so taking it is atomic without any file-system
 * tricks and it lives exactly as long as the database file does.
 *
 * A run killed with SIGKILL cannot release it: the next run finds the row, sees that the
 * process is gone (same host: `kill(pid, 0)` says ESRCH, or the pid now belongs to a process
 * that started at another time — /proc/PID/stat field 22), takes the lock over and marks the
 * killed run `aborted`. A lock held from another host is never taken over automatically.
 */
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import type { Queryable } from "./backend.ts";
import type { LockInfo } from "./schema.ts";

export interface Holder {
  pid: number;
  host: string;
  /** When the process started (Linux: clock ticks since boot), to tell a reused pid. */
  processStart: string | null;
}

/** Start time of a process from /proc (Linux), or null where /proc is not there. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

export function currentHolder(): Holder {
  return { pid: process.pid, host: hostname(), processStart: processStart(process.pid) };
}

/** Whether the process that took a lock on this host still runs. */
export function isAlive(pid: number, start: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  if (start === null) return true;
  const now = processStart(pid);
  return now === null || now === start;
}

interface LockRow {
  run_id: number | null;
  pid: number;
  host: string;
  process_start: string | null;
  acquired_at: string;
}

export function lockInfo(row: LockRow): LockInfo {
  return { runId: row.run_id, pid: row.pid, host: row.host, acquiredAt: row.acquired_at };
}

/**
 * Takes the lock if it is free, ours already, or held by a process that is gone (then that
 * run is marked aborted). Returns null on success, else who holds it. Run inside a write
 * transaction.
 */
export async function tryLock(tx: Queryable, me: Holder): Promise<LockInfo | null> {
  const row = await tx.get<LockRow>("SELECT run_id, pid, host, process_start, acquired_at FROM run_lock WHERE id = 1");
  if (row) {
    const mine = row.pid === me.pid && row.host === me.host;
    if (!mine && (row.host !== me.host || isAlive(row.pid, row.process_start))) return lockInfo(row);
  }
  if (row?.run_id != null && !(row.pid === me.pid && row.host === me.host)) {
    await tx.run("UPDATE runs SET status = 'aborted' WHERE id = ? AND status = 'running'", [row.run_id]);
  }
  await abortDeadRuns(tx, me);
  await tx.run(
    `INSERT INTO run_lock (id, run_id, pid, host, process_start, acquired_at) VALUES (1, NULL, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET run_id = NULL, pid = excluded.pid, host = excluded.host,
       process_start = excluded.process_start, acquired_at = excluded.acquired_at`,
    [me.pid, me.host, me.processStart, new Date().toISOString()],
  );
  return null;
}

/** Runs of this host still marked running whose process is gone were killed: say so. */
async function abortDeadRuns(tx: Queryable, me: Holder): Promise<void> {
  const running = await tx.all<{ id: number; pid: number }>("SELECT id, pid FROM runs WHERE status = 'running' AND host = ?", [me.host]);
  for (const r of running) {
    if (r.pid === me.pid || isAlive(r.pid, null)) continue;
    await tx.run("UPDATE runs SET status = 'aborted' WHERE id = ?", [r.id]);
  }
}

export async function unlock(tx: Queryable, me: Holder): Promise<void> {
  await tx.run("DELETE FROM run_lock WHERE id = 1 AND pid = ? AND host = ?", [me.pid, me.host]);
}
