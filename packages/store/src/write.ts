/**
 * The write path: one document, whole or not at all, inside the caller's transaction.
 *
 * A document's facts (participation, items and everything under them, warnings) hang off its
 * `documents` row. Meetings group documents: the PDF and the DOCX of one meeting are two
 * documents of one meeting, and one of them (the primary: docx, html, txt, pdf, then the oldest)
 * stands for the meeting in the read API, so nothing is counted twice.
 */
import type { Minutes, Item } from "@minutes/extract";
// Titles compare as minutes-eval compares texts (token F1, CONTRACT.md).
import { sim } from "@minutes/extract/eval";
import type { Message } from "@minutes/ingest";
import type { Dialect, Queryable } from "./backend.ts";
import { indexTerms } from "./danish.ts";
import { foldName } from "./names.ts";
import { PersonResolver } from "./persons.ts";
import { noRedactions, totalRedactions, type RedactCounts } from "./redact.ts";
import type { DocumentMeta, FailureInput, SaveResult, TouchFile } from "./schema.ts";

const now = () => new Date().toISOString();

/** Which document of a meeting stands for it: lower is preferred (DOCX keeps the structure best). */
const FORMAT_RANK: Record<string, number> = { docx: 0, html: 1, txt: 2, pdf: 3 };

/** "til næste møde", "på næste møde", "inden næste møde": the date of the body's next meeting. */
const NEXT_MEETING = /\bnæste\s+møde\b/i;

export function bodyKey(body: string | null): string | null {
  if (!body) return null;
  const key = foldName(body)
    .replace(/[‐-―-]/g, "-")
    .replace(/[^\p{L}\p{N}-]+/gu, " ")
    .trim();
  return key || null;
}

interface DocRow {
  id: number;
  sha256: string | null;
  status: "stored" | "failed";
  meeting_id: number | null;
  extractor_version: string | null;
  mtime_ms: number | null;
}

export async function saveDocument(
  tx: Queryable,
  dialect: Dialect,
  input: { document: DocumentMeta; minutes: Minutes; messages: Message[]; runId?: number | undefined },
  redacted: RedactCounts = noRedactions(),
): Promise<SaveResult> {
  const { document: meta, minutes } = input;
  const existing = await tx.get<DocRow>("SELECT id, sha256, status, meeting_id, extractor_version, mtime_ms FROM documents WHERE path = ?", [
    meta.path,
  ]);
  const mtime = meta.mtimeMs ?? null;
  // Unchanged: the same bytes read by the same extractor. Other bytes, or another extractor
  // version (minutes reextract), replace the stored version.
  const version = minutes.extractor ?? null;
  if (existing?.status === "stored" && existing.sha256 === meta.sha256 && existing.extractor_version === version) {
    // The bytes are the stored ones: a new modification time is recorded (as touchFiles does).
    if (mtime !== null && existing.mtime_ms !== mtime) await tx.run("UPDATE documents SET mtime_ms = ? WHERE id = ?", [mtime, existing.id]);
    return { status: "unchanged", documentId: existing.id, meetingId: existing.meeting_id, sameMeetingAs: [], redacted: noRedactions() };
  }
  const t = now();
  const runId = input.runId ?? null;
  const header = JSON.stringify(minutes.meeting);
  const ingestMeta = meta.ingestMeta ? JSON.stringify(meta.ingestMeta) : null;
  let documentId: number;
  let oldPersons: number[] = [];
  if (existing) {
    documentId = existing.id;
    oldPersons = await personsOf(tx, documentId);
    // The old version goes: its items (and by ON DELETE CASCADE their recommendations, decisions,
    // actions, owners, attachments and index rows), participation and warnings.
    for (const table of ["items", "participations", "warnings"]) {
      await tx.run(`DELETE FROM ${table} WHERE document_id = ?`, [documentId]);
    }
    await tx.run(
      `UPDATE documents SET file = ?, sha256 = ?, format = ?, pages = ?, bytes = ?, mtime_ms = ?, status = 'stored',
         error_stage = NULL, error_code = NULL, error_message = NULL, extractor_version = ?,
         meeting_id = NULL, is_primary = 0, meeting_header = ?, ingest_meta = ?, run_id = ?, updated_at = ?,
         redacted_cpr = ?, redacted_email = ?, redacted_phone = ?
       WHERE id = ?`,
      [
        minutes.source.file, meta.sha256, meta.format, meta.pages, meta.bytes, mtime, minutes.extractor ?? null, header, ingestMeta, runId, t,
        redacted.cpr, redacted.email, redacted.phone, documentId,
      ],
    );
  } else {
    const row = await tx.get<{ id: number }>(
      `INSERT INTO documents (path, file, sha256, format, pages, bytes, mtime_ms, status, extractor_version,
         meeting_header, ingest_meta, run_id, ingested_at, updated_at, redacted_cpr, redacted_email, redacted_phone)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'stored', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        meta.path, minutes.source.file, meta.sha256, meta.format, meta.pages, meta.bytes, mtime, minutes.extractor ?? null, header, ingestMeta, runId, t, t,
        redacted.cpr, redacted.email, redacted.phone,
      ],
    );
    documentId = row!.id;
  }

  const meetingId = await findOrCreateMeeting(tx, minutes, t, existing?.meeting_id ?? null);
  await tx.run("UPDATE documents SET meeting_id = ? WHERE id = ?", [meetingId, documentId]);

  const persons = new PersonResolver(tx, documentId, t);
  // The candidates of every name this document may resolve, in one query.
  const participantNames = new Set(minutes.participants.map((p) => p.name));
  await persons.prefetch([
    ...participantNames,
    ...minutes.items.flatMap((i) => i.actions.flatMap((a) => a.owners.filter((o) => !participantNames.has(o) && /^\p{Lu}/u.test(o)))),
  ]);
  const participantPerson = new Map<string, number>();
  for (const [ord, p] of minutes.participants.entries()) {
    const personId = await persons.resolve(p.name, true);
    participantPerson.set(p.name, personId);
    await tx.run(
      `INSERT INTO participations (document_id, person_id, ord, name, status, title, organization, page, line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [documentId, personId, ord, p.name, p.status, p.title, p.organization, p.at?.page ?? null, p.at?.line ?? null],
    );
  }
  // The search index rows of the whole document, added in one go after the items (in order).
  const index: IndexRow[] = [];
  for (const [ord, item] of minutes.items.entries()) {
    await insertItem(tx, index, documentId, ord, item, async (owner) => {
      const known = participantPerson.get(owner);
      if (known !== undefined) return { personId: known };
      // Bodies are written in lower case by extract ("sekretariatet", "klynge syd").
      if (!/^\p{Lu}/u.test(owner)) return { body: owner };
      return { personId: await persons.resolve(owner, false) };
    });
  }
  await dialect.search.add(tx, index);
  const warnings = [
    ...input.messages.map((m) => ({ ...m })),
    ...minutes.warnings.map((w) => ({ ...w, stage: w.stage ?? "extract", severity: w.severity ?? "warning" })),
    ...persons.warnings.map((w) => ({ ...w, stage: "store" as const, severity: "info" as const })),
  ];
  for (const w of warnings) {
    await tx.run(
      "INSERT INTO warnings (document_id, stage, severity, code, message, page, line) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [documentId, w.stage, w.severity, w.code, w.message, w.page, w.line],
    );
  }

  await refreshMeeting(tx, meetingId);
  // Where "til næste møde" may now point elsewhere: around this meeting's date, and around the
  // old meeting's date when this path's old version belonged to another meeting.
  const changed = [{ key: bodyKey(minutes.meeting.body), date: minutes.meeting.date }];
  if (existing?.meeting_id != null && existing.meeting_id !== meetingId) {
    const old = await tx.get<{ body_key: string | null; date: string | null }>("SELECT body_key, date FROM meetings WHERE id = ?", [
      existing.meeting_id,
    ]);
    if (old) changed.push({ key: old.body_key, date: old.date });
    await dropOrRefreshMeeting(tx, existing.meeting_id);
  }
  for (const c of changed) if (c.key && c.date) await resolveNextMeetingDeadlines(tx, c.key, c.date);
  await deleteOrphanPersons(tx, oldPersons);
  await addRunRedactions(tx, runId, redacted);

  const others = await tx.all<{ path: string }>("SELECT path FROM documents WHERE meeting_id = ? AND id <> ? ORDER BY id", [
    meetingId,
    documentId,
  ]);
  return {
    status: existing?.status === "stored" ? "updated" : "new",
    documentId,
    meetingId,
    sameMeetingAs: others.map((o) => o.path),
    redacted,
  };
}

/** The run's redaction totals grow in the transaction that wrote the redacted text. */
async function addRunRedactions(tx: Queryable, runId: number | null, c: RedactCounts): Promise<void> {
  if (runId === null || totalRedactions(c) === 0) return;
  await tx.run("UPDATE runs SET redacted_cpr = redacted_cpr + ?, redacted_email = redacted_email + ?, redacted_phone = redacted_phone + ? WHERE id = ?", [
    c.cpr,
    c.email,
    c.phone,
    runId,
  ]);
}

type OwnerLink = { personId: number } | { body: string };

type IndexRow = Parameters<Dialect["search"]["add"]>[1][number];

async function insertItem(
  tx: Queryable,
  index: IndexRow[],
  documentId: number,
  ord: number,
  item: Item,
  owner: (name: string) => Promise<OwnerLink>,
): Promise<void> {
  const { span } = item;
  const row = await tx.get<{ id: number }>(
    `INSERT INTO items (document_id, ord, number, title, presenter, outcome, decision_text, page, start_line, end_line, end_page)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [documentId, ord, item.number, item.title, item.presenter, item.outcome, item.decisionText, span.page, span.startLine, span.endLine, span.endPage],
  );
  const itemId = row!.id;
  index.push(
    { kind: "item", id: itemId, terms: indexTerms(item.title) },
    { kind: "decisionText", id: itemId, terms: indexTerms(item.decisionText ?? "") },
  );
  for (const [i, name] of item.attachments.entries()) {
    await tx.run("INSERT INTO attachments (item_id, ord, name) VALUES (?, ?, ?)", [itemId, i, name]);
  }
  // Recommendations and decisions carry no position of their own in minutes-json/1: they get
  // their item's first line.
  for (const [table, kind, texts] of [
    ["recommendations", "recommendation", item.recommendations],
    ["decisions", "decision", item.decisions],
  ] as const) {
    for (const [i, text] of texts.entries()) {
      const r = await tx.get<{ id: number }>(`INSERT INTO ${table} (item_id, ord, text, page, line) VALUES (?, ?, ?, ?, ?) RETURNING id`, [
        itemId,
        i,
        text,
        span.page,
        span.startLine,
      ]);
      index.push({ kind, id: r!.id, terms: indexTerms(text) });
    }
  }
  for (const [i, a] of item.actions.entries()) {
    const rule = a.deadline ? "stated" : a.deadlineText && NEXT_MEETING.test(a.deadlineText) ? "next-meeting" : null;
    const r = await tx.get<{ id: number }>(
      `INSERT INTO actions (item_id, ord, text, deadline, deadline_text, deadline_rule, deadline_resolved, page, line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [itemId, i, a.text, a.deadline, a.deadlineText, rule, a.deadline, a.at?.page ?? span.page, a.at?.line ?? span.startLine],
    );
    const actionId = r!.id;
    index.push({ kind: "action", id: actionId, terms: indexTerms(a.text) });
    for (const [j, name] of a.owners.entries()) {
      const link = await owner(name);
      await tx.run("INSERT INTO action_owners (action_id, ord, name, person_id, body) VALUES (?, ?, ?, ?, ?)", [
        actionId,
        j,
        name,
        "personId" in link ? link.personId : null,
        "body" in link ? link.body : null,
      ]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Meetings

type ItemSig = { number: string; title: string };

/**
 * Two documents are one meeting when body and date agree and so do the items: with a date, at
 * least 60 % of the longer item list matches by number and title (token F1 ≥ 0.5), so a PDF
 * whose extraction lost an item still joins its DOCX; without a date, every item must match
 * and there must be items. Printed meeting numbers, where both have one, must be equal.
 */
export function sameMeeting(
  a: { date: string | null; number: string | null; items: ItemSig[] },
  b: { date: string | null; number: string | null; items: ItemSig[] },
): boolean {
  if (a.date !== b.date) return false;
  if (a.number && b.number && a.number !== b.number) return false;
  const longer = Math.max(a.items.length, b.items.length);
  if (longer === 0) return a.date !== null;
  const byNumber = new Map(b.items.map((i) => [i.number, i.title]));
  const matched = a.items.filter((i) => byNumber.has(i.number) && sim(i.title, byNumber.get(i.number)!) >= 0.5).length;
  if (a.date === null) return matched === longer && a.items.length === b.items.length;
  return matched / longer >= 0.6;
}

/** `previous`: the meeting this path's old version belonged to; kept when body and date still agree. */
async function findOrCreateMeeting(tx: Queryable, minutes: Minutes, t: string, previous: number | null): Promise<number> {
  const m = minutes.meeting;
  const key = bodyKey(m.body);
  if (key) {
    const candidates = await tx.all<{ id: number; number: string | null }>(
      "SELECT id, number FROM meetings WHERE body_key = ? AND (date = ? OR (date IS NULL AND ? IS NULL)) ORDER BY id",
      [key, m.date, m.date],
    );
    const mine = { date: m.date, number: m.number, items: minutes.items };
    for (const c of candidates) {
      const doc = await tx.get<{ id: number }>(
        "SELECT id FROM documents WHERE meeting_id = ? AND status = 'stored' ORDER BY is_primary DESC, id LIMIT 1",
        [c.id],
      );
      if (!doc) {
        if (c.id === previous) return c.id; // only this path's old version was on it
        continue;
      }
      const items = await tx.all<ItemSig>("SELECT number, title FROM items WHERE document_id = ? ORDER BY ord", [doc.id]);
      if (sameMeeting(mine, { date: m.date, number: c.number, items })) return c.id;
    }
  }
  const row = await tx.get<{ id: number }>(
    `INSERT INTO meetings (body, body_key, cluster, kind, number, date, start_time, end_time, location, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [m.body, key, m.cluster, m.kind, m.number, m.date, m.startTime, m.endTime, m.location, t],
  );
  return row!.id;
}

/** Picks the meeting's primary document and copies its meeting header onto the meeting. */
async function refreshMeeting(tx: Queryable, meetingId: number): Promise<void> {
  const docs = await tx.all<{ id: number; format: string }>(
    "SELECT id, format FROM documents WHERE meeting_id = ? AND status = 'stored' ORDER BY id",
    [meetingId],
  );
  if (docs.length === 0) return;
  const primary = [...docs].sort((a, b) => (FORMAT_RANK[a.format] ?? 9) - (FORMAT_RANK[b.format] ?? 9) || a.id - b.id)[0]!;
  // Only rows whose flag changes are written.
  await tx.run("UPDATE documents SET is_primary = 1 - is_primary WHERE meeting_id = ? AND is_primary = (CASE WHEN id = ? THEN 0 ELSE 1 END)", [
    meetingId,
    primary.id,
  ]);
  const header = await tx.get<{ meeting_header: string }>("SELECT meeting_header FROM documents WHERE id = ?", [primary.id]);
  const m = JSON.parse(header!.meeting_header) as Minutes["meeting"];
  await tx.run(
    `UPDATE meetings SET body = ?, cluster = ?, kind = ?, number = ?, start_time = ?, end_time = ?, location = ? WHERE id = ?`,
    [m.body, m.cluster, m.kind, m.number, m.startTime, m.endTime, m.location, meetingId],
  );
}

async function dropOrRefreshMeeting(tx: Queryable, meetingId: number): Promise<void> {
  const left = await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM documents WHERE meeting_id = ?", [meetingId]);
  if ((left?.n ?? 0) === 0) await tx.run("DELETE FROM meetings WHERE id = ?", [meetingId]);
  else await refreshMeeting(tx, meetingId);
}

/**
 * "til næste møde": the date of the next stored meeting of the same body. When a meeting of a
 * body arrives, changes or goes on `date`, the actions whose next meeting may have changed are
 * recomputed: those of the meetings on that date and of the body's last meeting before it. So
 * it holds whichever of the two meetings was stored first. `deadline` keeps what the document
 * said (null); the date goes to `deadline_resolved`, the meeting to `resolved_meeting_id`.
 */
export async function resolveNextMeetingDeadlines(tx: Queryable, key: string, date: string): Promise<void> {
  const next = `SELECT n.%s FROM items i
      JOIN documents d ON d.id = i.document_id
      JOIN meetings m ON m.id = d.meeting_id
      JOIN meetings n ON n.body_key = m.body_key AND n.date > m.date
     WHERE i.id = actions.item_id ORDER BY n.date, n.id LIMIT 1`;
  const nextDate = `(${next.replace("%s", "date")})`;
  const nextId = `(${next.replace("%s", "id")})`;
  // Only rows whose resolution changes are written (a body's meetings may be many).
  await tx.run(
    `UPDATE actions SET deadline_resolved = ${nextDate}, resolved_meeting_id = ${nextId}
     WHERE deadline_rule = 'next-meeting' AND item_id IN (
       SELECT i.id FROM items i JOIN documents d ON d.id = i.document_id JOIN meetings m ON m.id = d.meeting_id
        WHERE m.body_key = ? AND (m.date = ? OR m.date = (SELECT MAX(p.date) FROM meetings p WHERE p.body_key = ? AND p.date < ?)))
       AND (deadline_resolved IS DISTINCT FROM ${nextDate} OR resolved_meeting_id IS DISTINCT FROM ${nextId})`,
    [key, date, key, date],
  );
}

// ---------------------------------------------------------------------------------------------
// Persons and failures

async function personsOf(tx: Queryable, documentId: number): Promise<number[]> {
  const rows = await tx.all<{ person_id: number }>(
    `SELECT person_id FROM participations WHERE document_id = ?
     UNION SELECT o.person_id FROM action_owners o JOIN actions a ON a.id = o.action_id JOIN items i ON i.id = a.item_id
      WHERE i.document_id = ? AND o.person_id IS NOT NULL`,
    [documentId, documentId],
  );
  return rows.map((r) => r.person_id);
}

/** Persons no stored document mentions any more go, with their aliases. */
async function deleteOrphanPersons(tx: Queryable, ids: readonly number[]): Promise<void> {
  for (const id of ids) {
    await tx.run(
      `DELETE FROM persons WHERE id = ?
         AND NOT EXISTS (SELECT 1 FROM participations WHERE person_id = ?)
         AND NOT EXISTS (SELECT 1 FROM action_owners WHERE person_id = ?)`,
      [id, id, id],
    );
  }
}

/**
 * A file that failed: recorded in the run's failures and on its documents row. A path with a
 * stored version keeps it (the last good version stays queryable); a new path gets a row with
 * status "failed", so `minutes status` lists it and the next run tries it again.
 */
/** A file whose bytes proved unchanged gets its new modification time (stored documents only). */
export async function touchFiles(tx: Queryable, updates: readonly TouchFile[]): Promise<number> {
  let changed = 0;
  for (const u of updates) {
    const r =
      u.sha256 === undefined
        ? await tx.run("UPDATE documents SET mtime_ms = ? WHERE path = ? AND status = 'stored'", [u.mtimeMs, u.path])
        : await tx.run("UPDATE documents SET mtime_ms = ? WHERE path = ? AND status = 'stored' AND sha256 = ?", [u.mtimeMs, u.path, u.sha256]);
    changed += r.changes;
  }
  return changed;
}

export async function recordFailure(
  tx: Queryable,
  f: Omit<FailureInput, "format"> & { format: string | null },
  redacted: RedactCounts = noRedactions(),
): Promise<void> {
  const t = now();
  await addRunRedactions(tx, f.runId ?? null, redacted);
  if (f.runId !== undefined) {
    await tx.run("INSERT INTO run_failures (run_id, path, sha256, stage, code, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)", [
      f.runId,
      f.path,
      f.sha256,
      f.stage,
      f.code,
      f.message,
      t,
    ]);
  }
  const existing = await tx.get<{ id: number; status: string }>("SELECT id, status FROM documents WHERE path = ?", [f.path]);
  const file = f.path.split(/[\\/]/).pop() ?? f.path;
  const mtime = f.mtimeMs ?? null;
  if (!existing) {
    await tx.run(
      `INSERT INTO documents (path, file, sha256, format, mtime_ms, status, error_stage, error_code, error_message, run_id, ingested_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'failed', ?, ?, ?, ?, ?, ?)`,
      [f.path, file, f.sha256, f.format, mtime, f.stage, f.code, f.message, f.runId ?? null, t, t],
    );
  } else if (existing.status === "failed") {
    await tx.run(
      `UPDATE documents SET sha256 = ?, format = ?, mtime_ms = ?, error_stage = ?, error_code = ?, error_message = ?, run_id = ?, updated_at = ?
       WHERE id = ?`,
      [f.sha256, f.format, mtime, f.stage, f.code, f.message, f.runId ?? null, t, existing.id],
    );
  } else {
    // Keep the stored version; note the failed attempt on it. Its sha256, size and mtime stay
    // those of the stored bytes, so the next run sees the file changed and tries it again.
    await tx.run("UPDATE documents SET error_stage = ?, error_code = ?, error_message = ?, updated_at = ? WHERE id = ?", [
      f.stage,
      f.code,
      f.message,
      t,
      existing.id,
    ]);
  }
}
