/**
 * Top self-time functions of a V8 .cpuprofile (as `node --cpu-prof` writes them), for `pnpm bench`.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  fn: string;
  where: string;
  ms: number;
  /** Share of the busy time (idle left out). */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  top: SelfTime[];
  /** Busy time by source: our packages, pdfjs, other node_modules, node internals, GC, … */
  bySource: Record<string, number>;
}

/** Where a function lives, by its script URL. */
function sourceOf(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "gc";
  if (fn === "(program)") return "program";
  if (fn.startsWith("RegExp:")) return "regexp";
  if (url.includes("pdfjs-dist")) return "pdfjs";
  if (url.includes("better-sqlite3")) return "better-sqlite3";
  if (/\/packages\/(\w+)\//.test(url) && !url.includes("node_modules")) return `@minutes/${/\/packages\/(\w+)\//.exec(url)![1]}`;
  if (url.includes("node_modules")) return /node_modules\/(?:\.pnpm\/)?((?:@[^/]+\/)?[^/@]+)/.exec(url)?.[1] ?? "node_modules";
  if (url.startsWith("node:") || url === "") return "node";
  return "other";
}

export function summarize(file: string, root: string, topN = 12): ProfileSummary {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { fn: string; where: string; us: number; source: string }>();
  let idle = 0;
  let busy = 0;
  for (const [i, id] of p.samples.entries()) {
    const dt = p.timeDeltas[i] ?? 0;
    const cf = byId.get(id)!.callFrame;
    if (cf.functionName === "(idle)") {
      idle += dt;
      continue;
    }
    busy += dt;
    const url = cf.url.replace(/^file:\/\//, "");
    // Modules loaded through tsx report every function on line 1: the file alone then.
    const where = url ? `${url.startsWith("/") ? relative(root, url) : url}${cf.lineNumber > 0 ? `:${cf.lineNumber + 1}` : ""}` : "";
    const key = `${cf.functionName}@${where}`;
    const e = self.get(key) ?? { fn: cf.functionName || "(anonymous)", where, us: 0, source: sourceOf(url, cf.functionName) };
    e.us += dt;
    self.set(key, e);
  }
  const bySource: Record<string, number> = {};
  for (const e of self.values()) bySource[e.source] = (bySource[e.source] ?? 0) + e.us / 1000;
  const top = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, topN)
    .map((e) => ({ fn: e.fn, where: e.where.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, ""), ms: e.us / 1000, share: e.us / busy }));
  return { busyMs: busy / 1000, idleMs: idle / 1000, top, bySource };
}
