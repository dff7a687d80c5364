/**
 * SIGKILL at random points, 20 times over one run of 200 documents: each time a real
 * `minutes ingest` child process is killed once it has stored a seeded random number of further
 * documents and a random while after, so kills land mid-run — while a document is parsed, inside
 * its transaction, while the run's counts are written. After every kill the store (opened read-only,
 * as an analyst would) passes integrity and foreign-key checks and holds only whole documents;
 * the next run takes over the dead run's lock. A final uninterrupted run then stores the rest:
 * every one of the 200 documents exactly once.
 *
 * KILL_LOOP_SEED=N picks other kill points (default 6).
 */
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { openStore } from "@minutes/store";
import { expect, it } from "vitest";
import { checkStore, random, spawnMinutes, sumExpected, useInbox } from "./store-checks.ts";

const DOCUMENTS = 200;
const KILLS = 20;
/**
 * Where a kill lands: after a random number of newly stored documents (spread so that the 20
 * kills cover the whole run whatever the machine's speed), then a random extra wait of up to
 * about one document's time, so it hits the next document anywhere: being read, parsed, in its
 * transaction, or the run's counts being written.
 */
const MAX_EXTRA_MS = 60;
const SEED = Number(process.env.KILL_LOOP_SEED ?? 6);

const files = useInbox("minutes-kill-loop-", DOCUMENTS);

it(`survives ${KILLS} SIGKILLs at random points of a ${DOCUMENTS}-document run; then every document is stored exactly once`, { timeout: 240_000 }, async () => {
  const started = Date.now();
  const { dir, inbox, expected } = files;
  const db = join(dir, "minutes.db");
  const rnd = random(SEED);

  const storedAfter: number[] = [];
  const delays: number[] = [];
  const steps: number[] = [];
  let stored: string[] = [];
  for (let k = 0; k < KILLS; k++) {
    const child = spawnMinutes(["ingest", inbox, "--db", db]);
    // Steps average the documents left per kill left, and leave a few for every later kill and
    // about ten for the final run.
    const remaining = DOCUMENTS - stored.length;
    const left = KILLS - k;
    const step = Math.max(1, Math.min(1 + Math.floor(rnd() * ((1.6 * remaining) / left)), remaining - 5 * left - 10));
    steps.push(step);
    // The step's documents are stored (each one's log line comes after its commit), then a while.
    await new Promise<void>((ready, fail) => {
      let seen = 0;
      const onData = (d: Buffer) => {
        seen += (String(d).match(/"msg":"(new|updated)"/g) ?? []).length;
        if (seen >= step) {
          child.stderr!.off("data", onData);
          ready();
        }
      };
      child.stderr!.on("data", onData);
      void child.done.then((r) => fail(new Error(`run ${k + 1} ended after ${seen} of ${step} documents: ${JSON.stringify(r).slice(-1000)}`)));
    });
    const delay = Math.floor(rnd() * MAX_EXTRA_MS);
    delays.push(delay);
    await sleep(delay);
    expect(child.exitCode, `run ${k + 1} was still running when killed`).toBeNull();
    child.kill("SIGKILL");
    expect((await child.done).signal).toBe("SIGKILL");

    const now = await checkStore(db, expected);
    expect(now.length, `kill ${k + 1}: more documents than before`).toBeGreaterThan(stored.length);
    expect(now.slice(0, stored.length)).toEqual(stored);
    expect(now.length).toBeLessThan(DOCUMENTS);
    stored = now;
    storedAfter.push(now.length);
    const s = await openStore(db, { readonly: true });
    // The killed run is still "running" and holds the lock; the runs before it were taken over.
    expect((await s.runs(KILLS)).map((r) => r.status)).toEqual(["running", ...Array<string>(k).fill("aborted")]);
    expect((await s.lockHolder())?.pid).toBe(child.pid);
    await s.close();
  }

  const last = spawnMinutes(["ingest", inbox, "--db", db, "--format", "json"]);
  const r = await last.done;
  expect(r.code, r.stderr.slice(-2000)).toBe(0);
  const summary = JSON.parse(r.stdout);
  expect(summary).toMatchObject({ files: DOCUMENTS, new: DOCUMENTS - stored.length, unchanged: stored.length, updated: 0, failed: 0, status: "finished" });

  const all = await checkStore(db, expected);
  expect(all.length).toBe(DOCUMENTS);
  const s = await openStore(db, { readonly: true });
  expect(await s.backend.get("SELECT COUNT(*) AS n, COUNT(DISTINCT path) AS paths, COUNT(DISTINCT sha256) AS shas FROM documents WHERE status = 'stored'")).toEqual({
    n: DOCUMENTS,
    paths: DOCUMENTS,
    shas: DOCUMENTS,
  });
  const totals = sumExpected(expected.values());
  expect((await s.status()).totals).toMatchObject({ documents: DOCUMENTS, stored: DOCUMENTS, failed: 0, meetings: 6 });
  expect(await s.backend.get("SELECT COUNT(*) AS n FROM items")).toEqual({ n: totals.items });
  expect(await s.backend.get("SELECT COUNT(*) AS n FROM actions")).toEqual({ n: totals.actions });
  const runs = await s.runs(KILLS + 1);
  expect(runs.map((x) => x.status)).toEqual(["finished", ...Array<string>(KILLS).fill("aborted")]);
  expect(await s.lockHolder()).toBeNull();
  await s.close();
  console.log(
    `kill loop (seed ${SEED}): ${KILLS}/${KILLS} kills mid-run, after ${steps.join(" ")} more documents (+ ${Math.min(...delays)}–${Math.max(...delays)} ms); ` +
      `stored after each: ${storedAfter.join(" ")}; final run stored ${DOCUMENTS - stored.length}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});
