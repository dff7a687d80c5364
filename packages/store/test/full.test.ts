/**
 * A database that cannot grow (PRAGMA max_page_count through `maxPages`, as a full disk): the
 * write that does not fit fails with StoreFullError and leaves nothing of its document; what was
 * stored before is whole, reads go on, and with room the same document is stored.
 */
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { openStore, StoreFullError } from "../src/index.ts";
import { counts, input, item, minutes, tempDb } from "./helpers.ts";

/** A document big enough to need pages of its own: many items with long texts. */
function big(n: number) {
  return minutes({
    meeting: { date: `2021-01-${String(n + 1).padStart(2, "0")}` },
    items: Array.from({ length: 30 }, (_, i) =>
      item(String(i + 1), `Punkt ${i + 1} om sundhedshuse og akutfunktioner i klynge ${n}`, {
        decisionText: `Beslutning ${i} `.repeat(40),
        recommendations: [`Indstilling ${i} `.repeat(30)],
      }),
    ),
  });
}

it("fails the write that does not fit with StoreFullError; nothing partial, the rest intact, room lets it in", async () => {
  const path = await tempDb();
  const empty = await openStore(path);
  const pages = (await empty.backend.get<{ page_count: number }>("PRAGMA page_count"))!.page_count;
  await empty.close();
  const store = await openStore(path, { maxPages: pages + 40 });
  let stored = 0;
  let error: unknown;
  for (let n = 0; n < 30 && !error; n++) {
    try {
      await store.saveDocument(input(`/a/${n}.txt`, big(n)));
      stored++;
    } catch (err) {
      error = err;
    }
  }
  expect(error).toBeInstanceOf(StoreFullError);
  expect((error as Error).message).toMatch(/^the database is full \(database or disk is full\)$/);
  expect(stored).toBeGreaterThan(0);
  // Only the documents that fitted, each with all its rows; reads still work on the open store.
  const c = await counts(store);
  expect(c).toMatchObject({ documents: stored, meetings: stored, items: stored * 30, recommendations: stored * 30 });
  expect((await store.search("sundhedshuse", { limit: 1000 })).length).toBe(stored * 30);
  await store.close();

  const raw = new Database(path);
  expect(raw.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
  expect(raw.pragma("foreign_key_check")).toEqual([]);
  raw.close();

  const roomy = await openStore(path);
  expect((await roomy.saveDocument(input(`/a/${stored}.txt`, big(stored)))).status).toBe("new");
  expect((await counts(roomy)).documents).toBe(stored + 1);
  await roomy.close();
});

it("refuses a maxPages that is not a whole number ≥ 1", async () => {
  await expect(openStore(await tempDb(), { maxPages: 0 })).rejects.toThrow(/maxPages 0/);
});
