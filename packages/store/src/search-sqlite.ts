/**
 * The full-text index on SQLite: one FTS5 table over normalised, stemmed text (danish.ts).
 *
 * - Contentless (`content=''`, `contentless_delete=1`, SQLite ≥ 3.43): the texts already live in
 *   items/recommendations/decisions/actions; the index holds only their terms. Snippets are made
 *   from the original text in TypeScript, so they show the words as printed.
 * - The row id says what a row is: `id * 8 + kind code` (item title 1, decision text 2,
 *   recommendation 3, decision 4, action 5), so no mapping table is needed, and delete triggers
 *   on the source tables keep the index in step — also when rows go by ON DELETE CASCADE.
 * - Tokenizer `unicode61 remove_diacritics 0`: the default (remove_diacritics 1) folds å to a,
 *   so "går" would match "gar". The terms are lower-case stems already; the tokenizer only splits.
 */
import { SEARCH_KINDS, type SearchDialect, type SearchKind } from "./backend.ts";

const CODE: Record<SearchKind, number> = { item: 1, decisionText: 2, recommendation: 3, decision: 4, action: 5 };
const KIND_OF_CODE = new Map(SEARCH_KINDS.map((k) => [CODE[k], k] as const));

export function searchRowId(kind: SearchKind, id: number): number {
  return id * 8 + CODE[kind];
}

export const sqliteSearch: SearchDialect = {
  ddl: `
    CREATE VIRTUAL TABLE search_fts USING fts5(
      terms, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0"
    );
    CREATE TRIGGER items_search_ad AFTER DELETE ON items BEGIN
      DELETE FROM search_fts WHERE rowid IN (old.id * 8 + 1, old.id * 8 + 2);
    END;
    CREATE TRIGGER recommendations_search_ad AFTER DELETE ON recommendations BEGIN
      DELETE FROM search_fts WHERE rowid = old.id * 8 + 3;
    END;
    CREATE TRIGGER decisions_search_ad AFTER DELETE ON decisions BEGIN
      DELETE FROM search_fts WHERE rowid = old.id * 8 + 4;
    END;
    CREATE TRIGGER actions_search_ad AFTER DELETE ON actions BEGIN
      DELETE FROM search_fts WHERE rowid = old.id * 8 + 5;
    END;
  `,

  async add(q, rows) {
    // Up to 16 rows per statement (one statement text per count, prepared once), in order.
    const values: (number | string)[] = [];
    const flush = async () => {
      if (values.length === 0) return;
      await q.run(`INSERT INTO search_fts (rowid, terms) VALUES ${"(?, ?), ".repeat(values.length / 2 - 1)}(?, ?)`, values);
      values.length = 0;
    };
    for (const r of rows) {
      if (!r.terms) continue;
      values.push(searchRowId(r.kind, r.id), r.terms);
      if (values.length === 32) await flush();
    }
    await flush();
  },

  async remove(q, rows) {
    for (const r of rows) await q.run("DELETE FROM search_fts WHERE rowid = ?", [searchRowId(r.kind, r.id)]);
  },

  async compact(q) {
    // FTS5's 'optimize' merges every segment into one, dropping deleted entries.
    await q.run("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  },

  async match(q, terms, limit) {
    if (terms.length === 0) return [];
    // Every term is [\p{L}\p{N}]+ (danish.ts), so quoting it makes it a plain phrase: user text
    // never becomes FTS5 syntax (OR, NEAR, *, column filters, unbalanced quotes).
    const expr = terms.map((t) => `"${t.term.replace(/"/g, '""')}"${t.prefix ? "*" : ""}`).join(" AND ");
    const rows = await q.all<{ rowid: number; rank: number }>(
      "SELECT rowid, bm25(search_fts) AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ?",
      [expr, limit],
    );
    return rows.map((r) => ({ kind: KIND_OF_CODE.get(r.rowid % 8)!, id: Math.floor(r.rowid / 8), rank: r.rank }));
  },
};
