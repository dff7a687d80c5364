/** Builders for store tests: minutes-json/1 objects written by hand, temp database files. */
import { createHash } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Item, Minutes } from "@minutes/extract";
import { openStore, type SaveDocumentInput, type Store } from "../src/index.ts";

export async function tempDb(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "minutes-store-")), "test.db");
}

export async function freshStore(): Promise<Store> {
  return openStore(await tempDb());
}

export function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function item(number: string, title: string, more: Partial<Item> = {}): Item {
  const n = Number.parseInt(number, 10) || 1;
  return {
    number,
    title,
    presenter: null,
    attachments: [],
    recommendations: [],
    decisionText: null,
    outcome: "none",
    decisions: [],
    actions: [],
    span: { page: 1, startLine: n * 10, endLine: n * 10 + 5, endPage: 1 },
    ...more,
  };
}

export function minutes(more: { meeting?: Partial<Minutes["meeting"]> } & Partial<Omit<Minutes, "meeting">> = {}): Minutes {
  const { meeting, ...rest } = more;
  return {
    schema: "minutes-json/1",
    source: { file: "m.txt", sha256: sha("m"), format: "txt", pages: 1 },
    meeting: {
      body: "Klyngestyregruppe Syd",
      cluster: "Syd",
      kind: "referat",
      number: null,
      date: "2021-08-13",
      startTime: null,
      endTime: null,
      location: null,
      ...meeting,
    },
    participants: [],
    items: [item("1", "Godkendelse af dagsorden"), item("2", "Eventuelt")],
    warnings: [],
    extractor: "0.3.0",
    ...rest,
  };
}

/** A save input for `path`; the content hash follows `version` so a new version is a changed file. */
export function input(path: string, m: Minutes, version = "1", format: Minutes["source"]["format"] = "txt"): SaveDocumentInput {
  return {
    document: { path, sha256: sha(path + "@" + version), format, pages: 1, bytes: 100 },
    minutes: { ...m, source: { ...m.source, file: path.split("/").pop()!, format } },
  };
}

/** Row counts of every table the documents feed. */
export async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    "documents",
    "meetings",
    "persons",
    "person_aliases",
    "participations",
    "items",
    "attachments",
    "recommendations",
    "decisions",
    "actions",
    "action_owners",
    "warnings",
  ]) {
    out[t] = (await store.backend.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))!.n;
  }
  return out;
}
