/**
 * Walks files and folders given on the command line: recursive, sorted, hidden files skipped.
 * An archive folder may hold anything: symlink loops, links to nowhere, folders we may not read,
 * files that vanish while we walk. None of them stops the walk; each is skipped and reported
 * through `onSkip` (a path given on the command line that does not exist still throws: that is
 * the caller's usage error).
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

export interface SkippedPath {
  path: string;
  /** "symlink-loop": a link back to a folder above it (or a link to itself); "duplicate": a folder already listed
   *  by another path; "dangling": a link to nothing, or gone since its folder was read; "unreadable": no permission
   *  or another I/O error; "special": neither file nor folder (FIFO, socket, device). */
  reason: "symlink-loop" | "duplicate" | "dangling" | "unreadable" | "special";
  message: string;
}

/** A file's size and modification time, as the walk saw them. */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

export interface ListOptions {
  onSkip?: (skipped: SkippedPath) => void;
  /** Filled with each listed file's size and modification time (the walk stats every file anyway). */
  stats?: Map<string, FileStat>;
}

export async function listFiles(paths: string[], options: ListOptions = {}): Promise<string[]> {
  const out: string[] = [];
  const listed = new Set<string>();
  const skip = (path: string, reason: SkippedPath["reason"], message: string) => options.onSkip?.({ path, reason, message });

  /** `ancestors`: real paths of the folders above, to tell a loop from a second way into a folder. */
  async function walk(path: string, ancestors: string[], top: boolean): Promise<void> {
    let s;
    try {
      s = await stat(path);
    } catch (err) {
      if (top) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ELOOP") return skip(path, "symlink-loop", `${path}: a symlink that leads back to itself`);
      if (code === "ENOENT" || code === "ENOTDIR") return skip(path, "dangling", `${path}: a link to nothing, or gone while listing`);
      return skip(path, "unreadable", `${path}: cannot read (${code ?? String(err)})`);
    }
    if (s.isFile()) {
      out.push(path);
      options.stats?.set(path, { size: s.size, mtimeMs: s.mtimeMs });
      return;
    }
    if (!s.isDirectory()) return skip(path, "special", `${path}: neither a file nor a folder`);
    let real: string;
    let entries: string[];
    try {
      real = await realpath(path);
      if (ancestors.includes(real)) return skip(path, "symlink-loop", `${path}: a symlink loop (leads back to ${real})`);
      if (listed.has(real)) return skip(path, "duplicate", `${path}: the folder ${real} is already listed`);
      listed.add(real);
      entries = await readdir(path);
    } catch (err) {
      if (top) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return skip(path, "dangling", `${path}: gone while listing`);
      return skip(path, "unreadable", `${path}: cannot read the folder (${code ?? String(err)})`);
    }
    for (const e of entries.filter((e) => !e.startsWith(".")).sort()) await walk(join(path, e), [...ancestors, real], false);
  }
  for (const p of paths) await walk(p, [], true);
  return out;
}
