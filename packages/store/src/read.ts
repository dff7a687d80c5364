/**
 * The read API: what the report stage (and anyone with the database) asks. Every fact comes with
 * its meeting and its source position. Facts are read from each meeting's primary document only
 * (the same minutes stored as PDF and DOCX count once); `documents()` lists every file.
 */
import type { Dialect, Queryable, SearchKind, SqlValue } from "./backend.ts";
import { queryTerms, snippet } from "./danish.ts";
import type {
  ActionRecord,
  DocumentRecord,
  ItemRecord,
  ItemRef,
  MeetingRecord,
  MeetingRef,
  Owner,
  ParticipationRecord,
  PersonRecord,
  PersonRef,
  SearchHit,
  SourceRef,
  StoredFile,
  TextRecord,
  WarningRecord,
} from "./schema.ts";
import { nameKey } from "./names.ts";
import { bodyKey } from "./write.ts";

/** Narrows facts to meetings: by id, body (as printed, case and æ/ø/å spelling folded), cluster, date range. */
export interface MeetingFilter {
  meetingId?: number;
  body?: string;
  cluster?: "Nord" | "Midt" | "Syd";
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
}

export interface ItemFilter extends MeetingFilter {
  outcome?: ItemRef["outcome"];
  /** Leave out items with this outcome (the report's decisions leave out "none"). */
  excludeOutcome?: ItemRef["outcome"];
  /** Only these items (e.g. the hits of a search). */
  itemIds?: readonly number[];
  /** Only items presented by one of these names (as printed, case folded). */
  presenters?: readonly string[];
  /** Newest meeting first (default: oldest first). */
  newestFirst?: boolean;
  /** At most this many items: the limit is applied in SQL, before the item's texts are read. */
  limit?: number;
}

export interface ActionFilter extends MeetingFilter {
  /** Actions one of whose owners is this person. */
  personId?: number;
  /** Actions owned by this body ("sekretariatet") or person (any of their printed names). */
  owner?: string;
  /** Resolved deadline range, ISO dates inclusive. */
  dueFrom?: string;
  dueTo?: string;
  /** Resolved deadline strictly before this date (ISO). */
  dueBefore?: string;
  /** Not yet due on this date: no resolved deadline, or one on or after it. */
  notDueBefore?: string;
  /** At most this many actions (SQL limit; soonest deadline first when given). */
  limit?: number;
}

export interface SearchOptions {
  limit?: number;
  kinds?: readonly SearchKind[];
  /** Also hits in documents that are not their meeting's primary (the PDF beside the DOCX). */
  allDocuments?: boolean;
}

/** The joins from a fact's item to its document and meeting, and the columns every record needs. */
const FROM_ITEM = `JOIN documents d ON d.id = i.document_id JOIN meetings m ON m.id = d.meeting_id`;
const REF_COLUMNS = `i.id AS item_id, i.number AS item_number, i.title AS item_title, i.outcome AS item_outcome,
  m.id AS meeting_id, m.body AS meeting_body, m.cluster AS meeting_cluster, m.date AS meeting_date,
  d.id AS document_id, d.path AS document_path, d.file AS document_file`;

interface RefRow {
  item_id: number;
  item_number: string;
  item_title: string;
  item_outcome: ItemRef["outcome"];
  meeting_id: number;
  meeting_body: string | null;
  meeting_cluster: MeetingRef["cluster"];
  meeting_date: string | null;
  document_id: number;
  document_path: string;
  document_file: string;
}

function refs(r: RefRow, page: number | null, line: number | null) {
  return {
    item: { id: r.item_id, number: r.item_number, title: r.item_title, outcome: r.item_outcome },
    meeting: { id: r.meeting_id, body: r.meeting_body, cluster: r.meeting_cluster, date: r.meeting_date },
    source: { documentId: r.document_id, path: r.document_path, file: r.document_file, page, line } satisfies SourceRef,
  };
}

function meetingWhere(f: MeetingFilter & { outcome?: string }, primaryOnly = true): { sql: string; params: SqlValue[] } {
  // A primary document is a stored one (failed documents have no meeting and no facts).
  const where: string[] = [primaryOnly ? "d.is_primary = 1" : "d.status = 'stored'"];
  const params: SqlValue[] = [];
  const add = (cond: string, value: SqlValue) => {
    where.push(cond);
    params.push(value);
  };
  if (f.meetingId !== undefined) add("m.id = ?", f.meetingId);
  if (f.body !== undefined) add("m.body_key = ?", bodyKey(f.body));
  if (f.cluster !== undefined) add("m.cluster = ?", f.cluster);
  if (f.from !== undefined) add("m.date >= ?", f.from);
  if (f.to !== undefined) add("m.date <= ?", f.to);
  if (f.outcome !== undefined) add("i.outcome = ?", f.outcome);
  return { sql: where.join(" AND "), params };
}

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

interface DocumentRow {
  id: number;
  path: string;
  file: string;
  sha256: string | null;
  format: DocumentRecord["format"];
  pages: number | null;
  bytes: number | null;
  mtime_ms: number | null;
  status: DocumentRecord["status"];
  error_stage: string | null;
  error_code: string | null;
  error_message: string | null;
  extractor_version: string | null;
  meeting_id: number | null;
  is_primary: number;
  redacted_cpr: number;
  redacted_email: number;
  redacted_phone: number;
  ingested_at: string;
  updated_at: string;
}

export class Reader {
  constructor(
    private readonly q: Queryable,
    private readonly dialect: Dialect,
  ) {}

  async documents(filter: { status?: "stored" | "failed"; meetingId?: number } = {}): Promise<DocumentRecord[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.status) (where.push("status = ?"), params.push(filter.status));
    if (filter.meetingId !== undefined) (where.push("meeting_id = ?"), params.push(filter.meetingId));
    return this.documentRows(where, params);
  }

  /** A stored document by content hash (any path), or null. */
  async findBySha(sha256: string): Promise<DocumentRecord | null> {
    return (await this.documentRows(["sha256 = ?", "status = 'stored'"], [sha256]))[0] ?? null;
  }

  /** The document stored (or failed) at a path, or null. */
  async findByPath(path: string): Promise<DocumentRecord | null> {
    return (await this.documentRows(["path = ?"], [path]))[0] ?? null;
  }

  /**
   * Every path on record (stored or failed) with its sha256, size, modification time and status,
   * in one query: what a nightly run needs to skip files whose size and mtime are unchanged
   * without reading them (10,000 rows: a few ms). A Map, because the caller looks paths up.
   */
  async storedFiles(): Promise<Map<string, StoredFile>> {
    const rows = await this.q.all<{ path: string; sha256: string | null; bytes: number | null; mtime_ms: number | null; status: StoredFile["status"] }>(
      "SELECT path, sha256, bytes, mtime_ms, status FROM documents",
    );
    const out = new Map<string, StoredFile>();
    for (const r of rows) out.set(r.path, { sha256: r.sha256, bytes: r.bytes, mtimeMs: r.mtime_ms, status: r.status });
    return out;
  }

  private async documentRows(where: string[], params: SqlValue[]): Promise<DocumentRecord[]> {
    const rows = await this.q.all<DocumentRow>(
      `SELECT * FROM documents ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      path: r.path,
      file: r.file,
      sha256: r.sha256,
      format: r.format,
      pages: r.pages,
      bytes: r.bytes,
      mtimeMs: r.mtime_ms,
      status: r.status,
      error: r.error_code ? { stage: r.error_stage ?? "", code: r.error_code, message: r.error_message ?? "" } : null,
      extractorVersion: r.extractor_version,
      meetingId: r.meeting_id,
      isPrimary: r.is_primary === 1,
      redacted: { cpr: r.redacted_cpr, email: r.redacted_email, phone: r.redacted_phone },
      ingestedAt: r.ingested_at,
      updatedAt: r.updated_at,
    }));
  }

  async meetings(filter: MeetingFilter = {}): Promise<MeetingRecord[]> {
    const { sql, params } = meetingWhere(filter);
    const rows = await this.q.all<{
      id: number;
      body: string | null;
      cluster: MeetingRef["cluster"];
      kind: MeetingRecord["kind"];
      number: string | null;
      date: string | null;
      start_time: string | null;
      end_time: string | null;
      location: string | null;
      primary_id: number;
      items: number;
    }>(
      `SELECT m.id, m.body, m.cluster, m.kind, m.number, m.date, m.start_time, m.end_time, m.location, d.id AS primary_id,
         (SELECT COUNT(*) FROM items i WHERE i.document_id = d.id) AS items
       FROM meetings m JOIN documents d ON d.meeting_id = m.id
       WHERE ${sql} ORDER BY m.date, m.id`,
      params,
    );
    const docs = groupBy(
      await this.q.all<{ id: number; path: string; format: DocumentRecord["format"]; meeting_id: number }>(
        "SELECT id, path, format, meeting_id FROM documents WHERE meeting_id IS NOT NULL AND status = 'stored' ORDER BY id",
      ),
      (d) => d.meeting_id,
    );
    return rows.map((r) => ({
      id: r.id,
      body: r.body,
      cluster: r.cluster,
      kind: r.kind,
      number: r.number,
      date: r.date,
      startTime: r.start_time,
      endTime: r.end_time,
      location: r.location,
      primaryDocumentId: r.primary_id,
      documents: (docs.get(r.id) ?? []).map((d) => ({ id: d.id, path: d.path, format: d.format })),
      items: r.items,
    }));
  }

  async items(filter: ItemFilter = {}): Promise<ItemRecord[]> {
    const { sql, params } = meetingWhere(filter);
    const where = [sql];
    if (filter.excludeOutcome !== undefined) (where.push("i.outcome <> ?"), params.push(filter.excludeOutcome));
    if (filter.itemIds !== undefined) {
      if (filter.itemIds.length === 0) return [];
      where.push(`i.id IN (${filter.itemIds.map(() => "?").join(", ")})`);
      params.push(...filter.itemIds);
    }
    if (filter.presenters !== undefined) {
      if (filter.presenters.length === 0) return [];
      where.push(`lower(i.presenter) IN (${filter.presenters.map(() => "?").join(", ")})`);
      params.push(...filter.presenters.map((p) => p.toLowerCase()));
    }
    const order = filter.newestFirst ? "m.date DESC, m.id, i.ord" : "m.date, m.id, i.ord";
    // "The newest N": walk meetings by date (their index) and stop after N items, instead of
    // sorting every item. CROSS JOIN fixes that join order in SQLite; in SQL it is a plain join.
    const byDate = filter.limit !== undefined && filter.itemIds === undefined && filter.presenters === undefined && filter.meetingId === undefined;
    const from = byDate
      ? "meetings m CROSS JOIN documents d ON d.meeting_id = m.id CROSS JOIN items i ON i.document_id = d.id"
      : `items i ${FROM_ITEM}`;
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : "";
    const rows = await this.q.all<
      RefRow & { presenter: string | null; decision_text: string | null; page: number; start_line: number; end_line: number; end_page: number }
    >(
      `SELECT ${REF_COLUMNS}, i.presenter, i.decision_text, i.page, i.start_line, i.end_line, i.end_page
       FROM ${from} WHERE ${where.join(" AND ")} ORDER BY ${order}${limit}`,
      params,
    );
    // The texts of the items just read, by id (in chunks: SQLite caps bound parameters).
    const ids = rows.map((r) => r.item_id);
    const texts = async (table: "attachments" | "recommendations" | "decisions", column: "name" | "text") => {
      const found: { item_id: number; text: string }[] = [];
      for (let k = 0; k < ids.length; k += 500) {
        const chunk = ids.slice(k, k + 500);
        found.push(
          ...(await this.q.all<{ item_id: number; text: string }>(
            `SELECT item_id, ${column} AS text FROM ${table} WHERE item_id IN (${chunk.map(() => "?").join(", ")}) ORDER BY item_id, ord`,
            chunk,
          )),
        );
      }
      return groupBy(found, (x) => x.item_id);
    };
    const [attachments, recommendations, decisions] = await Promise.all([
      texts("attachments", "name"),
      texts("recommendations", "text"),
      texts("decisions", "text"),
    ]);
    const list = (m: Map<number, { text: string }[]>, id: number) => (m.get(id) ?? []).map((x) => x.text);
    return rows.map((r) => {
      const { item, meeting, source } = refs(r, r.page, r.start_line);
      return {
        ...item,
        presenter: r.presenter,
        decisionText: r.decision_text,
        attachments: list(attachments, r.item_id),
        recommendations: list(recommendations, r.item_id),
        decisions: list(decisions, r.item_id),
        meeting,
        span: { page: r.page, startLine: r.start_line, endLine: r.end_line, endPage: r.end_page },
        source,
      };
    });
  }

  /** Decisions, in meeting date order; each at its item's first line. */
  decisions(filter: ItemFilter = {}): Promise<TextRecord[]> {
    return this.texts("decisions", filter);
  }

  /** Recommendations (indstillinger), in meeting date order; each at its item's first line. */
  recommendations(filter: ItemFilter = {}): Promise<TextRecord[]> {
    return this.texts("recommendations", filter);
  }

  private async texts(table: "decisions" | "recommendations", filter: ItemFilter): Promise<TextRecord[]> {
    const { sql, params } = meetingWhere(filter);
    const rows = await this.q.all<RefRow & { id: number; text: string; page: number; line: number }>(
      `SELECT x.id, x.text, x.page, x.line, ${REF_COLUMNS} FROM ${table} x JOIN items i ON i.id = x.item_id ${FROM_ITEM}
       WHERE ${sql} ORDER BY m.date, m.id, i.ord, x.ord`,
      params,
    );
    return rows.map((r) => ({ id: r.id, text: r.text, ...refs(r, r.page, r.line) }));
  }

  async actions(filter: ActionFilter = {}): Promise<ActionRecord[]> {
    const { sql, params } = meetingWhere(filter);
    const where = [sql];
    if (filter.personId !== undefined) {
      where.push("a.id IN (SELECT action_id FROM action_owners WHERE person_id = ?)");
      params.push(filter.personId);
    }
    if (filter.owner !== undefined) {
      where.push(`a.id IN (SELECT o.action_id FROM action_owners o WHERE o.body = ? OR o.person_id IN
        (SELECT person_id FROM person_aliases WHERE name = ?))`);
      params.push(filter.owner, filter.owner);
    }
    if (filter.dueFrom !== undefined) (where.push("a.deadline_resolved >= ?"), params.push(filter.dueFrom));
    if (filter.dueTo !== undefined) (where.push("a.deadline_resolved <= ?"), params.push(filter.dueTo));
    if (filter.dueBefore !== undefined) (where.push("a.deadline_resolved < ?"), params.push(filter.dueBefore));
    if (filter.notDueBefore !== undefined) (where.push("(a.deadline_resolved IS NULL OR a.deadline_resolved >= ?)"), params.push(filter.notDueBefore));
    const cond = where.join(" AND ");
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : "";
    const order = filter.limit !== undefined ? "a.deadline_resolved IS NULL, a.deadline_resolved, m.date, m.id, i.ord, a.ord" : "m.date, m.id, i.ord, a.ord";
    const rows = await this.q.all<
      RefRow & {
        id: number;
        text: string;
        deadline: string | null;
        deadline_text: string | null;
        deadline_rule: ActionRecord["deadlineRule"];
        deadline_resolved: string | null;
        resolved_meeting_id: number | null;
        page: number;
        line: number;
      }
    >(
      `SELECT a.id, a.text, a.deadline, a.deadline_text, a.deadline_rule, a.deadline_resolved, a.resolved_meeting_id,
         a.page, a.line, ${REF_COLUMNS}
       FROM actions a JOIN items i ON i.id = a.item_id ${FROM_ITEM} WHERE ${cond} ORDER BY ${order}${limit}`,
      params,
    );
    // The owners of the actions just read (in chunks: SQLite caps bound parameters).
    const ownerRows: { action_id: number; name: string; person_id: number | null; body: string | null }[] = [];
    const actionIds = rows.map((r) => r.id);
    for (let k = 0; k < actionIds.length; k += 500) {
      const chunk = actionIds.slice(k, k + 500);
      ownerRows.push(
        ...(await this.q.all<{ action_id: number; name: string; person_id: number | null; body: string | null }>(
          `SELECT action_id, name, person_id, body FROM action_owners WHERE action_id IN (${chunk.map(() => "?").join(", ")}) ORDER BY action_id, ord`,
          chunk,
        )),
      );
    }
    const owners = groupBy(ownerRows, (o) => o.action_id);
    const people = await this.personRefs([...owners.values()].flat().flatMap((o) => (o.person_id === null ? [] : [o.person_id])));
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      owners: (owners.get(r.id) ?? []).map(
        (o): Owner => (o.person_id === null ? { kind: "body", name: o.body ?? o.name } : { kind: "person", name: o.name, person: people.get(o.person_id)! }),
      ),
      deadline: r.deadline,
      deadlineText: r.deadline_text,
      deadlineRule: r.deadline_rule,
      deadlineResolved: r.deadline_resolved,
      resolvedMeetingId: r.resolved_meeting_id,
      ...refs(r, r.page, r.line),
    }));
  }

  private async personRefs(ids: readonly number[]): Promise<Map<number, PersonRef>> {
    const out = new Map<number, PersonRef>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const marks = chunk.map(() => "?").join(", ");
      const persons = await this.q.all<{ id: number; name: string }>(`SELECT id, name FROM persons WHERE id IN (${marks})`, chunk);
      const aliases = groupBy(
        await this.q.all<{ person_id: number; name: string }>(
          `SELECT person_id, name FROM person_aliases WHERE person_id IN (${marks}) ORDER BY id`,
          chunk,
        ),
        (a) => a.person_id,
      );
      for (const p of persons) out.set(p.id, { id: p.id, name: p.name, aliases: (aliases.get(p.id) ?? []).map((a) => a.name) });
    }
    return out;
  }

  /**
   * The people one printed name may mean: the person that name (or a spelling of it) was stored
   * under, else everyone with that name as one of their name parts ("Lagoni"). Cheap: the alias
   * index only, no counts.
   */
  async personsNamed(name: string): Promise<PersonRef[]> {
    const key = nameKey(name);
    if (!key) return [];
    let ids = (await this.q.all<{ person_id: number }>("SELECT DISTINCT person_id FROM person_aliases WHERE name_key = ?", [key])).map((r) => r.person_id);
    if (ids.length === 0 && !key.includes(" ")) {
      ids = (
        await this.q.all<{ person_id: number }>(
          "SELECT DISTINCT person_id FROM person_aliases WHERE name_key = ? OR name_key LIKE ? OR name_key LIKE ? OR name_key LIKE ?",
          [key, `${key} %`, `% ${key}`, `% ${key} %`],
        )
      ).map((r) => r.person_id);
    }
    const refs = await this.personRefs(ids);
    return ids.map((id) => refs.get(id)!).filter(Boolean);
  }

  /** Everyone in the store with every printed name and the rule that joined it. */
  async persons(filter: { id?: number } = {}): Promise<PersonRecord[]> {
    const where = filter.id !== undefined ? "WHERE p.id = ?" : "";
    const rows = await this.q.all<{ id: number; name: string; meetings: number; actions: number }>(
      `SELECT p.id, p.name,
         (SELECT COUNT(DISTINCT d.meeting_id) FROM participations x JOIN documents d ON d.id = x.document_id
           WHERE x.person_id = p.id) AS meetings,
         (SELECT COUNT(*) FROM action_owners o JOIN actions a ON a.id = o.action_id JOIN items i ON i.id = a.item_id
           JOIN documents d ON d.id = i.document_id WHERE o.person_id = p.id AND d.is_primary = 1) AS actions
       FROM persons p ${where} ORDER BY p.name, p.id`,
      filter.id !== undefined ? [filter.id] : [],
    );
    const aliases = groupBy(
      await this.q.all<{ person_id: number; name: string; rule: string; detail: string | null; matched: string | null }>(
        `SELECT a.person_id, a.name, a.rule, a.detail, b.name AS matched FROM person_aliases a
         LEFT JOIN person_aliases b ON b.id = a.matched_alias_id ORDER BY a.id`,
      ),
      (a) => a.person_id,
    );
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      aliases: (aliases.get(p.id) ?? []).map((a) => ({ name: a.name, rule: a.rule, detail: a.detail, matchedTo: a.matched })),
      meetings: p.meetings,
      actions: p.actions,
    }));
  }

  /** Who took part: per meeting (its primary document) or per person, in meeting date order. */
  async participations(filter: MeetingFilter & { personId?: number } = {}): Promise<ParticipationRecord[]> {
    const { sql, params } = meetingWhere(filter);
    const where = [sql];
    if (filter.personId !== undefined) (where.push("x.person_id = ?"), params.push(filter.personId));
    const rows = await this.q.all<{
      person_id: number;
      name: string;
      status: ParticipationRecord["status"];
      title: string | null;
      organization: string | null;
      page: number | null;
      line: number | null;
      meeting_id: number;
      body: string | null;
      cluster: MeetingRef["cluster"];
      date: string | null;
      document_id: number;
      path: string;
      file: string;
    }>(
      `SELECT x.person_id, x.name, x.status, x.title, x.organization, x.page, x.line,
         m.id AS meeting_id, m.body, m.cluster, m.date, d.id AS document_id, d.path, d.file
       FROM participations x JOIN documents d ON d.id = x.document_id JOIN meetings m ON m.id = d.meeting_id
       WHERE ${where.join(" AND ")} ORDER BY m.date, m.id, x.ord`,
      params,
    );
    const people = await this.personRefs(rows.map((r) => r.person_id));
    return rows.map((r) => ({
      person: people.get(r.person_id)!,
      name: r.name,
      status: r.status,
      title: r.title,
      organization: r.organization,
      meeting: { id: r.meeting_id, body: r.body, cluster: r.cluster, date: r.date },
      source: { documentId: r.document_id, path: r.path, file: r.file, page: r.page, line: r.line },
    }));
  }

  /** Warnings of ingest, extract and store, per document, with their positions. */
  async warnings(filter: { documentId?: number; code?: string } = {}): Promise<WarningRecord[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.documentId !== undefined) (where.push("w.document_id = ?"), params.push(filter.documentId));
    if (filter.code !== undefined) (where.push("w.code = ?"), params.push(filter.code));
    const rows = await this.q.all<{
      stage: string;
      severity: WarningRecord["severity"];
      code: string;
      message: string;
      page: number | null;
      line: number | null;
      document_id: number;
      path: string;
      file: string;
    }>(
      `SELECT w.stage, w.severity, w.code, w.message, w.page, w.line, d.id AS document_id, d.path, d.file
       FROM warnings w JOIN documents d ON d.id = w.document_id ${where.length ? "WHERE " + where.join(" AND ") : ""}
       ORDER BY w.document_id, w.id`,
      params,
    );
    return rows.map((r) => ({
      stage: r.stage,
      severity: r.severity,
      code: r.code,
      message: r.message,
      source: { documentId: r.document_id, path: r.path, file: r.file, page: r.page, line: r.line },
    }));
  }

  /**
   * Full-text search over item titles, decision texts, recommendations, decisions and actions.
   * The query is plain words (any input is safe: FTS syntax is not interpreted); Danish
   * inflections match ("sundhedshuse" finds "sundhedshus"), æ/ø/å are letters of their own.
   * Ranked by bm25, best first.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    // Matches come ranked from the index; those of other kinds or of non-primary documents are
    // dropped afterwards, so more are fetched until `limit` hits are found or none are left.
    let hits: SearchHit[] = [];
    for (let fetch = Math.max(200, limit * 10); ; fetch *= 4) {
      const matches = await this.dialect.search.match(this.q, terms, fetch);
      hits = await this.hits(matches, terms, limit, options);
      if (hits.length >= limit || matches.length < fetch || fetch >= 100_000) return hits;
    }
  }

  private async hits(
    matches: { kind: SearchKind; id: number; rank: number }[],
    terms: { term: string; prefix: boolean }[],
    limit: number,
    options: SearchOptions,
  ): Promise<SearchHit[]> {
    const wanted = matches.filter((m) => !options.kinds || options.kinds.includes(m.kind));
    const details = new Map<string, RefRow & { text: string | null; page: number; line: number; is_primary: number }>();
    for (const [kind, list] of groupBy(wanted, (m) => m.kind)) {
      const ids = list.map((m) => m.id);
      const source = SEARCH_SOURCE[kind];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await this.q.all<RefRow & { id: number; text: string | null; page: number; line: number; is_primary: number }>(
          `SELECT x.id, ${source.text} AS text, ${source.page} AS page, ${source.line} AS line, d.is_primary, ${REF_COLUMNS}
           FROM ${source.from} ${FROM_ITEM} WHERE x.id IN (${chunk.map(() => "?").join(", ")})`,
          chunk,
        );
        for (const r of rows) details.set(`${kind}:${r.id}`, r);
      }
    }
    const hits: SearchHit[] = [];
    for (const m of wanted) {
      const r = details.get(`${m.kind}:${m.id}`);
      if (!r || r.text === null || (!options.allDocuments && r.is_primary !== 1)) continue;
      hits.push({ kind: m.kind, id: m.id, text: r.text, snippet: snippet(r.text, terms), rank: m.rank, ...refs(r, r.page, r.line) });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/** Where each kind of indexed text lives; `x` is the row, `i` its item. */
const SEARCH_SOURCE: Record<SearchKind, { from: string; text: string; page: string; line: string }> = {
  item: { from: "items x JOIN items i ON i.id = x.id", text: "x.title", page: "x.page", line: "x.start_line" },
  decisionText: { from: "items x JOIN items i ON i.id = x.id", text: "x.decision_text", page: "x.page", line: "x.start_line" },
  recommendation: { from: "recommendations x JOIN items i ON i.id = x.item_id", text: "x.text", page: "x.page", line: "x.line" },
  decision: { from: "decisions x JOIN items i ON i.id = x.item_id", text: "x.text", page: "x.page", line: "x.line" },
  action: { from: "actions x JOIN items i ON i.id = x.item_id", text: "x.text", page: "x.page", line: "x.line" },
};
