/**
 * The nightly run: a file stored with the same size and modification time is not read again (as
 * rsync and make decide); `--checksum` reads and hashes every file; a file whose bytes proved
 * unchanged under a new mtime gets that mtime on record; failed files are always tried again.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { openStore } from "@minutes/store";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/main.ts";

process.env.MINUTES_LOG_LEVEL = "silent";
const ROOT = resolve(import.meta.dirname, "../../..");

async function ingest(...args: string[]): Promise<{ code: number; summary: Record<string, number> }> {
  const out = new PassThrough();
  let stdout = "";
  out.on("data", (d) => (stdout += d));
  const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const code = await main(["ingest", inbox, "--db", db, "--format", "json", "--jobs", "1", ...args], out);
    const s = JSON.parse(stdout) as Record<string, number>;
    return { code, summary: { new: s.new!, updated: s.updated!, unchanged: s.unchanged!, failed: s.failed! } };
  } finally {
    spy.mockRestore();
  }
}

async function storedMtimes(): Promise<Record<string, number | null>> {
  const store = await openStore(db, { readonly: true });
  try {
    const out: Record<string, number | null> = {};
    for (const [path, f] of await store.storedFiles()) out[path.slice(inbox.length + 1)] = f.mtimeMs;
    return out;
  } finally {
    await store.close();
  }
}

const FIXED = new Date("2026-01-05T08:00:00Z");
let dir: string;
let inbox: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "minutes-nightly-"));
  inbox = join(dir, "inbox");
  db = join(dir, "m.db");
  await mkdir(inbox);
  for (const s of ["002", "004"]) await copyFile(join(ROOT, "fixtures/seeds", `${s}.txt`), join(inbox, `${s}.txt`));
  await copyFile(join(ROOT, "fixtures/bad/noise.txt"), join(inbox, "noise.txt"));
  // Whole seconds: utimes takes seconds as a float, which cannot hold every millisecond exactly.
  for (const f of ["002.txt", "004.txt", "noise.txt"]) await utimes(join(inbox, f), FIXED, FIXED);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const mtimeOf = async (f: string) => Math.trunc((await stat(join(inbox, f))).mtimeMs);

describe("nightly run", () => {
  it("records each file's modification time with its document", async () => {
    expect(await ingest()).toEqual({ code: 1, summary: { new: 2, updated: 0, unchanged: 0, failed: 1 } });
    expect(await storedMtimes()).toEqual({
      "002.txt": await mtimeOf("002.txt"),
      "004.txt": await mtimeOf("004.txt"),
      "noise.txt": await mtimeOf("noise.txt"),
    });
  });

  it("does not read a file stored with the same size and mtime; --checksum does", async () => {
    // Same size, other bytes, the old mtime put back: only reading the file can tell.
    const path = join(inbox, "004.txt");
    const before = await stat(path);
    const text = await readFile(path, "utf8");
    const swapped = text.replace("Referat", "REFERAT");
    expect(Buffer.byteLength(swapped)).toBe(before.size);
    expect(swapped).not.toBe(text);
    await writeFile(path, swapped);
    await utimes(path, FIXED, FIXED);
    // The failed file is tried again every time.
    expect(await ingest()).toEqual({ code: 1, summary: { new: 0, updated: 0, unchanged: 2, failed: 1 } });
    expect(await ingest("--checksum")).toEqual({ code: 1, summary: { new: 0, updated: 1, unchanged: 1, failed: 1 } });
  });

  it("a file with a new mtime but the same bytes is unchanged, and its new mtime is recorded", async () => {
    const path = join(inbox, "002.txt");
    const later = new Date("2026-02-01T08:00:00Z");
    await utimes(path, later, later);
    expect(await ingest()).toEqual({ code: 1, summary: { new: 0, updated: 0, unchanged: 2, failed: 1 } });
    expect((await storedMtimes())["002.txt"]).toBe(await mtimeOf("002.txt"));
    expect(await mtimeOf("002.txt")).toBe(later.getTime());
  });
});
