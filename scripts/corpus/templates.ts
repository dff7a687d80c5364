/**
 * Six templates of minutes, after the seeds' four (Klynge Syd 000/002, Direktørforum 001,
 * Klyngestyregruppe Midt 003, Klynge Nord 004), a municipal committee ("Beslutning i … den
 * 04-06-2020", "Administrationen indstiller, at: 1. …") and a short driftsgruppe referat (initials,
 * "Aftalt:" lists, no labels). Each makes a model (meeting, participants, items: content.ts) and
 * lays it out as blocks for the renderers (render.ts, text.ts).
 */
import {
  backgroundParas,
  decisionParas,
  para,
  paraText,
  plainSentence,
  recommendation,
  type Ctx,
  type Item,
  type Outcome,
  type Para,
  type Person,
  type RecIntent,
  type Status,
} from "./content.ts";
import { addDays, capFirst, dashDate, longDate, meetingDate, MONTHS, MONTHS_SHORT, parts, WEEKDAYS } from "./dates.ts";
import type { Rng } from "./prng.ts";
import type { Block } from "./render.ts";
import {
  CHIEF_TITLES,
  CLUSTERS,
  COMMITTEES,
  DIRECTOR_TITLES,
  DRIFT_AREAS,
  FIRST_NAMES,
  LAST_NAMES,
  MIDDLE_NAMES,
  PARTIES,
  PLACES,
  REGION_ORGS,
  STAFF_TITLES,
  TITLE_PREFIXES,
  TOPICS,
  TOWNS,
  type Cluster,
  type Topic,
} from "./vocab.ts";

export interface Meeting {
  body: string;
  cluster: Cluster | null;
  kind: "referat" | "dagsorden";
  number: string | null;
  date: Date;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
}

export interface DocModel {
  id: string;
  template: TemplateName;
  meeting: Meeting;
  participants: Person[];
  items: Item[];
  /** Facts of the rendering the gold notes mention (e.g. "year-less meeting date"). */
  notes: string[];
}

export type TxtStyle = "paged" | "plain" | "markdown";

export interface Layout {
  blocks: Block[];
  header: string;
  footer: string;
  headerFrom: number;
  footerAlign: "right" | "center" | "left";
  /** DOCX: item numbers by Word's automatic numbering. */
  autoNumber: boolean;
  txt: TxtStyle;
}

export type TemplateName = "syd" | "direktorforum" | "midt" | "nord" | "kommune" | "driftsgruppe";

interface Template {
  name: TemplateName;
  weight: number;
  /** Range of the target page count. */
  pages: [number, number];
  make(rng: Rng, id: string, scale: number): { model: DocModel; layout: (rng: Rng) => Layout };
}

// ---------------------------------------------------------------------------------------------
// people

class People {
  private used = new Set<string>();
  private initials = new Set<string>();
  constructor(private rng: Rng) {}

  make(title: string | null, organization: string | null, status: Status): Person {
    for (;;) {
      const first = this.rng.pick(FIRST_NAMES);
      const middle = this.rng.chance(0.3) ? this.rng.pick(MIDDLE_NAMES) : null;
      const last = this.rng.pick(LAST_NAMES);
      const name = [first, middle, last].filter(Boolean).join(" ");
      const initials = [first, middle, last]
        .filter((x): x is string => Boolean(x))
        .map((x) => x.charAt(0))
        .join("")
        .toUpperCase();
      if (this.used.has(name) || this.initials.has(initials)) continue;
      this.used.add(name);
      this.initials.add(initials);
      return { name, first, initials, title, organization, status };
    }
  }
}

function time(h: number, m: number, sep: string): string {
  return `${String(h).padStart(2, "0")}${sep}${String(m).padStart(2, "0")}`;
}

function meetingTimes(rng: Rng) {
  const start = rng.int(32, 60) * 15; // 08:00–15:00
  const end = start + rng.int(4, 12) * 15;
  const sh = Math.floor(start / 60);
  const sm = start % 60;
  const eh = Math.floor(end / 60);
  const em = end % 60;
  return { sh, sm, eh, em, start: time(sh, sm, ":"), end: time(eh, em, ":") };
}

/** The cluster (one of `clusters`, repeated ones weigh more), a name source, the date and the organisations. */
function setup(rng: Rng, clusters: readonly Cluster[]) {
  const cluster = rng.pick(clusters);
  return { cluster, people: new People(rng), date: meetingDate(rng), orgs: clusterOrgs(cluster) };
}

function clusterOrgs(cluster: Cluster): string[] {
  return [...CLUSTERS[cluster].kommuner, CLUSTERS[cluster].hospital, ...REGION_ORGS];
}

/** Members of a cluster forum with a few absent (and substituted) ones. */
function clusterMembers(rng: Rng, people: People, cluster: Cluster, n: number): Person[] {
  const orgs = clusterOrgs(cluster);
  const out: Person[] = [];
  for (let k = 0; k < n; k++) {
    const org = k < orgs.length ? orgs[k]! : rng.pick(orgs);
    const title = k < 4 ? rng.pick(DIRECTOR_TITLES) : rng.pick([...CHIEF_TITLES, ...STAFF_TITLES]);
    const status: Status = rng.chance(0.18) ? "absent" : "present";
    const p = people.make(title, org, status);
    if (status === "absent" && rng.chance(0.4)) p.substitute = people.make(null, org, "substitute");
    out.push(p);
  }
  return out;
}

/** Every listed person, substitutes after the person they replace. */
function flatten(list: Person[]): Person[] {
  return list.flatMap((p) => (p.substitute ? [p, p.substitute] : [p]));
}

// ---------------------------------------------------------------------------------------------
// items

interface ItemPlan {
  recStyle: "at" | "verb" | "forum" | "passive" | "none";
  presenter: boolean;
  attachments: number;
  agreedList?: boolean;
  /** No background text (all item text is decision text). */
  noBackground?: boolean;
  firstTitles: string[];
  lastTitles: string[];
}

const OUTCOMES: [Outcome, number][] = [
  ["approved", 24],
  ["decided", 26],
  ["noted", 15],
  ["discussed", 15],
  ["postponed", 8],
  ["rejected", 5],
  ["withdrawn", 4],
  ["none", 3],
];

function intentsFor(rng: Rng, outcome: Outcome): RecIntent[] {
  const main: RecIntent =
    outcome === "approved" ? "approve" : outcome === "decided" ? rng.pick(["decide", "discuss"] as const) : outcome === "noted" ? "note" : outcome === "discussed" ? "discuss" : rng.pick(["approve", "decide", "discuss"] as const);
  const n = rng.weighted([[1, 6], [2, 3], [3, 1]] as const);
  const out: RecIntent[] = [main];
  while (out.length < n) {
    const extra = rng.pick(["approve", "discuss", "decide", "note"] as const);
    if (!out.includes(extra)) out.push(extra);
  }
  return out;
}

function attachmentTitle(rng: Rng, t: Topic, meeting: Date): string {
  const earlier = addDays(meeting, -rng.int(30, 120));
  return rng.pick([
    () => capFirst(t.doc),
    () => `Notat om ${t.noun}`,
    () => `Oversigt over ${t.group}`,
    () => `Referat af mødet ${parts(earlier).d}. ${MONTHS[parts(earlier).m - 1]} ${parts(earlier).y}`,
    () => `Høringssvar vedr. ${t.subject}`,
    () => `Bilag ${rng.int(1, 9)} - ${capFirst(t.subject)}`,
  ])();
}

function titleOf(rng: Rng, t: Topic): string {
  const prefix = rng.pick(TITLE_PREFIXES);
  return prefix ? `${prefix} ${t.subject}` : capFirst(t.subject);
}

/**
 * The items of a meeting: a first approval item, case items whose background fills the page
 * budget, and "Eventuelt".
 */
function makeItems(ctx: Ctx, kind: Meeting["kind"], plan: ItemPlan, count: number, backgroundParagraphs: number): Item[] {
  const { rng } = ctx;
  const topics = rng.sample(TOPICS, count);
  const items: Item[] = [];
  const actors = ctx.participants.filter((p) => p.status === "present" || p.status === "substitute");
  // background paragraphs spread unevenly over the case items
  const weights = Array.from({ length: count }, () => rng.next() ** 2 + 0.05);
  const wsum = weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < count; k++) {
    const number = String(k + 1);
    const t = topics[k]!;
    const first = k === 0;
    const last = k === count - 1;
    if (first) {
      const decision = kind === "dagsorden" ? null : decisionParas(ctx, t, "approved", { first: true });
      const recs = plan.recStyle !== "none" && rng.chance(0.7) ? [firstRec(ctx, plan.recStyle)] : [];
      items.push({ number, title: rng.pick(plan.firstTitles), presenter: plan.presenter && actors.length > 0 && rng.chance(0.5) ? rng.pick(actors).name : null, attachments: [], background: [], recommendations: recs, decision, outcome: decision ? "approved" : "none", topic: t });
      continue;
    }
    if (last) {
      let outcome: Outcome = rng.chance(0.6) ? "none" : "noted";
      let decision: Para[] | null = kind === "dagsorden" ? null : decisionParas(ctx, t, outcome, { actions: false });
      if (outcome === "none" && rng.chance(0.15)) decision = null;
      if (decision === null) outcome = "none";
      items.push({ number, title: rng.pick(plan.lastTitles), presenter: null, attachments: [], background: [], recommendations: [], decision, outcome, topic: t });
      continue;
    }
    let outcome: Outcome = kind === "dagsorden" ? "none" : rng.weighted(OUTCOMES);
    const paragraphs = plan.noBackground ? 0 : Math.round((backgroundParagraphs * weights[k]!) / wsum);
    const background = paragraphs > 0 || (!plan.noBackground && kind === "dagsorden") ? backgroundParas(ctx, t, Math.max(paragraphs, 1), { actions: rng.chance(0.3), recap: rng.chance(0.12) }) : [];
    const recs = plan.recStyle === "none" ? [] : intentsFor(rng, outcome).map((i) => recommendation(ctx, t, i, plan.recStyle as "at"));
    const attachments = Array.from({ length: rng.chance(0.45) ? rng.int(1, Math.max(1, plan.attachments)) : 0 }, () => attachmentTitle(rng, t, ctx.meeting));
    let decision: Para[] | null = null;
    if (kind === "referat") {
      decision = decisionParas(ctx, t, outcome, { agreedList: plan.agreedList === true && outcome === "decided" && rng.chance(0.6) });
    }
    if (decision === null) outcome = "none";
    items.push({
      number,
      title: titleOf(rng, t),
      presenter: plan.presenter && actors.length > 0 && rng.chance(0.6) ? rng.pick(actors).name : null,
      attachments: [...new Set(attachments)],
      background,
      recommendations: recs,
      decision,
      outcome,
      topic: t,
    });
  }
  return items;
}

function firstRec(ctx: Ctx, style: ItemPlan["recStyle"]): string {
  const { rng } = ctx;
  switch (style) {
    case "at":
      return rng.pick(["At dagsorden godkendes", "At dagsordenen godkendes", "At dagsorden og referat godkendes"]);
    case "verb":
      return rng.pick(["Godkender dagsordenen", "Godkender dagsordenen.", "Godkender referatet.", "Godkender dagsorden og referat"]);
    case "forum":
      return `${ctx.forum} godkender dagsordenen.`;
    default:
      return rng.pick(["dagsordenen godkendes", "dagsorden og referat godkendes"]);
  }
}

// ---------------------------------------------------------------------------------------------
// blocks

const P = (text: string, tight = false): Block => ({ kind: "para", text, tight });
const L = (text: string, tight = false): Block => ({ kind: "label", text, tight });

function parasToBlocks(paras: Para[], bulletMarker: string): Block[] {
  return paras.map((p): Block => {
    if (p.kind === "bullet") return { kind: "bullet", text: paraText(p), tight: true, marker: bulletMarker };
    if (p.kind === "num") return { kind: "num", text: `${p.marker ?? "1."} ${paraText(p)}`, tight: true };
    return P(paraText(p));
  });
}

function recBlocks(recs: string[], style: "lines" | "numbered" | "bullets" | "inline", lead: string): Block[] {
  if (recs.length === 0) return [];
  if (style === "inline") {
    // one clause on the label's line; several as bulleted points (the contract's sub-points)
    if (recs.length === 1) return [P(`${lead} ${recs[0]}`)];
    return [P(lead), ...recs.map((r): Block => ({ kind: "bullet", text: r, tight: true, marker: "-" }))];
  }
  const out: Block[] = [P(lead)];
  recs.forEach((r, i) => {
    if (style === "numbered") out.push({ kind: "num", text: `${i + 1}. ${r}`, tight: true });
    else if (style === "bullets") out.push({ kind: "bullet", text: r, tight: true, marker: "-" });
    else out.push(P(r, true));
  });
  return out;
}

function agendaList(items: Item[], sep: string): Block[] {
  return items.map((it): Block => ({ kind: "num", text: `${it.number}${sep} ${it.title}`, tight: true }));
}

function ctxOf(rng: Rng, forum: string, date: Date, participants: Person[], orgs: string[], extra: Partial<Ctx> = {}): Ctx {
  return { rng, forum, meeting: date, participants, initials: false, orgs, municipal: false, ...extra };
}

/** How many case items and background paragraphs make about `pages` pages. */
function budget(rng: Rng, pages: number, scale: number, perPage = 10): { items: number; paragraphs: number } {
  const target = Math.max(1.2, pages * scale);
  const items = Math.min(14, Math.max(4, Math.round(3 + target * 0.6 + rng.int(-1, 2))));
  const paragraphs = Math.max(0, Math.round(target * perPage - items * 1.6 - 3));
  return { items, paragraphs };
}

function pagesTarget(rng: Rng, [lo, hi]: [number, number]): number {
  // mostly short documents, a long tail
  const u = rng.next();
  return Math.round(lo + (hi - lo) * u ** 2.2);
}

// ---------------------------------------------------------------------------------------------
// 1. Klynge Syd (seeds 000/002): "Referat Klyngestyregruppe Syd", Emne/Møde N, YYYY, titled
//    participant lines with "– afbud"/"– i stedet deltog", guests, "Det indstilles:" + "At …"
//    lines, no referat heading (the outcome is the prose after the indstilling), "ved NAME".

const syd: Template = {
  name: "syd",
  weight: 18,
  pages: [2, 12],
  make(rng, id, scale) {
    const { cluster, people, date, orgs } = setup(rng, ["Syd", "Syd", "Nord", "Midt"]);
    const { y, d, m, wd } = parts(date);
    // titles open the line, so they are capitalised as the seeds print them
    const members = clusterMembers(rng, people, cluster, rng.int(7, 11)).map((p) => ({ ...p, title: p.title && capFirst(p.title) }));
    const secretaries = [people.make(rng.pick(STAFF_TITLES), null, "secretary"), people.make(rng.pick(["Leder af Sund Info", "Specialkonsulent", "Konsulent"]), null, "secretary")];
    secretaries.forEach((s, i) => (s.role = i === 0 ? "Regional sekretær" : "Kommunal sekretær"));
    const guests = Array.from({ length: rng.int(0, 2) }, () => people.make(capFirst(rng.pick(CHIEF_TITLES)), rng.pick(orgs), "guest"));
    const participants = [...flatten(members), ...secretaries, ...guests];
    const kind = rng.chance(0.07) ? "dagsorden" : "referat";
    const body = `Klyngestyregruppe ${cluster}`;
    const ctx = ctxOf(rng, "Styregruppen", date, participants, clusterOrgs(cluster));
    const b = budget(rng, pagesTarget(rng, this.pages), scale);
    const items = makeItems(ctx, kind, { recStyle: "at", presenter: true, attachments: 1, firstTitles: ["Velkomst og godkendelse af dagsorden", "Godkendelse af dagsorden"], lastTitles: ["Evt.", "Eventuelt"] }, b.items, b.paragraphs);
    const t = meetingTimes(rng);
    const number = String(rng.int(1, 8));
    const location = rng.pick([`${CLUSTERS[cluster].hospital} - mødelokale ${rng.int(100, 420)}`, `${rng.pick(CLUSTERS[cluster].kommuner)}, Rådhuset, mødelokale ${rng.int(1, 9)}`, "Microsoft Teams"]);
    const model: DocModel = {
      id,
      template: "syd",
      meeting: { body, cluster, kind, number, date, startTime: t.start, endTime: t.end, location },
      participants,
      items,
      notes: [`Meeting date printed without a year; the weekday and 'Møde ${number}, ${y}' give ${y}.`],
    };
    return {
      model,
      layout: (r) => {
        const dateText = r.pick([`${capFirst(wd)} den ${d}.${MONTHS_SHORT[m - 1]}`, `${capFirst(wd)} den ${d}.${MONTHS[m - 1]}`, `${capFirst(wd)} den ${d}. ${MONTHS[m - 1]}`]);
        const timeText = r.pick([`Kl.${t.sh}.${String(t.sm).padStart(2, "0")} til kl. ${t.eh}.${String(t.em).padStart(2, "0")}`, `kl. ${t.sh}.${String(t.sm).padStart(2, "0")} til kl.${t.eh}.${String(t.em).padStart(2, "0")}`]);
        const afbud = r.pick(["– afbud", "- afbud", "– Afbud"]);
        const blocks: Block[] = [
          { kind: "title", text: `${kind === "referat" ? "Referat" : "Dagsorden"} ${body}`, tight: false },
          L("Emne:"),
          P(`Møde ${number}, ${y} Styregruppe Klynge ${cluster}`),
          L("Deltagere:"),
        ];
        for (const p of members) {
          let line = `${p.title} ${p.name}, ${p.organization}`;
          if (p.status === "absent") line += p.substitute ? (r.chance(0.5) ? ` – i stedet deltog ${p.substitute.name}` : ` ${afbud} – i stedet deltager ${p.substitute.name}`) : ` ${afbud}`;
          blocks.push(P(line, true));
        }
        for (const s of secretaries) blocks.push(P(`${s.title} ${s.name}, ${s.role}`, true));
        if (guests.length > 0) {
          blocks.push(L(r.pick(["Gæster som deltager i punkterne 1-3", "Gæster:", `Gæster under punkt ${r.int(2, 4)}:`])));
          for (const g of guests) blocks.push(P(`${g.title} ${g.name}, ${g.organization}`, true));
        }
        blocks.push(L("Mødedato:"), L("Tid og sted:", true), P(`${dateText} ${timeText}`), P(location, true));
        blocks.push(L("Dagsorden:"));
        for (const it of items) {
          blocks.push({ kind: "h2", text: it.presenter ? `${it.title} ved ${it.presenter}` : it.title, num: `${it.number}.`, tight: false });
          blocks.push(...parasToBlocks(it.background, "•"));
          if (it.attachments.length > 0) blocks.push(P(`Bilag: ${it.attachments.join(", ")}`));
          blocks.push(...recBlocks(it.recommendations, "lines", r.pick(["Det indstilles:", "Det indstilles:", "Det indstilles"])));
          if (it.decision) blocks.push(...parasToBlocks(it.decision, "•"));
        }
        if (kind === "referat") blocks.push(P(`Således opfattet ${secretaries[1]!.initials}`), P(`Godkendt af ${members[0]!.initials} og ${members[1]!.initials}`, true));
        return { blocks, header: "", footer: "Side {page} af {pages}", headerFrom: 2, footerAlign: "left", autoNumber: false, txt: r.pick(["paged", "paged", "plain"] as const) };
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// 2. Direktørforum (seed 001): Møde/Tid/Sted/Mødeleder table, groups Direktørforum:/Chefforum:/
//    Sekretariat/Afbud (absent people listed twice), "Det indstilles, at Direktørforum:" + numbered
//    verbs, "Referat" headings.

const direktorforum: Template = {
  name: "direktorforum",
  weight: 16,
  pages: [3, 25],
  make(rng, id, scale) {
    const { cluster, people, date, orgs } = setup(rng, ["Nord", "Midt", "Syd"]);
    const directors = clusterMembers(rng, people, cluster, rng.int(4, 6)).map((p) => ({ ...p, title: rng.pick(["direktør", "Direktør", "vicedirektør", "Sygeplejefaglig direktør"]) }));
    directors.forEach((p) => {
      if (p.substitute) p.substitute.organization = p.organization;
    });
    const chiefs = clusterMembers(rng, people, cluster, rng.int(2, 4)).map((p) => ({ ...p, title: rng.pick(CHIEF_TITLES), substitute: undefined, status: p.status === "absent" ? ("absent" as const) : ("present" as const) }));
    const secretariat = Array.from({ length: rng.int(2, 3) }, () => people.make(null, rng.pick(orgs), "secretary"));
    const guests = Array.from({ length: rng.chance(0.4) ? 1 : 0 }, () => people.make(rng.pick(STAFF_TITLES), rng.pick(orgs), "guest"));
    const participants = [...flatten(directors), ...chiefs, ...secretariat, ...guests];
    const kind = rng.chance(0.06) ? "dagsorden" : "referat";
    const body = `Direktørforum – Sundhedsklynge ${cluster}`;
    const ctx = ctxOf(rng, "Direktørforum", date, participants, orgs);
    const b = budget(rng, pagesTarget(rng, this.pages), scale);
    const items = makeItems(ctx, kind, { recStyle: "verb", presenter: false, attachments: 2, firstTitles: ["Godkendelse af dagsorden", "Godkendelse af dagsorden og referat"], lastTitles: ["Eventuelt"] }, b.items, b.paragraphs);
    const t = meetingTimes(rng);
    const location = rng.pick(["Mødelokale D, Regionshuset", `Mødelokale ${rng.int(1, 12)}, ${rng.pick(PLACES)} Rådhus`, `${CLUSTERS[cluster].hospital}, auditorium ${rng.int(1, 4)}`]);
    const chair = directors.find((p) => p.status === "present") ?? directors[0]!;
    const model: DocModel = { id, template: "direktorforum", meeting: { body, cluster, kind, number: null, date, startTime: t.start, endTime: t.end, location }, participants, items, notes: [] };
    return {
      model,
      layout: (r) => {
        const { d, m, y, wd } = parts(date);
        const line = (p: Person) => (r.chance(0.5) ? `${p.name}, ${p.title}, ${p.organization}` : `${p.name}, ${p.title} i ${p.organization}`);
        const lines = new Map<Person, string>([...directors, ...chiefs].map((p) => [p, line(p)]));
        const blocks: Block[] = [
          // seed 001 prints no title; an agenda says what it is
          ...(kind === "dagsorden" ? [{ kind: "title", text: "Dagsorden", tight: false } as Block] : r.chance(0.4) ? [{ kind: "title", text: "Referat", tight: false } as Block] : []),
          { kind: "table", rows: [["Møde", body], ["Tid", `${capFirst(wd)} d. ${d}. ${MONTHS[m - 1]} ${y}, kl. ${t.start}-${t.end}`], ["Sted", location], ["Mødeleder", chair.name]], header: false, tight: false },
          L("Deltagere"),
          L("Direktørforum:"),
          ...directors.map((p) => P(lines.get(p)!, true)),
          L("Chefforum:"),
          ...chiefs.map((p) => P(lines.get(p)!, true)),
          L("Sekretariat"),
          ...secretariat.map((p) => P(`${p.name}, ${p.organization}`, true)),
        ];
        if (guests.length > 0) blocks.push(L("Gæster"), ...guests.map((g) => P(`${g.name}, ${g.title}, ${g.organization}`, true)));
        const absent = [...directors, ...chiefs].filter((p) => p.status === "absent");
        if (absent.length > 0) blocks.push(L("Afbud"), ...absent.map((p) => P(p.substitute ? `${lines.get(p)} – i stedet deltog ${p.substitute.name}` : lines.get(p)!, true)));
        for (const it of items) {
          blocks.push({ kind: "h1", text: it.title, num: `${it.number}.`, tight: false });
          blocks.push(...parasToBlocks(it.background, "•"));
          if (it.attachments.length > 0) blocks.push(L("Bilag:"), ...it.attachments.map((a, i): Block => ({ kind: "num", text: `${i + 1}. ${a}`, tight: true })));
          blocks.push(...recBlocks(it.recommendations, "numbered", r.pick(["Det indstilles, at Direktørforum:", "Det indstilles, at Direktørforum"])));
          if (it.decision) blocks.push(L(r.pick(["Referat", "Referat:"])), ...parasToBlocks(it.decision, "•"));
        }
        return { blocks, header: `Referat – ${body} – ${longDate(date)}`, footer: r.pick(["Side {page} af {pages}", "{page}"]), headerFrom: 2, footerAlign: "right", autoNumber: r.chance(0.5), txt: r.pick(["paged", "plain"] as const) };
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// 3. Klyngestyregruppe Midt (seed 003): "Indstilling: Klyngestyregruppen beslutter …" on one line,
//    "Bilag: …", "Referat:" labels; short participant lines "Navn, Organisation", "Afbud:",
//    "Referent:".

const midt: Template = {
  name: "midt",
  weight: 16,
  pages: [2, 20],
  make(rng, id, scale) {
    const { cluster, people, date, orgs } = setup(rng, ["Midt", "Midt", "Nord", "Syd"]);
    const members = Array.from({ length: rng.int(6, 10) }, (_, k) => people.make(null, orgs[k % orgs.length]!, rng.chance(0.15) ? "absent" : "present"));
    const referent = people.make(null, null, "secretary");
    const participants = [...members, referent];
    const kind = rng.chance(0.07) ? "dagsorden" : "referat";
    const body = `Klyngestyregruppe ${cluster}`;
    const ctx = ctxOf(rng, "Klyngestyregruppen", date, participants, orgs);
    const b = budget(rng, pagesTarget(rng, this.pages), scale);
    const items = makeItems(ctx, kind, { recStyle: "forum", presenter: false, attachments: 1, firstTitles: ["Godkendelse af dagsorden", "Godkendelse af referat og dagsorden"], lastTitles: ["Evt.", "Eventuelt"] }, b.items, b.paragraphs);
    const t = meetingTimes(rng);
    const number = rng.chance(0.5) ? String(rng.int(1, 6)) : null;
    const location = rng.pick([`${rng.pick(CLUSTERS[cluster].kommuner)}, mødelokale ${rng.int(1, 30)}`, "Microsoft Teams", `${CLUSTERS[cluster].hospital}, mødelokale ${rng.int(100, 400)}`]);
    const model: DocModel = { id, template: "midt", meeting: { body, cluster, kind, number, date, startTime: t.start, endTime: t.end, location }, participants, items, notes: [] };
    return {
      model,
      layout: (r) => {
        const dateText = r.chance(0.5) ? longDate(date) : dashDate(date).replace(/-/g, ".");
        const blocks: Block[] = [
          { kind: "title", text: kind === "referat" ? "Referat" : "Dagsorden", tight: false },
          { kind: "h1", text: body, tight: false },
          P(`Dato: ${dateText}, kl. ${t.sh}.${String(t.sm).padStart(2, "0")}-${t.eh}.${String(t.em).padStart(2, "0")}`),
          P(`Sted: ${location}`, true),
        ];
        if (number) blocks.push(P(`Møde nr. ${number}/${parts(date).y}`, true));
        blocks.push(L("Deltagere:"), ...members.filter((p) => p.status === "present").map((p) => P(`${p.name}, ${p.organization}`, true)));
        const absent = members.filter((p) => p.status === "absent");
        if (absent.length > 0) blocks.push(P(`Afbud: ${absent.map((p) => `${p.name}, ${p.organization}`).join("; ")}`));
        blocks.push(P(`Referent: ${referent.name}`));
        for (const it of items) {
          blocks.push({ kind: "h2", text: it.title, num: `${it.number}.`, tight: false });
          blocks.push(...parasToBlocks(it.background, r.pick(["•", "-", "o"])));
          blocks.push(...recBlocks(it.recommendations, "inline", "Indstilling:"));
          if (it.attachments.length > 0) blocks.push(P(`Bilag: ${it.attachments.join("; ")}`));
          if (it.decision) blocks.push(L("Referat:"), ...parasToBlocks(it.decision, "•"));
        }
        return { blocks, header: "", footer: "Side {page} af {pages}", headerFrom: 1, footerAlign: "center", autoNumber: r.chance(0.6), txt: r.pick(["paged", "plain"] as const) };
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// 4. Klynge Nord (seed 004): markdown-like, "Mødedato:/Mødet påbegyndt:/Mødet afsluttet:/
//    Mødested:", participants grouped "Fra kommunerne"/"Fra PLO Nordjylland"/"Fra Region
//    Nordjylland"/"Sekretariat", items "N) Titel", "Indstilling:", "Det indstilles, at
//    Klyngestyregruppe Nord" + bullets, "Referat".

const nord: Template = {
  name: "nord",
  weight: 16,
  pages: [3, 15],
  make(rng, id, scale) {
    const { cluster, people, date, orgs } = setup(rng, ["Nord", "Nord", "Midt", "Syd"]);
    const kommuner = CLUSTERS[cluster].kommuner;
    const fromKommuner = Array.from({ length: rng.int(kommuner.length + 1, kommuner.length * 2) }, (_, k) => people.make(k % 2 === 0 ? rng.pick(DIRECTOR_TITLES).toLowerCase() : "chef", kommuner[Math.floor(k / 2) % kommuner.length]!, rng.chance(0.15) ? "absent" : "present"));
    const plo = people.make(null, "PLO Nordjylland", "present");
    const region = Array.from({ length: rng.int(2, 4) }, () => people.make(rng.pick(["direktør", "vicedirektør", "chef"]), rng.pick([CLUSTERS[cluster].hospital, "Psykiatrien", "Fællesadministrationen"]), rng.chance(0.12) ? "absent" : "present"));
    const sekretariat = people.make(null, rng.pick(kommuner), "secretary");
    const participants = [...fromKommuner, plo, ...region, sekretariat];
    const kind = rng.chance(0.07) ? "dagsorden" : "referat";
    const body = `Klyngestyregruppe ${cluster}`;
    const ctx = ctxOf(rng, "Klyngestyregruppen", date, participants, [...kommuner, CLUSTERS[cluster].hospital]);
    const b = budget(rng, pagesTarget(rng, this.pages), scale);
    const items = makeItems(ctx, kind, { recStyle: "verb", presenter: false, attachments: 3, firstTitles: ["Velkomst og godkendelse af referat", "Godkendelse af referat", "Velkomst og godkendelse af dagsorden"], lastTitles: ["Eventuelt", "Eventuelt og gensidig orientering"] }, b.items, b.paragraphs);
    const t = meetingTimes(rng);
    const location = rng.pick(["Microsoft Teams", `${rng.pick(kommuner)}, Rådhuset`, `${CLUSTERS[cluster].hospital}, mødelokale ${rng.int(1, 20)}`]);
    const model: DocModel = { id, template: "nord", meeting: { body, cluster, kind, number: null, date, startTime: t.start, endTime: t.end, location }, participants, items, notes: [] };
    return {
      model,
      layout: (r) => {
        const pl = (p: Person) => `${p.name}, ${p.title}, ${p.organization}${p.status === "absent" ? " (afbud)" : ""}`;
        const blocks: Block[] = [
          { kind: "title", text: kind === "referat" ? "Referat" : "Dagsorden", tight: false },
          { kind: "h1", text: body, tight: false },
          P(`Mødedato: ${longDate(date)}`),
          P(`Mødet påbegyndt: kl. ${t.start}`, true),
          P(`Mødet afsluttet: kl. ${t.end}`, true),
          P(`Mødested: ${location}`, true),
          { kind: "h2", text: "Deltagere", tight: false },
          L("Fra kommunerne"),
          ...fromKommuner.map((p) => P(pl(p), true)),
          L("Fra PLO Nordjylland"),
          P(plo.name, true),
          L("Fra Region Nordjylland"),
          ...region.map((p) => P(pl(p), true)),
          L("Sekretariat"),
          P(`${sekretariat.name}, ${sekretariat.organization}`, true),
        ];
        for (const it of items) {
          blocks.push({ kind: "h1", text: it.title, num: `${it.number})`, tight: false });
          blocks.push(...parasToBlocks(it.background, "-"));
          if (it.attachments.length > 0) blocks.push(L("Bilag:"), ...it.attachments.map((a, i): Block => ({ kind: "num", text: `${i + 1}. ${a}`, tight: true })));
          if (it.recommendations.length > 0) blocks.push(L("Indstilling:"), ...recBlocks(it.recommendations, "bullets", `Det indstilles, at ${body}${r.chance(0.3) ? ":" : ""}`));
          if (it.decision) blocks.push(L("Referat"), ...parasToBlocks(it.decision, "-"));
        }
        return { blocks, header: `${body} – ${kind} ${longDate(date)}`, footer: r.pick(["Side {page} af {pages}", "{page}/{pages}"]), headerFrom: 2, footerAlign: "right", autoNumber: false, txt: r.pick(["markdown", "markdown", "plain"] as const) };
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// 5. Municipal committee (own-kommune-udvalg): members with party letters, Fraværende/
//    Stedfortræder/Fra administrationen/Gæst/Referent table, Indholdsfortegnelse, Sagsnr./
//    Sagsansvarlig, Sagsfremstilling, Økonomiske konsekvenser, "Administrationen indstiller, at:
//    1. …", "Beslutning i Økonomiudvalget den 04-06-2020", Bilag after the decision.

const kommune: Template = {
  name: "kommune",
  weight: 20,
  pages: [4, 40],
  make(rng, id, scale) {
    const people = new People(rng);
    const date = meetingDate(rng);
    const town = rng.pick(TOWNS);
    const committee = rng.pick(COMMITTEES);
    const members = Array.from({ length: rng.int(5, 9) }, (_, k) => {
      const p = people.make(k === 0 ? "formand" : k === 1 ? "næstformand" : null, null, "present");
      p.party = rng.pick(PARTIES);
      return p;
    });
    const absent = rng.chance(0.5) ? rng.pick(members.slice(2)) : null;
    if (absent) {
      absent.status = "absent";
      if (rng.chance(0.7)) {
        absent.substitute = people.make(null, null, "substitute");
        absent.substitute.party = absent.party;
      }
    }
    const admin = Array.from({ length: rng.int(1, 3) }, () => people.make(rng.pick(["Direktør for Social og Sundhed", "Sundhedschef", "Ældrechef", "Økonomichef", "Direktør for Velfærd"]), null, "present"));
    const guest = rng.chance(0.35) ? people.make(rng.pick(["formand for Ældrerådet", "formand for Handicaprådet", "konsulent, KL"]), null, "guest") : null;
    const referent = people.make(rng.pick(["sekretariatschef", "udvalgssekretær", "konsulent"]), null, "secretary");
    const participants = [...flatten(members), ...admin, ...(guest ? [guest] : []), referent];
    const kind = rng.chance(0.08) ? "dagsorden" : "referat";
    const ctx = ctxOf(rng, "Udvalget", date, participants, [`${town} Kommune`], { municipal: true });
    const b = budget(rng, pagesTarget(rng, this.pages), scale, 10);
    const items = makeItems(ctx, kind, { recStyle: "passive", presenter: false, attachments: 4, firstTitles: ["Godkendelse af dagsorden"], lastTitles: ["Eventuelt", "Meddelelser og eventuelt"] }, b.items, b.paragraphs);
    const t = meetingTimes(rng);
    const location = `Mødelokale ${rng.int(1, 6)}, ${town} Rådhus`;
    const model: DocModel = { id, template: "kommune", meeting: { body: committee, cluster: null, kind, number: null, date, startTime: t.start, endTime: t.end, location }, participants, items, notes: [] };
    return {
      model,
      layout: (r) => {
        const { wd } = parts(date);
        const rows: string[][] = [
          ["Mødedato:", `${capFirst(wd)} den ${longDate(date)}`],
          ["Mødetidspunkt:", `Kl. ${t.start} - ${t.end}`],
          ["Mødested:", location],
          ...members.map((p, i) => [i === 0 ? "Medlemmer:" : "", `${p.name} (${p.party})${p.title ? `, ${p.title}` : ""}`]),
        ];
        if (absent) {
          rows.push(["Fraværende:", `${absent.name} (${absent.party})`]);
          if (absent.substitute) rows.push(["Stedfortræder:", `${absent.substitute.name} (${absent.party}) deltog som stedfortræder for ${absent.name}`]);
        }
        admin.forEach((p, i) => rows.push([i === 0 ? "Fra administrationen:" : "", `${p.title} ${p.name}`]));
        if (guest) rows.push(["Gæst:", `${guest.name}, ${guest.title} (under punkt ${r.int(2, Math.max(2, items.length - 1))})`]);
        rows.push(["Referent:", `${referent.name}, ${referent.title}`]);
        const label = `Beslutning i ${committee} den ${dashDate(date)}`;
        const blocks: Block[] = [
          { kind: "title", text: `${town} Kommune`, tight: false },
          { kind: "title", text: kind === "referat" ? "Referat" : "Dagsorden", tight: false },
          { kind: "h1", text: committee, tight: false },
          { kind: "table", rows, header: false, tight: false },
          { kind: "h2", text: "Indholdsfortegnelse", tight: false },
          P("Sager på åbent møde"),
          ...agendaList(items, "."),
          { kind: "pagebreak", tight: false },
        ];
        for (const it of items) {
          blocks.push({ kind: "h1", text: it.title, num: `${it.number}.`, tight: false });
          if (it.background.length > 0 || it.recommendations.length > 0) {
            blocks.push(P(`Sagsnr.: ${String(r.int(0, 99)).padStart(2, "0")}.${String(r.int(0, 99)).padStart(2, "0")}.00-${r.pick(["A", "P", "S", "Ø", "K"])}00-${r.int(1, 20)}-${String(parts(date).y).slice(2)}`));
            blocks.push(P(`Sagsansvarlig: ${r.pick(admin).name}`, true));
          }
          if (it.background.length > 0) {
            blocks.push({ kind: "h2", text: "Sagsfremstilling", tight: false }, ...parasToBlocks(it.background, "-"));
            blocks.push({ kind: "h2", text: "Økonomiske konsekvenser", tight: false }, P(r.pick(["Sagen har ingen selvstændige økonomiske konsekvenser.", "Udgifterne afholdes inden for den eksisterende ramme."])));
          }
          if (it.recommendations.length > 0) blocks.push({ kind: "h2", text: "Indstilling", tight: false }, ...recBlocks(it.recommendations, "numbered", "Administrationen indstiller, at:"));
          if (it.decision) blocks.push({ kind: "h2", text: label, tight: false }, ...parasToBlocks(it.decision, "-"));
          if (it.attachments.length > 0) blocks.push({ kind: "h2", text: "Bilag", tight: false }, ...it.attachments.map((a): Block => ({ kind: "bullet", text: a, tight: true, marker: "-" })));
        }
        return {
          blocks,
          header: `${town} Kommune | ${committee} | ${kind === "referat" ? "Referat" : "Dagsorden"} ${dashDate(date)}`,
          footer: "Side {page} af {pages}",
          headerFrom: 2,
          footerAlign: "right",
          autoNumber: false,
          txt: r.pick(["paged", "plain"] as const),
        };
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// 6. Driftsgruppe (own-godkendt): short, initials in the list, a "Dagsorden:" list, no labels
//    (all item text is decision text), "Godkendt."/"Ikke godkendt."/"Aftalt:" lists, owners as
//    initials and first names, "Næste møde … / Ref. XX" sign-off.

const driftsgruppe: Template = {
  name: "driftsgruppe",
  weight: 14,
  pages: [2, 4],
  make(rng, id, scale) {
    const { cluster, people, date, orgs } = setup(rng, ["Nord", "Midt", "Syd"]);
    const members = Array.from({ length: rng.int(4, 8) }, (_, k) => people.make(k === 0 ? "formand" : null, orgs[k % orgs.length]!, k > 0 && rng.chance(0.15) ? "absent" : "present"));
    const secretary = people.make(null, rng.pick(orgs), "secretary");
    const participants = [...members, secretary];
    const area = rng.pick(DRIFT_AREAS);
    const body = `Driftsgruppe ${area} – Sundhedsklynge ${cluster}`;
    const ctx = ctxOf(rng, "Driftsgruppen", date, participants, orgs, { initials: true });
    const count = Math.min(14, Math.max(6, Math.round(rng.int(6, 9) * scale)));
    const items = makeItems(ctx, "referat", { recStyle: "none", presenter: false, attachments: 0, agreedList: true, noBackground: true, firstTitles: ["Godkendelse af dagsorden"], lastTitles: ["Evt.", "Eventuelt"] }, count, 0);
    // a second approval item (the previous minutes), as such groups have
    if (items.length > 4 && rng.chance(0.5)) {
      const earlier = addDays(date, -rng.int(28, 70));
      items[1] = { ...items[1]!, title: `Godkendelse af referat fra mødet ${parts(earlier).d}. ${MONTHS[parts(earlier).m - 1]}`, background: [], recommendations: [], decision: [para({ text: "Godkendt.", decision: true, actions: [] })], outcome: "approved" };
    }
    // orientation paragraphs before the decision make the items longer
    for (const it of items.slice(1, -1)) {
      if (it.decision && !["approved", "none", "withdrawn"].includes(it.outcome) && rng.chance(0.5)) it.decision.unshift(para(plainSentence(`${rng.pick(members).initials} fremlagde ${it.topic.doc}.`)));
    }
    const t = meetingTimes(rng);
    const yearless = rng.chance(0.5);
    const number = yearless ? String(rng.int(1, 6)) : null;
    const location = `${rng.pick(orgs)}, mødelokale ${rng.int(1, 5)}.${rng.int(10, 40)}`;
    const model: DocModel = { id, template: "driftsgruppe", meeting: { body, cluster, kind: "referat", number, date, startTime: t.start, endTime: t.end, location }, participants, items, notes: [] };
    return {
      model,
      layout: (r) => {
        const { d, m, y, wd } = parts(date);
        const next = addDays(date, r.int(35, 90));
        const blocks: Block[] = [
          { kind: "title", text: "REFERAT", tight: false },
          P(body),
          P(`${capFirst(wd)} d. ${d}. ${MONTHS[m - 1]}${yearless ? "" : ` ${y}`} kl. ${t.sh}.${String(t.sm).padStart(2, "0")}-${t.eh}.${String(t.em).padStart(2, "0")}`),
        ];
        if (number) blocks.push(P(`Møde nr. ${number}/${y}`, true));
        blocks.push(P(`Sted: ${location}`, true), L("Deltagere:"));
        for (const p of members) blocks.push(P(`${p.name} (${p.initials}), ${p.organization}${p.title ? `, ${p.title}` : ""}${p.status === "absent" ? " - afbud" : ""}`, true));
        blocks.push(P(`${secretary.name} (${secretary.initials}), ${secretary.organization}, sekretær`, true));
        blocks.push(L("Dagsorden:"), ...agendaList(items, "."));
        for (const it of items) {
          blocks.push({ kind: "label", text: it.title, num: `${it.number}.`, tight: false });
          if (it.decision) blocks.push(...parasToBlocks(it.decision, "-").map((b) => ({ ...b, tight: true })));
        }
        blocks.push(P(`Næste møde: ${WEEKDAYS[next.getUTCDay()]} d. ${parts(next).d}. ${MONTHS[parts(next).m - 1]} kl. 9.00-11.00`), P(`Ref. ${secretary.initials}`, true));
        return { blocks, header: `${body} – referat ${d}. ${MONTHS[m - 1]}`, footer: "Side {page} af {pages}", headerFrom: 2, footerAlign: "right", autoNumber: false, txt: r.pick(["paged", "plain"] as const) };
      },
    };
  },
};

export const TEMPLATES: Template[] = [syd, direktorforum, midt, nord, kommune, driftsgruppe];

export function templateByName(name: string): Template | undefined {
  return TEMPLATES.find((t) => t.name === name);
}

export function pickTemplate(rng: Rng): Template {
  return rng.weighted(TEMPLATES.map((t) => [t, t.weight] as const));
}
