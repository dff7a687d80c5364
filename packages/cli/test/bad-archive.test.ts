/**
 * An archive folder full of bad files (fixtures/bad) beside good ones, through `minutes ingest`:
 * every bad file is recorded in the run log with its typed error, nothing of it is stored, the
 * good files are stored whole, and the run finishes with exit 1.
 */
import { copyFile, mkdir, mkdtemp, readdir, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { openStore } from "@minutes/store";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.ts";

process.env.MINUTES_LOG_LEVEL = "silent";
const ROOT = resolve(import.meta.dirname, "../../..");

describe("minutes ingest over an archive of bad files", () => {
  it("records each bad file with its error code and stores the good ones", async () => {
    const dir = await mkdtemp(join(tmpdir(), "minutes-bad-"));
    const inbox = join(dir, "inbox");
    await mkdir(inbox);
    for (const f of await readdir(join(ROOT, "fixtures/bad"))) if (f !== "README.md") await copyFile(join(ROOT, "fixtures/bad", f), join(inbox, f));
    await copyFile(join(ROOT, "fixtures/seeds/002.txt"), join(inbox, "002.txt"));
    await copyFile(join(ROOT, "fixtures/seeds/004.docx"), join(inbox, "004.docx"));
    // A symlink loop in the archive: reported by the walk, never followed for ever.
    await symlink(inbox, join(inbox, "loop"));
    const db = join(dir, "m.db");
    const out = new PassThrough();
    let stdout = "";
    out.on("data", (d) => (stdout += d));
    // A short time limit, so the looping PDF is stopped in seconds; OCR off as on a machine without tesseract.
    const code = await main(["ingest", inbox, "--db", db, "--timeout", "4", "--jobs", "2", "--format", "json"], out);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    const byFile = Object.fromEntries(summary.failures.map((f: { path: string; code: string }) => [f.path.split("/").pop(), f.code]));
    expect(byFile).toMatchObject({
      "empty.pdf": "empty",
      "truncated.pdf": "corrupt",
      "page-tree-loop.pdf": "corrupt",
      "no-document.docx": "corrupt",
      "zip-bomb-lying.docx": "corrupt",
      "zip-bomb.docx": "too-large",
      "encrypted-user-password.pdf": "encrypted",
      "noise.txt": "unknown-format",
      "ebcdic-277.txt": "encoding",
      "shift-jis.txt": "encoding",
      "utf-32.txt": "encoding",
      "loop.pdf": "timeout",
    });
    // image-only.pdf is read by OCR where tesseract is installed, else refused as no-text.
    expect(["no-text", undefined]).toContain(byFile["image-only.pdf"]);
    const store = await openStore(db, { readonly: true });
    try {
      const docs = await store.documents();
      const stored = docs.filter((d) => d.status === "stored").map((d) => d.file).sort();
      expect(stored).toEqual(expect.arrayContaining(["002.txt", "004.docx", "broken-xref.pdf", "encrypted-owner-password.pdf"]));
      // Nothing of a failed document is stored: failed documents have no meeting and no items.
      const failed = docs.filter((d) => d.status === "failed");
      expect(failed.length).toBe(summary.failed);
      for (const d of failed) {
        expect(d.meetingId).toBeNull();
        expect(d.error?.code).toBe(byFile[d.file]);
      }
      const run = (await store.runs(1))[0]!;
      expect(run.failures.map((f) => f.code).sort()).toEqual(Object.values(byFile).sort());
    } finally {
      await store.close();
    }
  }, 120_000);
});
