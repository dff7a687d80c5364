/**
 * Child processes measured for `pnpm bench`: wall time, peak RSS, CPU time, and how busy the
 * machine was meanwhile (the load average, and the cores other processes used).
 *
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`) when it is
 * installed, else from polling /proc/PID/status (VmHWM) every 20 ms.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

export interface Conditions {
  /** 1-minute load average when the measurement started. */
  load: number;
  /** Cores used by other processes than the measured one, on average while it ran (null without /proc/stat). */
  otherCores: number | null;
}

export interface Measured extends Conditions {
  code: number | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  peakRssMb: number | null;
  /** User + system CPU seconds of the child (null when GNU time is not installed). */
  cpuSeconds: number | null;
  /** Seconds waited beforehand for a quiet machine (setQuietWait). */
  waitedSeconds: number;
}

const GNU_TIME = "/usr/bin/time";
const hasGnuTime = existsSync(GNU_TIME);
/** USER_HZ: /proc/stat counts in 1/100 s on Linux. */
const CLOCK_TICKS = 100;

/** Busy CPU time of the whole machine so far, in seconds (null without /proc/stat). */
export function machineBusySeconds(): number | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Starts watching the machine; `finish(own)` gives the wall time, the load at the start and the other processes' cores. */
export function watch(): (ownCpuSeconds: number | null) => Conditions & { wallSeconds: number } {
  const load = loadavg()[0]!;
  const busy0 = machineBusySeconds();
  const t0 = performance.now();
  return (own) => {
    const wallSeconds = (performance.now() - t0) / 1000;
    const busy1 = machineBusySeconds();
    const otherCores = busy0 === null || busy1 === null || own === null ? null : Math.max(0, (busy1 - busy0 - own) / wallSeconds);
    return { wallSeconds, load, otherCores };
  };
}

let quiet = { maxSeconds: 0, threshold: 0.25 };

/**
 * Before each measurement, wait up to `maxSeconds` until other processes use fewer than
 * `threshold` cores (sampled over 3 s), so that figures from a shared machine are taken in a quiet
 * moment where there is one. 0: do not wait.
 */
export function setQuietWait(maxSeconds: number, threshold = 0.25): void {
  quiet = { maxSeconds, threshold };
}

/** Seconds waited for a quiet machine (see setQuietWait). */
async function waitForQuiet(): Promise<number> {
  const t0 = performance.now();
  const waited = () => (performance.now() - t0) / 1000;
  while (quiet.maxSeconds > 0 && waited() < quiet.maxSeconds) {
    const a = machineBusySeconds();
    await new Promise((r) => setTimeout(r, 3000));
    const b = machineBusySeconds();
    if (a === null || b === null || (b - a) / 3 < quiet.threshold) break;
  }
  return waited();
}

function vmHwmMb(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Runs a command to its end, capturing stdout and stderr. */
export async function measure(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const dir = hasGnuTime ? await mkdtemp(join(tmpdir(), "minutes-bench-time-")) : null;
  const timeFile = dir ? join(dir, "time") : null;
  const [file, argv] = timeFile ? [GNU_TIME, ["-f", "%M %U %S", "-o", timeFile, cmd, ...args]] : [cmd, [...args]];
  let peakPolled: number | null = null;
  const run = () =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stderr.on("data", (b: Buffer) => err.push(b));
      const poll = timeFile
        ? null
        : setInterval(() => {
            const mb = child.pid ? vmHwmMb(child.pid) : null;
            if (mb !== null) peakPolled = Math.max(peakPolled ?? 0, mb);
          }, 20);
      child.on("error", reject);
      child.on("close", (code) => {
        if (poll) clearInterval(poll);
        resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
      });
    });
  const waitedSeconds = await waitForQuiet();
  const finish = watch();
  const result = await run();
  let cpuSeconds: number | null = null;
  let peakRssMb: number | null = peakPolled;
  if (timeFile) {
    // GNU time writes "Command exited with non-zero status N" before the figures on failure.
    const line = (await readFile(timeFile, "utf8")).trim().split("\n").at(-1) ?? "";
    const [kb, user, sys] = line.split(" ").map(Number);
    if (kb !== undefined && Number.isFinite(kb)) peakRssMb = kb / 1024;
    if (user !== undefined && sys !== undefined && Number.isFinite(user + sys)) cpuSeconds = user + sys;
    await rm(dir!, { recursive: true, force: true });
  }
  return { ...result, ...finish(cpuSeconds), peakRssMb, cpuSeconds, waitedSeconds };
}
