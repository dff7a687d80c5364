/**
 * The analysts' questions, answered from the store (never from the files). Each query returns a
 * `Table` that every output format can print; each row carries its source (file, page, line) and
 * the ids of its meeting and item, so the web page can link a row to the meeting it comes from.
 */
import type { ActionRecord, Owner, SearchHit, Store, TextRecord } from "@minutes/store";
import type { Row, Source, Table } from "./format.ts";

export type Reader = Pick<
  Store,
  "items" | "actions" | "meetings" | "persons" | "personsNamed" | "participations" | "search" | "documents" | "findByPath" | "decisions" | "recommendations"
>;

export type Cluster = "Nord" | "Midt" | "Syd";
export const OUTCOMES = ["withdrawn", "rejected", "postponed", "approved", "decided", "noted", "discussed", "none"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface DecisionQuery {
  cluster?: Cluster;
  body?: string;
  from?: string;
  to?: string;
  outcome?: Outcome;
  /** Full-text: only items whose title, decision, recommendations or actions mention it. */
  search?: string;
  limit?: number;
}

export interface ActionQuery {
  owner?: string;
  /** Not yet due: a deadline today or later, or no date at all. */
  open?: boolean;
  /** Past due: a deadline before today. */
  overdue?: boolean;
  dueBefore?: string;
  cluster?: Cluster;
  body?: string;
  from?: string;
  to?: string;
  /** "Today" for open/overdue (ISO); default the current date. Tests fix it. */
  today?: string;
  limit?: number;
}

export class QueryError extends Error {}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Accepts "2021-08-13", "2021-08", "2021" (from: first day, to: last day) and checks the date. */
export function isoDate(value: string | undefined, end: "from" | "to", what: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  const v = value.trim();
  let iso: string;
  if (/^\d{4}$/.test(v)) iso = end === "from" ? `${v}-01-01` : `${v}-12-31`;
  else if (/^\d{4}-\d{2}$/.test(v)) {
    const [y, m] = v.split("-").map(Number) as [number, number];
    iso = end === "from" ? `${v}-01` : `${v}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
  } else iso = v;
  const d = new Date(`${iso}T00:00:00Z`);
  if (!ISO.test(iso) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw new QueryError(`${what}: "${value}" is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)`);
  }
  return iso;
}

export function parseCluster(v: string | undefined): Cluster | undefined {
  if (v === undefined || v === "") return undefined;
  const c = v.trim().toLowerCase();
  const found = (["Nord", "Midt", "Syd"] as const).find((x) => x.toLowerCase() === c);
  if (!found) throw new QueryError(`--cluster: "${v}" is not one of Nord, Midt, Syd`);
  return found;
}

export function parseOutcome(v: string | undefined): Outcome | undefined {
  if (v === undefined || v === "") return undefined;
  const o = v.trim().toLowerCase() as Outcome;
  if (!OUTCOMES.includes(o)) throw new QueryError(`--outcome: "${v}" is not one of ${OUTCOMES.join(", ")}`);
  return o;
}

function source(s: { file: string; path: string; page: number | null; line: number | null }): Source {
  return { file: s.file, path: s.path, page: s.page, line: s.line };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const DECISION_COLUMNS: Table["columns"] = [
  { key: "date", label: "Dato", kind: "date" },
  { key: "cluster", label: "Klynge", kind: "text" },
  { key: "body", label: "Forum", kind: "text" },
  { key: "item", label: "Punkt", kind: "text", wide: true },
  { key: "outcome", label: "Udfald", kind: "text" },
  { key: "decision", label: "Beslutning", kind: "text", wide: true },
  { key: "source", label: "Kilde", kind: "source" },
];

/** Items with a decision (any outcome but "none"), newest meeting first. */
export async function decisionsReport(store: Reader, q: DecisionQuery = {}): Promise<Table> {
  // Filters, order and limit go to the store (SQL), so a large archive answers as fast as a small one.
  const itemIds = q.search !== undefined ? [...new Set((await store.search(q.search, { limit: 200 })).map((h) => h.item.id))] : undefined;
  const items = await store.items({
    cluster: q.cluster,
    body: q.body,
    from: q.from,
    to: q.to,
    outcome: q.outcome,
    excludeOutcome: q.outcome === undefined ? "none" : undefined,
    itemIds,
    newestFirst: true,
    limit: q.limit,
  });
  const rows: Row[] = items.map((i) => ({
    date: i.meeting.date,
    cluster: i.meeting.cluster,
    body: i.meeting.body,
    item: `${i.number}. ${i.title}`,
    outcome: i.outcome,
    decision: i.decisions.length > 0 ? i.decisions.join(" ") : i.decisionText,
    source: source(i.source),
    meeting_id: i.meeting.id,
    item_id: i.id,
  }));
  const bits = [q.cluster && `Klynge ${q.cluster}`, q.body, q.from && `fra ${q.from}`, q.to && `til ${q.to}`, q.outcome, q.search && `"${q.search}"`].filter(Boolean);
  return { title: `Beslutninger${bits.length ? ` (${bits.join(", ")})` : ""}`, columns: DECISION_COLUMNS, rows };
}

function ownerName(o: Owner): string {
  return o.kind === "person" ? o.person.name : o.name;
}

function actionState(a: ActionRecord, now: string): "overdue" | "open" {
  return a.deadlineResolved !== null && a.deadlineResolved < now ? "overdue" : "open";
}

const ACTION_COLUMNS: Table["columns"] = [
  { key: "owner", label: "Ejer", kind: "text" },
  { key: "text", label: "Opgave", kind: "text", wide: true },
  { key: "deadline", label: "Frist", kind: "date" },
  { key: "deadline_text", label: "Frist (tekst)", kind: "text" },
  { key: "state", label: "Status", kind: "text" },
  { key: "date", label: "Møde", kind: "date" },
  { key: "body", label: "Forum", kind: "text" },
  { key: "source", label: "Kilde", kind: "source" },
];

/**
 * Actions, one row per owner (an action of two people is on both their lists). `open` and
 * `overdue` are read off the deadline: the minutes do not say when a task is done, so an action
 * is open until its deadline passes and overdue after.
 */
export async function actionsReport(store: Reader, q: ActionQuery = {}): Promise<Table> {
  const now = q.today ?? today();
  let owner: string | undefined;
  let personId: number | undefined;
  if (q.owner !== undefined) {
    const person = await findPerson(store, q.owner);
    if (person) personId = person.id;
    else owner = q.owner.trim().toLowerCase();
  }
  // "Overdue" and "open" are deadline conditions: the store applies them in SQL.
  const dueBefore = [q.dueBefore, q.overdue ? now : undefined].filter((d): d is string => !!d).sort()[0];
  const actions = await store.actions({
    cluster: q.cluster,
    body: q.body,
    from: q.from,
    to: q.to,
    personId,
    owner,
    dueBefore,
    notDueBefore: q.open ? now : undefined,
    limit: q.limit,
  });
  const rows: Row[] = [];
  for (const a of actions) {
    const owners = a.owners.length > 0 ? a.owners : [null];
    for (const o of owners) {
      if (o && personId !== undefined && !(o.kind === "person" && o.person.id === personId)) continue;
      if (o && owner !== undefined && !(o.kind === "body" && o.name.toLowerCase() === owner)) continue;
      rows.push({
        owner: o ? ownerName(o) : null,
        text: a.text,
        deadline: a.deadlineResolved,
        deadline_text: a.deadlineText,
        state: actionState(a, now),
        date: a.meeting.date,
        body: a.meeting.body,
        source: source(a.source),
        meeting_id: a.meeting.id,
        item_id: a.item.id,
      });
    }
  }
  rows.sort(
    (x, y) =>
      String(x.owner ?? "\uffff").localeCompare(String(y.owner ?? "\uffff"), "da") ||
      String(x.deadline ?? "9999").localeCompare(String(y.deadline ?? "9999")) ||
      String(x.date ?? "").localeCompare(String(y.date ?? "")),
  );
  const limited = q.limit !== undefined ? rows.slice(0, q.limit) : rows;
  const bits = [q.owner && `ejer ${q.owner}`, q.open && "åbne", q.overdue && "overskredne", q.dueBefore && `frist før ${q.dueBefore}`].filter(Boolean);
  return { title: `Opgaver${bits.length ? ` (${bits.join(", ")})` : ""}`, columns: ACTION_COLUMNS, rows: limited };
}

/** A person by any printed name (case, spacing and æ/ø/å spellings folded), or null when none or several. */
export async function findPerson(store: Reader, name: string) {
  const found = await store.personsNamed(name);
  return found.length === 1 ? found[0]! : null;
}

function fold(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

const STATUS_DA: Record<string, string> = { present: "deltog", absent: "afbud", substitute: "deltog i stedet", guest: "gæst", secretary: "sekretær" };

/** One person: meetings attended or missed, items presented, actions owned, in date order. */
export async function personReport(store: Reader, name: string, opts: { today?: string } = {}): Promise<Table> {
  const person = await findPerson(store, name);
  if (!person) throw new QueryError(`no person "${name}" in the store (try a full name as printed in a participant list)`);
  const names = [...new Set([person.name, ...person.aliases].map(fold))];
  const rows: Row[] = [];
  for (const p of await store.participations({ personId: person.id })) {
    rows.push({
      kind: "møde",
      date: p.meeting.date,
      body: p.meeting.body,
      text: `${STATUS_DA[p.status] ?? p.status}${p.name !== person.name ? ` (som ${p.name})` : ""}`,
      status: p.status,
      source: source(p.source),
      meeting_id: p.meeting.id,
      item_id: null,
    });
  }
  // Items this person presented ("ved NAME"), under any of their names.
  for (const i of await store.items({ presenters: names })) {
    rows.push({ kind: "punkt", date: i.meeting.date, body: i.meeting.body, text: `${i.number}. ${i.title}`, status: i.outcome, source: source(i.source), meeting_id: i.meeting.id, item_id: i.id });
  }
  const now = opts.today ?? today();
  for (const a of await store.actions({ personId: person.id })) {
    rows.push({
      kind: "opgave",
      date: a.meeting.date,
      body: a.meeting.body,
      text: a.text + (a.deadlineResolved ? ` (frist ${a.deadlineResolved})` : a.deadlineText ? ` (${a.deadlineText})` : ""),
      status: actionState(a, now),
      source: source(a.source),
      meeting_id: a.meeting.id,
      item_id: a.item.id,
    });
  }
  const order = { møde: 0, punkt: 1, opgave: 2 } as Record<string, number>;
  rows.sort((x, y) => String(x.date ?? "").localeCompare(String(y.date ?? "")) || order[x.kind as string]! - order[y.kind as string]!);
  const aliases = person.aliases.filter((n) => n !== person.name);
  return {
    title: `${person.name}${aliases.length ? ` (også skrevet ${aliases.join(", ")})` : ""}`,
    columns: [
      { key: "date", label: "Dato", kind: "date" },
      { key: "kind", label: "Type", kind: "text" },
      { key: "body", label: "Forum", kind: "text" },
      { key: "text", label: "Hvad", kind: "text", wide: true },
      { key: "status", label: "Status", kind: "text" },
      { key: "source", label: "Kilde", kind: "source" },
    ],
    rows,
  };
}

const KIND_DA: Record<SearchHit["kind"], string> = {
  item: "punkt",
  decisionText: "referat",
  recommendation: "indstilling",
  decision: "beslutning",
  action: "opgave",
};

/** Search hits' snippets mark matches with \u0002 … \u0003; text output shows them as «…». */
export function plainSnippet(s: string): string {
  return s.replace(/\u0002/g, "«").replace(/\u0003/g, "»");
}

function hitRow(h: SearchHit, rank: number | null): Row {
  return {
    rank,
    kind: KIND_DA[h.kind],
    snippet: h.snippet,
    date: h.meeting.date,
    cluster: h.meeting.cluster,
    body: h.meeting.body,
    item: `${h.item.number}. ${h.item.title}`,
    source: source(h.source),
    meeting_id: h.meeting.id,
    item_id: h.item.id,
  };
}

/** Ranked full-text hits with a snippet and the source position. */
export async function searchReport(store: Reader, text: string, opts: { limit?: number } = {}): Promise<Table> {
  const hits = await store.search(text, { limit: opts.limit ?? 50 });
  return {
    title: `Søgning: ${text}`,
    columns: [
      { key: "rank", label: "#", kind: "number" },
      { key: "kind", label: "Type", kind: "text" },
      { key: "snippet", label: "Uddrag", kind: "text", wide: true },
      { key: "date", label: "Dato", kind: "date" },
      { key: "body", label: "Forum", kind: "text" },
      { key: "source", label: "Kilde", kind: "source" },
    ],
    rows: hits.map((h, k) => hitRow(h, k + 1)),
  };
}

/** A timeline across clusters of items, decisions and actions that mention a topic. */
export async function topicReport(store: Reader, text: string, opts: { limit?: number } = {}): Promise<Table> {
  const hits = await store.search(text, { limit: opts.limit ?? 500 });
  // One row per fact; the oldest first, and within a meeting in the order of the agenda.
  const rows = hits
    .map((h) => hitRow(h, null))
    .sort((x, y) => String(x.date ?? "").localeCompare(String(y.date ?? "")) || String(x.cluster ?? "").localeCompare(String(y.cluster ?? "")) || Number(x.item_id) - Number(y.item_id));
  return {
    title: `Emne: ${text}`,
    columns: [
      { key: "date", label: "Dato", kind: "date" },
      { key: "cluster", label: "Klynge", kind: "text" },
      { key: "body", label: "Forum", kind: "text" },
      { key: "kind", label: "Type", kind: "text" },
      { key: "snippet", label: "Uddrag", kind: "text", wide: true },
      { key: "source", label: "Kilde", kind: "source" },
    ],
    rows,
  };
}

export interface MeetingView {
  meeting: Awaited<ReturnType<Reader["meetings"]>>[number];
  documents: { id: number; file: string; path: string; format: string | null; pages: number | null }[];
  participants: { name: string; title: string | null; organization: string | null; status: string; source: Source }[];
  items: {
    id: number;
    number: string;
    title: string;
    presenter: string | null;
    outcome: string;
    recommendations: string[];
    decisionText: string | null;
    decisions: string[];
    attachments: string[];
    actions: { text: string; owners: string[]; deadline: string | null; deadlineText: string | null; source: Source }[];
    source: Source;
  }[];
}

/** One meeting by its id or by the path or file name of one of its documents. */
export async function meetingView(store: Reader, ref: string): Promise<MeetingView> {
  let id: number | null = /^\d+$/.test(ref.trim()) ? Number(ref.trim()) : null;
  if (id === null) {
    const doc = (await store.findByPath(ref)) ?? (await store.documents({ status: "stored" })).find((d) => d.file === ref || d.path.endsWith(`/${ref}`)) ?? null;
    if (!doc) throw new QueryError(`no stored document "${ref}"`);
    if (doc.meetingId === null) throw new QueryError(`"${ref}" is stored without a meeting (it failed: ${doc.error?.message ?? "unknown"})`);
    id = doc.meetingId;
  }
  const meeting = (await store.meetings({ meetingId: id }))[0];
  if (!meeting) throw new QueryError(`no meeting ${id}`);
  const docs = await store.documents({ meetingId: id });
  const items = await store.items({ meetingId: id });
  const actions = await store.actions({ meetingId: id });
  const participants = await store.participations({ meetingId: id });
  return {
    meeting,
    documents: docs.map((d) => ({ id: d.id, file: d.file, path: d.path, format: d.format, pages: d.pages })),
    participants: participants.map((p) => ({ name: p.person.name, title: p.title, organization: p.organization, status: p.status, source: source(p.source) })),
    items: items.map((i) => ({
      id: i.id,
      number: i.number,
      title: i.title,
      presenter: i.presenter,
      outcome: i.outcome,
      recommendations: i.recommendations,
      decisionText: i.decisionText,
      decisions: i.decisions,
      attachments: i.attachments,
      actions: actions
        .filter((a) => a.item.id === i.id)
        .map((a) => ({ text: a.text, owners: a.owners.map(ownerName), deadline: a.deadlineResolved, deadlineText: a.deadlineText, source: source(a.source) })),
      source: source(i.source),
    })),
  };
}

/** The meeting view as a table (one row per item) for the CLI's formats. */
export function meetingTable(v: MeetingView): Table {
  const m = v.meeting;
  return {
    title: [m.body ?? "Møde", m.date, m.kind, m.number ? `nr. ${m.number}` : null, m.location].filter(Boolean).join(" · "),
    columns: [
      { key: "number", label: "Punkt", kind: "text" },
      { key: "title", label: "Titel", kind: "text", wide: true },
      { key: "recommendations", label: "Indstilling", kind: "text", wide: true },
      { key: "outcome", label: "Udfald", kind: "text" },
      { key: "decision", label: "Beslutning", kind: "text", wide: true },
      { key: "actions", label: "Opgaver", kind: "text", wide: true },
      { key: "source", label: "Kilde", kind: "source" },
    ],
    rows: v.items.map((i) => ({
      number: i.number,
      title: i.title + (i.presenter ? ` (ved ${i.presenter})` : ""),
      recommendations: i.recommendations.join(" · ") || null,
      outcome: i.outcome,
      decision: i.decisionText,
      actions: i.actions.map((a) => `${a.text} [${a.owners.join(", ") || "?"}${a.deadline ? `, ${a.deadline}` : a.deadlineText ? `, ${a.deadlineText}` : ""}]`).join(" · ") || null,
      source: i.source,
      meeting_id: m.id,
      item_id: i.id,
    })),
  };
}

/** Decisions per cluster per quarter, for the chart. */
export async function decisionsPerQuarter(store: Reader, q: DecisionQuery = {}): Promise<{ quarters: string[]; series: { cluster: string; counts: number[] }[] }> {
  const t = await decisionsReport(store, { ...q, limit: undefined });
  const counts = new Map<string, Map<string, number>>();
  const quarters = new Set<string>();
  for (const r of t.rows) {
    const d = r.date as string | null;
    if (!d) continue;
    const quarter = `${d.slice(0, 4)} K${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
    quarters.add(quarter);
    const cluster = (r.cluster as string | null) ?? "(ingen)";
    const m = counts.get(cluster) ?? new Map<string, number>();
    m.set(quarter, (m.get(quarter) ?? 0) + 1);
    counts.set(cluster, m);
  }
  const qs = [...quarters].sort();
  const order = ["Nord", "Midt", "Syd", "(ingen)"];
  return {
    quarters: qs,
    series: [...counts]
      .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
      .map(([cluster, m]) => ({ cluster, counts: qs.map((x) => m.get(x) ?? 0) })),
  };
}

/** The values the page's filters offer. */
export async function facets(store: Reader): Promise<{ bodies: string[]; clusters: string[]; outcomes: string[] }> {
  const meetings = await store.meetings();
  const bodies = [...new Set(meetings.map((m) => m.body).filter((b): b is string => !!b))].sort((a, b) => a.localeCompare(b, "da"));
  return { bodies, clusters: ["Nord", "Midt", "Syd"], outcomes: [...OUTCOMES] };
}

export type { TextRecord };
