/**
 * Persons across meetings. Every printed name is an alias of one person; a new name joins the
 * person whose alias it matches (names.ts, rule and detail recorded on the alias), else it
 * starts a new person. Careful by design:
 *
 * - candidates share the folded first name (indexed), and the match must be unique: a name that
 *   fits two different persons starts a third and leaves a `person-ambiguous` warning;
 * - two participants of one document are different people, so a name never joins a person that
 *   another name of the same document already took;
 * - a one-word name ("Charlotte") never joins anyone: it gets a person of its own per document.
 */
import type { Queryable } from "./backend.ts";
import { foldName, matchNames, nameKey, nameWords } from "./names.ts";

interface AliasRow {
  id: number;
  person_id: number;
  name: string;
  name_key: string;
}

type Match = { alias: AliasRow | null; rule: string; detail: string };

/** IN lists are padded to these lengths, so a handful of statements serve every document. */
const IN_SIZES = [1, 2, 4, 8, 16, 32, 64] as const;

export class PersonResolver {
  readonly warnings: { code: string; message: string; page: null; line: null }[] = [];
  /** person id → the name key that took it in this document. */
  private readonly taken = new Map<number, string>();
  private readonly byKey = new Map<string, number>();
  /**
   * Folded first name → every alias of two or more parts with that first name, in id order: the
   * candidates of a name (and, by name key, its exact match). Loaded once per first name and
   * document (prefetch: one query for all of them), and kept in step with the aliases this
   * document adds; nothing else writes person_aliases inside the transaction.
   */
  private readonly aliases = new Map<string, AliasRow[]>();

  constructor(
    private readonly tx: Queryable,
    private readonly documentId: number,
    private readonly now: string,
  ) {}

  /** Loads the candidates of all these names at once (optional: resolve loads what is missing). */
  async prefetch(names: Iterable<string>): Promise<void> {
    const keys = new Set<string>();
    for (const name of names) {
      const words = nameWords(name);
      if (words.length >= 2) {
        const first = foldName(words[0]!);
        if (!this.aliases.has(first)) keys.add(first);
      }
    }
    await this.load([...keys]);
  }

  private async load(keys: readonly string[]): Promise<void> {
    for (let at = 0; at < keys.length; at += 64) {
      const chunk = keys.slice(at, at + 64);
      const size = IN_SIZES.find((n) => n >= chunk.length)!;
      const params = Array.from({ length: size }, (_, i) => chunk[Math.min(i, chunk.length - 1)]!);
      const rows = await this.tx.all<AliasRow & { first_key: string }>(
        `SELECT id, person_id, name, name_key, first_key FROM person_aliases
          WHERE first_key IN (${params.map(() => "?").join(", ")}) AND parts >= 2`,
        params,
      );
      for (const k of chunk) this.aliases.set(k, []);
      for (const r of rows) this.aliases.get(r.first_key)!.push({ id: r.id, person_id: r.person_id, name: r.name, name_key: r.name_key });
      // In id order per name (the index gives them so; sorting sorted lists is cheap).
      for (const k of chunk) this.aliases.get(k)!.sort((a, b) => a.id - b.id);
    }
  }

  private async candidates(first: string): Promise<AliasRow[]> {
    if (!this.aliases.has(first)) await this.load([first]);
    return this.aliases.get(first)!;
  }

  /** The person id for a printed name; `participant` names are held apart from one another. */
  async resolve(name: string, participant: boolean): Promise<number> {
    const key = nameKey(name);
    const mine = this.byKey.get(key);
    if (mine !== undefined) return mine;
    const words = nameWords(name);
    const found = words.length >= 2 ? await this.find(name, key, words) : null;
    let personId: number;
    if (!found || (participant && this.taken.has(found.personId) && this.taken.get(found.personId) !== key)) {
      personId = await this.create(name, key, words);
    } else {
      personId = found.personId;
      await this.addAlias(personId, name, key, words, found.how);
    }
    if (participant) this.taken.set(personId, key);
    this.byKey.set(key, personId);
    return personId;
  }

  private async find(name: string, key: string, words: string[]): Promise<{ personId: number; how: Match | null } | null> {
    // The same name key has the same first name: the first alias (by id) with this key.
    const candidates = await this.candidates(foldName(words[0]!));
    const same = candidates.find((a) => a.name_key === key);
    if (same) return { personId: same.person_id, how: null };
    const hits = new Map<number, Match>();
    for (const alias of candidates) {
      if (hits.has(alias.person_id)) continue;
      const m = matchNames(name, alias.name);
      if (m) hits.set(alias.person_id, { alias, ...m });
    }
    if (hits.size === 0) return null;
    if (hits.size > 1) {
      const names = [...hits.values()].map((h) => `"${h.alias?.name}"`).join(", ");
      this.warnings.push({
        code: "person-ambiguous",
        message: `"${name}" could be any of ${names}; kept as a person of its own`,
        page: null,
        line: null,
      });
      return null;
    }
    const [personId, how] = [...hits.entries()][0]!;
    return { personId, how };
  }

  private async create(name: string, key: string, words: string[]): Promise<number> {
    const row = await this.tx.get<{ id: number }>("INSERT INTO persons (name, created_at) VALUES (?, ?) RETURNING id", [name, this.now]);
    // A new person has no aliases yet, and its name is already the fullest printing.
    await this.insertAlias(row!.id, name, key, words, { alias: null, rule: "first-seen", detail: "" });
    return row!.id;
  }

  /** Adds the printed name to the person unless it is there; the fullest printing becomes the name. */
  private async addAlias(personId: number, name: string, key: string, words: string[], how: Match | null): Promise<void> {
    // Found by find(), so the name has two or more words: an alias with this exact name has the
    // same first name and is among the loaded candidates.
    if (this.aliases.get(foldName(words[0]!))!.some((a) => a.person_id === personId && a.name === name)) return;
    await this.insertAlias(personId, name, key, words, how);
    await this.tx.run(
      `UPDATE persons SET name = (SELECT name FROM person_aliases WHERE person_id = ? ORDER BY parts DESC, id LIMIT 1) WHERE id = ?`,
      [personId, personId],
    );
  }

  private async insertAlias(personId: number, name: string, key: string, words: string[], how: Match | null): Promise<void> {
    const rule = how?.rule ?? "same-name";
    const detail = how?.detail || null;
    const first = foldName(words[0] ?? name);
    const row = await this.tx.get<{ id: number }>(
      `INSERT INTO person_aliases (person_id, name, name_key, first_key, parts, rule, detail, matched_alias_id, document_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [personId, name, key, first, words.length, rule, detail, how?.alias?.id ?? null, this.documentId, this.now],
    );
    // Ids only grow, so the list stays in id order.
    if (words.length >= 2) this.aliases.get(first)?.push({ id: row!.id, person_id: personId, name, name_key: key });
  }
}
