/** Walks files and folders given on the command line: recursive, sorted, hidden files skipped, symlink loops safe. */
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

export async function listFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const seenDirs = new Set<string>();
  async function walk(path: string): Promise<void> {
    const s = await stat(path);
    if (s.isFile()) {
      out.push(path);
      return;
    }
    if (!s.isDirectory()) return;
    const real = await realpath(path);
    if (seenDirs.has(real)) return; // a symlink loop, or the same folder twice
    seenDirs.add(real);
    const entries = (await readdir(path)).filter((e) => !e.startsWith(".")).sort();
    for (const e of entries) await walk(join(path, e));
  }
  for (const p of paths) await walk(p);
  return out;
}
