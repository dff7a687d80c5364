/** Full-text search: Danish inflections, æ/ø/å, hostile input, ranking, snippets and positions. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexTerms, queryTerms, type Store } from "../src/index.ts";
import { freshStore, input, item, minutes } from "./helpers.ts";

let store: Store;
beforeAll(async () => {
  store = await freshStore();
  await store.saveDocument(
    input(
      "/a/000.txt",
      minutes({
        items: [
          item("1", "Opsamling på drøftelser om sundhedshus", {
            recommendations: ["At klyngen drøfter møderne om Ålborg"],
            decisionText: "Det går godt. Kasper Ørum giver status på næste møde.",
            decisions: ["Det går godt."],
            actions: [{ text: "Kasper Ørum giver status", owners: ["Kasper Ørum"], deadline: null, deadlineText: "på næste møde", at: { page: 2, line: 14 } }],
            span: { page: 2, startLine: 3, endLine: 20, endPage: 2 },
          }),
          item("2", "Gar og Aalborg", { decisionText: "Intet til referat." }),
          item("3", "Sundhedshusene i Hobro og sundhedshuse generelt"),
        ],
      }),
    ),
  );
});
afterAll(async () => {
  await store.close();
});

const texts = async (q: string) => (await store.search(q)).map((h) => `${h.kind}:${h.text}`);

describe("Danish forms", () => {
  it('"sundhedshuse" finds "sundhedshus", and the other way round; the best match first', async () => {
    expect(await texts("sundhedshuse")).toEqual([
      "item:Sundhedshusene i Hobro og sundhedshuse generelt",
      "item:Opsamling på drøftelser om sundhedshus",
    ]);
    expect((await texts("sundhedshus")).length).toBe(2);
    expect((await texts("SUNDHEDSHUSENE")).length).toBe(2);
  });

  it("keeps æ/ø/å letters of their own: går ≠ gar, ørum = Ørum, Ålborg = Aalborg", async () => {
    expect(await texts("går")).toEqual(["decision:Det går godt.", "decisionText:Det går godt. Kasper Ørum giver status på næste møde."]);
    expect(await texts("gar")).toEqual(["item:Gar og Aalborg"]);
    expect(await texts("ørum")).toEqual([
      "action:Kasper Ørum giver status",
      "decisionText:Det går godt. Kasper Ørum giver status på næste møde.",
    ]);
    expect((await texts("aalborg")).sort()).toEqual(["item:Gar og Aalborg", "recommendation:At klyngen drøfter møderne om Ålborg"]);
    expect((await texts("Ålborg")).length).toBe(2);
    expect(await texts("mødet")).toEqual([
      "recommendation:At klyngen drøfter møderne om Ålborg",
      "decisionText:Det går godt. Kasper Ørum giver status på næste møde.",
    ]);
  });

  it("returns snippets with the matched words marked, and the source position", async () => {
    const [hit] = await store.search("status ørum", { kinds: ["action"] });
    expect(hit).toMatchObject({
      kind: "action",
      snippet: "Kasper \u0002Ørum\u0003 giver \u0002status\u0003",
      item: { number: "1", title: "Opsamling på drøftelser om sundhedshus" },
      meeting: { body: "Klyngestyregruppe Syd", date: "2021-08-13" },
      source: { path: "/a/000.txt", file: "000.txt", page: 2, line: 14 },
    });
    const [rec] = await store.search("møderne", { kinds: ["recommendation"] });
    expect(rec!.source).toMatchObject({ page: 2, line: 3 });
  });
});

describe("user input is plain words", () => {
  it.each([
    ['"', 0],
    ['"sundhedshus', 2],
    ["sundhedshus*", 2],
    ["sundhedshus OR gar", 0],
    ["NEAR(sundhedshus gar)", 0],
    ["title:sundhedshus", 0],
    ["-sundhedshus", 2],
    ["(((", 0],
    ["", 0],
    ["   ", 0],
    ["AND", 0],
    ["sundhedshus' OR 1=1; DROP TABLE items; --", 0],
    ["🙂 sundhedshus", 2],
  ])("%j gives %i hits and never throws", async (q, n) => {
    expect((await store.search(q)).length).toBe(n);
  });

  it("turns input into quoted terms; short words match whole words only", () => {
    expect(queryTerms('Sundhedshuse "OR" near* at')).toEqual([
      { term: "sundhedshus", prefix: true },
      { term: "or", prefix: false },
      { term: "near", prefix: true },
      { term: "at", prefix: false },
    ]);
    expect(indexTerms("Møderne i Aalborg: sundhedshusene!")).toBe("mød i ålborg sundhedshus");
  });

  it("still has every row after the hostile queries", async () => {
    expect((await store.items()).length).toBe(3);
  });
});
