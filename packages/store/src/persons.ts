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
}

type Match = { alias: AliasRow | null; rule: string; detail: string };

export class PersonResolver {
  readonly warnings: { code: string; message: string; page: null; line: null }[] = [];
  /** person id → the name key that took it in this document. */
  private readonly taken = new Map<number, string>();
  private readonly byKey = new Map<string, number>();

  constructor(
    private readonly tx: Queryable,
    private readonly documentId: number,
    private readonly now: string,
  ) {}

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
    const same = await this.tx.get<{ person_id: number }>(
      "SELECT person_id FROM person_aliases WHERE name_key = ? AND parts >= 2 ORDER BY id LIMIT 1",
      [key],
    );
    if (same) return { personId: same.person_id, how: null };
    const candidates = await this.tx.all<AliasRow>(
      "SELECT id, person_id, name FROM person_aliases WHERE first_key = ? AND parts >= 2 ORDER BY id",
      [foldName(words[0]!)],
    );
    const hits = new Map<number, Match>();
    for (const alias of candidates) {
      const m = matchNames(name, alias.name);
      if (m && !hits.has(alias.person_id)) hits.set(alias.person_id, { alias, ...m });
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
    await this.addAlias(row!.id, name, key, words, { alias: null, rule: "first-seen", detail: "" });
    return row!.id;
  }

  /** Adds the printed name to the person unless it is there; the fullest printing becomes the name. */
  private async addAlias(
    personId: number,
    name: string,
    key: string,
    words: string[],
    how: Match | null,
  ): Promise<void> {
    const exists = await this.tx.get<{ id: number }>("SELECT id FROM person_aliases WHERE person_id = ? AND name = ?", [personId, name]);
    if (exists) return;
    const rule = how?.rule ?? "same-name";
    const detail = how?.detail || null;
    await this.tx.run(
      `INSERT INTO person_aliases (person_id, name, name_key, first_key, parts, rule, detail, matched_alias_id, document_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [personId, name, key, foldName(words[0] ?? name), words.length, rule, detail, how?.alias?.id ?? null, this.documentId, this.now],
    );
    await this.tx.run(
      `UPDATE persons SET name = (SELECT name FROM person_aliases WHERE person_id = ? ORDER BY parts DESC, id LIMIT 1) WHERE id = ?`,
      [personId, personId],
    );
  }
}
