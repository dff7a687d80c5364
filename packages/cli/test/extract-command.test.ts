/**
 * `minutes extract`: exact stdout for one file, OUTDIR files for a folder, exit codes.
 */
import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MinutesSchema } from "@minutes/extract";
import { ROOT, runMinutes } from "./cli-process.ts";
import { describe, expect, it } from "vitest";


/** Runs the CLI as a user would; resolves with exit code, stdout and stderr. */
const minutes = runMinutes;

describe("minutes extract FILE", () => {
  it("prints exactly one minutes-json document on stdout", async () => {
    const r = await minutes("extract", "fixtures/seeds/002.txt");
    expect(r.code).toBe(0);
    const m = MinutesSchema.parse(JSON.parse(r.stdout));
    expect(m.schema).toBe("minutes-json/1");
    expect(m.source).toMatchObject({ file: "002.txt", format: "txt", pages: 1 });
    expect(m.items.map((i) => i.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    expect(m.items[0]!.span).toEqual({ page: 1, startLine: expect.any(Number), endLine: expect.any(Number), endPage: 1 });
    // Every action points to its source line.
    for (const a of m.items.flatMap((i) => i.actions)) expect(a.at).toEqual({ page: expect.any(Number), line: expect.any(Number) });
  });

  it("exits 1 with the reason on stderr for an unreadable file, and prints nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "minutes-cli-"));
    await writeFile(join(dir, "empty.pdf"), "");
    const r = await minutes("extract", join(dir, "empty.pdf"));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/empty/i);
  });

  it("exits 2 on a usage error", async () => {
    const r = await minutes("extract");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/extract takes one FILE or DIR/);
  });
});

describe("minutes extract DIR --out OUTDIR", () => {
  it("writes one JSON per file and goes on past a bad file, exit 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "minutes-cli-"));
    const out = join(dir, "out");
    await copyFile(join(ROOT, "fixtures/seeds/000.txt"), join(dir, "000.txt"));
    await copyFile(join(ROOT, "fixtures/seeds/000.docx"), join(dir, "000.docx"));
    await writeFile(join(dir, "broken.docx"), "PK\u0003\u0004 not really a zip");
    const r = await minutes("extract", dir, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("broken.docx");
    // Files are taken in name order: 000.docx gets the plain name, 000.txt its extension.
    expect((await readdir(out)).sort()).toEqual(["000.json", "000.txt.json"]);
    const a = MinutesSchema.parse(JSON.parse(await readFile(join(out, "000.json"), "utf8")));
    const b = MinutesSchema.parse(JSON.parse(await readFile(join(out, "000.txt.json"), "utf8")));
    expect(a.source.format).toBe("docx");
    expect(b.items.map((i) => i.title)).toEqual(a.items.map((i) => i.title));
  });
});
