/**
 * An analyst, as a process of its own (concurrent-readers.test.ts starts a few): opens the store
 * read-only and runs report-style queries in a loop until STOPFILE exists, then prints what it
 * saw as one JSON line on stdout. `keep` holds one connection the whole time (like `minutes
 * serve`); `reopen` opens and closes the store for every round (like `minutes report`).
 *
 *   node --import tsx reader-process.ts DB STOPFILE keep|reopen
 */
import { existsSync } from "node:fs";
import { openStore, type Store } from "@minutes/store";

const [db, stopFile, mode] = process.argv.slice(2) as [string, string, "keep" | "reopen"];
const seen: number[] = [];
const errors: { code: string | null; message: string }[] = [];
let queries = 0;
let rounds = 0;
let kept: Store | null = null;

async function round(): Promise<void> {
  const store = kept ?? (await openStore(db, { readonly: true }));
  if (mode === "keep") kept = store;
  try {
    const status = await store.status(3);
    seen.push(status.totals.stored);
    await store.search("sundhedshuse", { limit: 20 });
    await store.search("godkendt beslutning");
    await store.items({ cluster: "Syd" });
    await store.actions({ dueFrom: "2020-01-01" });
    await store.meetings();
    await store.persons();
    queries += 7;
  } finally {
    if (mode === "reopen") await store.close();
  }
}

while (!existsSync(stopFile)) {
  try {
    await round();
  } catch (err) {
    const e = err as { code?: unknown; message?: string };
    errors.push({ code: typeof e.code === "string" ? e.code : null, message: e.message ?? String(err) });
  }
  rounds++;
}
await (kept as Store | null)?.close();
process.stdout.write(JSON.stringify({ mode, rounds, queries, seen, errors }) + "\n");
