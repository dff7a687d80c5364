/**
 * A store built from the fixtures (the path the CLI takes: ingest → extract → store), once per
 * test file, in a temp folder.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { extract } from "@minutes/extract";
import { ingest } from "@minutes/ingest";
import { openStore, type Store } from "@minutes/store";

export const ROOT = resolve(import.meta.dirname, "../../..");

export const FIXTURES = [
  "fixtures/seeds/000.txt",
  "fixtures/seeds/000.docx",
  "fixtures/seeds/001.txt",
  "fixtures/seeds/002.txt",
  "fixtures/seeds/002.docx",
  "fixtures/seeds/003.txt",
  "fixtures/seeds/004.txt",
  "fixtures/extract/own-godkendt.txt",
  "fixtures/extract/own-direktorforum.docx",
  "fixtures/extract/own-dagsorden.docx",
  "fixtures/extract/own-kommune-udvalg.pdf",
  "fixtures/report/klyngestyregruppe-nord-2022-09-15.txt",
];

export async function buildStore(files = FIXTURES): Promise<{ db: string; store: Store }> {
  const db = join(await mkdtemp(join(tmpdir(), "minutes-report-")), "report.db");
  const store = await openStore(db);
  for (const rel of files) {
    const path = join(ROOT, rel);
    const doc = await ingest(path);
    await store.saveDocument({
      document: { path, sha256: doc.sha256, format: doc.format, pages: doc.pages, bytes: 0 },
      minutes: extract(doc),
      messages: doc.warnings,
    });
  }
  return { db, store };
}

export { basename };
