/**
 * `minutes ingest --redact …` on a real file with a CPR number, an e-mail address and a phone
 * number in it: by default the CPR numbers are gone from the database file (rows, index, bytes)
 * and counted in the summary, the run and `status`; `--redact none` keeps them; `--redact
 * cpr,email,phone` takes all three; an unknown rule is a usage error.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@minutes/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, spawnMinutes } from "./store-checks.ts";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "minutes-redact-"));
  file = join(dir, "referat.txt");
  const text = (await readFile(join(ROOT, "fixtures/extract/own-godkendt.txt"), "utf8"))
    .replace("KØ orienterede om, at der i januar", "KØ orienterede om borger 010190-1234 (tlf. 98 12 34 56, jens@example.dk), at der i januar")
    .replace("- KØ undersøger, om planerne kan sendes", "- KØ undersøger, om planerne for 0202901234 kan sendes");
  expect(text).toContain("0202901234");
  await writeFile(file, text);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every text column of the stored rows, as one string. */
async function storedText(db: string): Promise<string> {
  const store = await openStore(db, { readonly: true });
  try {
    const rows = await store.backend.all<{ t: string | null }>(
      `SELECT title AS t FROM items UNION ALL SELECT decision_text FROM items UNION ALL SELECT text FROM actions
       UNION ALL SELECT text FROM decisions UNION ALL SELECT text FROM recommendations UNION ALL SELECT message FROM warnings`,
    );
    return rows.map((r) => r.t ?? "").join("\n");
  } finally {
    await store.close();
  }
}

async function ingestWith(name: string, ...redact: string[]) {
  const db = join(dir, `${name}.db`);
  const r = await spawnMinutes(["ingest", file, "--db", db, "--format", "json", ...redact], { MINUTES_LOG_LEVEL: "warn" }).done;
  return { db, ...r };
}

describe("minutes ingest --redact", () => {
  it("redacts CPR numbers by default: not in any row, the search or the file; counted in summary, run and status", async () => {
    const r = await ingestWith("default");
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ new: 1, redactRules: "cpr", redacted: { email: 0, phone: 0 } });
    const n = summary.redacted.cpr as number;
    expect(n).toBeGreaterThanOrEqual(2);
    const text = await storedText(r.db);
    expect(text).toContain("[CPR]");
    expect(text).toContain("jens@example.dk");
    expect(text).toContain("98 12 34 56");
    expect(text).not.toMatch(/010190|0202901234/);
    const store = await openStore(r.db, { readonly: true });
    expect(await store.search("010190")).toEqual([]);
    expect((await store.documents())[0]!.redacted.cpr).toBe(n);
    expect((await store.runs(1))[0]).toMatchObject({ redacted: { cpr: n }, redactRules: "cpr" });
    await store.close();
    const bytes = Buffer.concat([await readFile(r.db), await readFile(`${r.db}-wal`).catch(() => Buffer.alloc(0))]).toString("latin1");
    expect(bytes).not.toMatch(/010190.?1234|0202901234/);

    const status = await spawnMinutes(["status", "--db", r.db]).done;
    expect(status.stdout).toContain(`redacted: ${n} CPR numbers, 0 e-mail addresses, 0 phone numbers`);
    const text2 = await spawnMinutes(["ingest", file, "--db", join(dir, "text.db")], { MINUTES_LOG_LEVEL: "warn" }).done;
    expect(text2.stdout).toMatch(new RegExp(`\\n  redacted +${n}  \\(${n} CPR numbers; rules: cpr\\)\\n`));
  });

  it("--redact none keeps them; --redact cpr,email,phone takes all three; an unknown rule is a usage error", async () => {
    const none = await ingestWith("none", "--redact", "none");
    expect(none.code, none.stderr).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({ redactRules: "none", redacted: { cpr: 0, email: 0, phone: 0 } });
    expect(await storedText(none.db)).toMatch(/010190-1234/);

    const all = await ingestWith("all", "--redact", "cpr,email,phone");
    expect(all.code, all.stderr).toBe(0);
    const summary = JSON.parse(all.stdout);
    expect(summary.redactRules).toBe("cpr,email,phone");
    expect(summary.redacted.email).toBeGreaterThanOrEqual(1);
    expect(summary.redacted.phone).toBeGreaterThanOrEqual(1);
    const text = await storedText(all.db);
    expect(text).toContain("[e-mail]");
    expect(text).toContain("[telefon]");
    expect(text).not.toMatch(/jens@example\.dk|98 12 34 56|010190/);

    const bad = await ingestWith("bad", "--redact", "cpr,names");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`minutes: --redact cpr,names: unknown redaction rule "names": the rules are cpr, email, phone (or none)`);
  });
});
