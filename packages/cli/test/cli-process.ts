/** Runs the `minutes` CLI as a user would (a child process) and collects exit code and output. */
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const ROOT = resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

export async function runMinutes(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ["--import", "tsx", join(ROOT, "packages/cli/src/main.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, MINUTES_LOG_LEVEL: "error" },
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
