/**
 * One-to-one matching of two lists (minutes-eval v1). Every pair that may match (its similarity
 * is at or above the threshold and any further condition holds) is an edge weighted by its sim.
 * The matching chosen is optimal: first the most pairs (maximum cardinality, which is what F1
 * counts), then among those the highest total sim. It is found with the Hungarian method
 * (Kuhn–Munkres) on each connected group of edges separately, so the matrices stay small; a group
 * larger than HUNGARIAN_LIMIT on its short side (only a runaway extractor makes one) falls back to
 * greedy matching by descending sim.
 */

export interface Pair {
  /** Index into the first list (the gold side in this package). */
  a: number;
  /** Index into the second list (the predicted side). */
  b: number;
  /** The pair's similarity. */
  sim: number;
}

export const HUNGARIAN_LIMIT = 250;

/**
 * @param weight the similarity of (i, j) when the pair may match, else null. It is called once per
 *   pair. Weights must be > 0.
 * @returns the chosen pairs, sorted by a.
 */
export function matchOneToOne(nA: number, nB: number, weight: (i: number, j: number) => number | null): Pair[] {
  const edges: Pair[] = [];
  for (let i = 0; i < nA; i++) {
    for (let j = 0; j < nB; j++) {
      const w = weight(i, j);
      if (w !== null) edges.push({ a: i, b: j, sim: w });
    }
  }
  if (edges.length === 0) return [];

  // Connected groups of edges (union–find over nA + nB nodes).
  const parent = Array.from({ length: nA + nB }, (_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  for (const e of edges) {
    const x = find(e.a);
    const y = find(nA + e.b);
    if (x !== y) parent[x] = y;
  }
  const groups = new Map<number, Pair[]>();
  for (const e of edges) {
    const root = find(e.a);
    const g = groups.get(root);
    if (g) g.push(e);
    else groups.set(root, [e]);
  }

  const result: Pair[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) result.push(group[0]!);
    else result.push(...matchGroup(group));
  }
  return result.sort((x, y) => x.a - y.a || x.b - y.b);
}

function matchGroup(edges: Pair[]): Pair[] {
  const rows = [...new Set(edges.map((e) => e.a))].sort((x, y) => x - y);
  const cols = [...new Set(edges.map((e) => e.b))].sort((x, y) => x - y);
  if (Math.min(rows.length, cols.length) > HUNGARIAN_LIMIT) return greedy(edges);

  // Hungarian minimises cost; an allowed pair costs -(K + sim), any other 0. With K above
  // (largest possible matching) × (largest sim), one more pair always outweighs any gain in sim.
  const K = (Math.min(rows.length, cols.length) + 1) * Math.max(...edges.map((e) => e.sim));
  const transpose = rows.length > cols.length;
  const R = transpose ? cols : rows;
  const C = transpose ? rows : cols;
  const rIndex = new Map(R.map((r, k) => [r, k]));
  const cIndex = new Map(C.map((c, k) => [c, k]));
  const cost = R.map(() => new Array<number>(C.length).fill(0));
  const byCell = new Map<number, Pair>();
  for (const e of edges) {
    const r = rIndex.get(transpose ? e.b : e.a)!;
    const c = cIndex.get(transpose ? e.a : e.b)!;
    cost[r]![c] = -(K + e.sim);
    byCell.set(r * C.length + c, e);
  }
  const assignment = hungarian(cost);
  const out: Pair[] = [];
  assignment.forEach((c, r) => {
    const e = c >= 0 ? byCell.get(r * C.length + c) : undefined;
    if (e) out.push(e);
  });
  return out;
}

function greedy(edges: Pair[]): Pair[] {
  const sorted = [...edges].sort((x, y) => y.sim - x.sim || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Pair[] = [];
  for (const e of sorted) {
    if (usedA.has(e.a) || usedB.has(e.b)) continue;
    usedA.add(e.a);
    usedB.add(e.b);
    out.push(e);
  }
  return out;
}

/**
 * Minimum-cost assignment of every row to a distinct column (rows ≤ columns), O(n²m).
 * Returns the column of each row.
 */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  const m = n === 0 ? 0 : cost[0]!.length;
  if (n > m) throw new RangeError("hungarian: more rows than columns");
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row (1-based) assigned to column j
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      const row = cost[i0 - 1]!;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = row[j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) assignment[p[j]! - 1] = j - 1;
  return assignment;
}
