/**
 * The generator's model of one set of minutes, and the sentences it is written in.
 *
 * Every sentence is made together with what the contract says it is: a decision or not, and the
 * actions it gives (text, owners, deadline). The gold file is read off this model, never off the
 * rendered document or an extractor. The phrase banks are chosen so that each outcome's wording
 * holds no trigger of a label earlier in the contract's order (a "noted" item never says
 * "godkendt", a "discussed" item never "orienterede", …), so the label the model assigns is the
 * first that applies.
 */
import { capFirst, deadline, MONTHS, type Deadline } from "./dates.ts";
import type { Rng } from "./prng.ts";
import { OTHER_FORUMS, PLACES, PROFESSIONS, REPORTS, THINGS, type Topic } from "./vocab.ts";

export type Status = "present" | "absent" | "substitute" | "guest" | "secretary";
export type Outcome = "withdrawn" | "rejected" | "postponed" | "approved" | "decided" | "noted" | "discussed" | "none";

export interface Person {
  /** Full name as printed in the participant list (canonical). */
  name: string;
  first: string;
  initials: string;
  /** Gold title / organisation: exactly what the list prints for this person, else null. */
  title: string | null;
  organization: string | null;
  status: Status;
  /** Template-specific extras used when printing. */
  party?: string;
  role?: string;
  group?: string;
  /** For an absent member: who came instead. */
  substitute?: Person;
}

export interface GoldAction {
  text: string;
  owners: string[];
  deadline: string | null;
  deadlineText: string | null;
}

export interface Sentence {
  text: string;
  decision: boolean;
  actions: GoldAction[];
}

export interface Para {
  kind: "p" | "bullet" | "num";
  sentences: Sentence[];
  /** num: the printed number ("1."); bullet: the marker. */
  marker?: string;
}

export interface Item {
  number: string;
  title: string;
  presenter: string | null;
  attachments: string[];
  background: Para[];
  recommendations: string[];
  /** Paragraphs under the referat/beslutning heading (or the prose that reports the outcome); null: none. */
  decision: Para[] | null;
  outcome: Outcome;
  topic: Topic;
}

export function paraText(p: Para): string {
  return p.sentences.map((s) => s.text).join(" ");
}

const plain = (text: string): Sentence => ({ text, decision: false, actions: [] });
const decision = (text: string): Sentence => ({ text, decision: true, actions: [] });
export const para = (...sentences: Sentence[]): Para => ({ kind: "p", sentences });
export { plain as plainSentence, decision as decisionSentence };

/** What the sentences of one document may refer to. */
export interface Ctx {
  rng: Rng;
  /** The forum as the subject of a sentence: "Klyngestyregruppen", "Direktørforum", "Udvalget". */
  forum: string;
  meeting: Date;
  participants: Person[];
  /** Initials are printed in the participant list (owners may be written as initials). */
  initials: boolean;
  /** Organisations that may act or be contacted. */
  orgs: string[];
  municipal: boolean;
}

// ---------------------------------------------------------------------------------------------
// owners

interface Owner {
  /** As printed in subject position ("Sekretariatet", "Charlotte og Lone", "KØ"). */
  subject: string;
  /** As printed after "at" or a fronted phrase (bodies in lower case). */
  inner: string;
  owners: string[];
}

const BODIES: [string, string][] = [
  ["Sekretariatet", "sekretariatet"],
  ["Regionen", "regionen"],
  ["Kommunerne", "kommunerne"],
  ["Driftsgruppen", "driftsgruppen"],
  ["Formandskabet", "formandskabet"],
  ["Arbejdsgruppen", "arbejdsgruppen"],
  ["Koordineringsgruppen", "koordineringsgruppen"],
  ["Hospitalet", "hospitalet"],
  ["Alle", "alle"],
  ["Hver part", "hver part"],
  ["PLO", "plo"],
];
const MUNICIPAL_BODIES: [string, string][] = [
  ["Administrationen", "administrationen"],
  ["Forvaltningen", "forvaltningen"],
  ["Sekretariatet", "sekretariatet"],
  ["Plejecentrene", "plejecentrene"],
  ["Hjemmeplejen", "hjemmeplejen"],
];

function actors(ctx: Ctx): Person[] {
  return ctx.participants.filter((p) => p.status === "present" || p.status === "substitute" || p.status === "secretary");
}

function uniqueFirst(ctx: Ctx): Person[] {
  const count = new Map<string, number>();
  for (const p of ctx.participants) count.set(p.first, (count.get(p.first) ?? 0) + 1);
  return actors(ctx).filter((p) => count.get(p.first) === 1);
}

function owner(ctx: Ctx): Owner {
  const { rng } = ctx;
  const people = actors(ctx);
  const firsts = uniqueFirst(ctx);
  const kind = rng.weighted([
    ["name", people.length > 0 ? 28 : 0],
    ["names", people.length > 1 ? 8 : 0],
    ["first", firsts.length > 0 ? 8 : 0],
    ["firsts", firsts.length > 1 ? 6 : 0],
    ["initials", ctx.initials && people.length > 0 ? 14 : 0],
    ["body", 30],
    ["forum", 5],
    ["org", ctx.orgs.length > 0 ? 7 : 0],
  ] as const);
  const named = (list: Person[], n: number, show: (p: Person) => string): Owner => {
    const chosen = rng.sample(list, n);
    const text = chosen.map(show).join(" og ");
    return { subject: text, inner: text, owners: chosen.map((p) => p.name) };
  };
  switch (kind) {
    case "name":
      return named(people, 1, (p) => p.name);
    case "names":
      return named(people, 2, (p) => p.name);
    case "first":
      return named(firsts, 1, (p) => p.first);
    case "firsts":
      return named(firsts, 2, (p) => p.first);
    case "initials":
      return named(people, 1, (p) => p.initials);
    case "forum":
      return { subject: ctx.forum, inner: ctx.forum.toLowerCase(), owners: [ctx.forum.toLowerCase()] };
    case "org": {
      const o = rng.pick(ctx.orgs);
      return { subject: o, inner: o, owners: [o.toLowerCase()] };
    }
    default: {
      const [subject, lower] = rng.pick(ctx.municipal ? MUNICIPAL_BODIES : BODIES);
      return { subject, inner: lower, owners: [lower] };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// tasks: a verb in present tense and infinitive, and an object

interface Task {
  pres: string;
  inf: string;
  obj: (t: Topic, ctx: Ctx) => string;
  /** Passive with an agent: "[obj] udarbejdes af [agent]". */
  pass?: string;
}

const TASKS: Task[] = [
  { pres: "udarbejder", inf: "udarbejde", pass: "udarbejdes", obj: (t) => `et udkast til kommissorium for ${t.noun}` },
  { pres: "udarbejder", inf: "udarbejde", pass: "udarbejdes", obj: (t) => `et notat om ${t.noun}` },
  { pres: "sender", inf: "sende", obj: (t) => `${t.doc} rundt til kommentering` },
  { pres: "undersøger", inf: "undersøge", obj: (t) => `om ${t.noun} kan udvides til flere kommuner` },
  { pres: "indkalder", inf: "indkalde", obj: () => "arbejdsgruppen til et første møde" },
  { pres: "fremsender", inf: "fremsende", obj: (t, c) => `en skriftlig status på ${t.noun} til ${c.rng.pick(OTHER_FORUMS)}` },
  { pres: "laver", inf: "lave", obj: (t) => `et oplæg om ${t.noun} til det politiske klyngemøde` },
  { pres: "tager", inf: "tage", obj: (_t, c) => `kontakt til ${c.rng.pick([...c.orgs, "Sundhedsstyrelsen", "MedCom"])}` },
  { pres: "indsamler", inf: "indsamle", obj: (t) => `erfaringer med ${t.noun} fra kommunerne` },
  { pres: "følger op", inf: "følge op", obj: (t) => `på ${t.noun}` },
  { pres: "koordinerer", inf: "koordinere", obj: (t) => `kommunernes bidrag til ${t.doc}` },
  { pres: "beskriver", inf: "beskrive", obj: (t) => `de økonomiske konsekvenser af ${t.noun}` },
  { pres: "planlægger", inf: "planlægge", pass: "planlægges", obj: (t) => `en fælles workshop om ${t.noun}` },
  { pres: "opdaterer", inf: "opdatere", obj: (t) => `${t.doc} med de seneste tal` },
  { pres: "reviderer", inf: "revidere", obj: (t) => `${t.doc} på baggrund af drøftelsen` },
  { pres: "udpeger", inf: "udpege", obj: () => "en kontaktperson til arbejdsgruppen" },
  { pres: "giver", inf: "give", obj: (t) => `en status på ${t.noun}` },
  { pres: "afholder", inf: "afholde", pass: "afholdes", obj: (t) => `et dialogmøde med repræsentanter for ${t.group}` },
  { pres: "indhenter", inf: "indhente", obj: (t) => `data om ${t.group} fra alle kommuner` },
  { pres: "formidler", inf: "formidle", obj: (t) => `${t.doc} til de relevante fagpersoner` },
  { pres: "beregner", inf: "beregne", obj: (t) => `udgifterne til ${t.noun} for de kommende tre år` },
  { pres: "gennemgår", inf: "gennemgå", obj: (t) => `${t.doc} sammen med de faglige ledere` },
];

function dl(ctx: Ctx, p: number, vague?: number): Deadline | null {
  return ctx.rng.chance(p) ? deadline(ctx.rng, ctx.meeting, vague === undefined ? {} : { vague }) : null;
}

const withDl = (text: string, d: Deadline | null) => (d ? `${text} ${d.text}` : text);
const act = (text: string, owners: string[], d: Deadline | null): GoldAction => ({ text, owners, deadline: d?.iso ?? null, deadlineText: d?.text ?? null });

export type ActionForm = "plain" | "agreed" | "fronted" | "two" | "passive" | "bedes" | "asked";

/** One sentence giving work to an owner. "agreed" is also a decision (it says "blev aftalt"). */
export function actionSentence(ctx: Ctx, topic: Topic, form: ActionForm): Sentence {
  const { rng } = ctx;
  const o = owner(ctx);
  const task = rng.pick(TASKS);
  const obj = task.obj(topic, ctx);
  switch (form) {
    case "agreed": {
      const d = dl(ctx, 0.6);
      const lead = rng.pick(["Det blev aftalt, at", "Det blev aftalt, at", "Det aftales, at", "Det blev besluttet, at", "Der var enighed om, at"]);
      const clause = `${o.inner} ${task.pres} ${obj}`;
      return { text: `${lead} ${withDl(clause, d)}.`, decision: true, actions: [act(clause, o.owners, d)] };
    }
    case "fronted": {
      const d = deadline(rng, ctx.meeting, { vague: 0.5 });
      const clause = `${task.pres} ${o.inner} ${obj}`;
      return { text: `${capFirst(d.text)} ${clause}.`, decision: false, actions: [act(clause, o.owners, d)] };
    }
    case "two": {
      let task2 = rng.pick(TASKS);
      while (task2.pres === task.pres) task2 = rng.pick(TASKS);
      const first = `${o.subject} ${task.pres} ${obj}`;
      const second = `${task2.pres} ${task2.obj(topic, ctx)}`;
      return { text: `${first} og ${second}.`, decision: false, actions: [act(first, o.owners, null), act(second, o.owners, null)] };
    }
    case "passive": {
      if (!task.pass) return actionSentence(ctx, topic, "plain");
      const d = dl(ctx, 0.5);
      const clause = `${capFirst(obj)} ${task.pass} af ${o.inner}`;
      return { text: `${withDl(clause, d)}.`, decision: false, actions: [act(clause, o.owners, d)] };
    }
    case "bedes": {
      const d = dl(ctx, 0.75, 0.25);
      const clause = `${o.subject} bedes ${task.inf} ${obj}`;
      return { text: `${withDl(clause, d)}.`, decision: false, actions: [act(clause, o.owners, d)] };
    }
    case "asked": {
      const d = dl(ctx, 0.8, 0.2);
      const clause = `${o.subject} er blevet bedt om at ${task.inf} ${obj}`;
      return { text: `${withDl(clause, d)}.`, decision: false, actions: [act(clause, o.owners, d)] };
    }
    default: {
      const d = dl(ctx, 0.6);
      const clause = `${o.subject} ${task.pres} ${obj}`;
      return { text: `${withDl(clause, d)}.`, decision: false, actions: [act(clause, o.owners, d)] };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// neutral statements (no owner, no outcome trigger)

function fact(ctx: Ctx, t: Topic): string {
  const { rng } = ctx;
  const y = ctx.meeting.getUTCFullYear();
  return rng.pick([
    () => `antallet af ${rng.pick(THINGS)} er steget med ${rng.int(3, 24)} % siden ${y - rng.int(1, 4)}`,
    () => "der er store forskelle på praksis på tværs af kommunerne",
    () => `rekrutteringen af ${rng.pick(PROFESSIONS)} fortsat er en udfordring`,
    () => `${t.group} ofte har forløb på tværs af flere sektorer`,
    () => `erfaringerne fra ${rng.pick(PLACES)} er positive`,
    () => `der er behov for bedre data om ${t.group}`,
    () => `ventetiden er faldet i årets første måneder`,
    () => `flere kommuner allerede arbejder med ${t.noun}`,
    () => `${t.noun} kræver flere ressourcer end forventet`,
    () => `samarbejdet med almen praksis fungerer godt i ${rng.pick(PLACES)}`,
  ])();
}

/** A sentence of background text (sagsfremstilling); `used` keeps a paragraph from repeating a pattern. */
export function backgroundSentence(ctx: Ctx, t: Topic, used: Set<number> = new Set()): Sentence {
  const { rng } = ctx;
  const y = ctx.meeting.getUTCFullYear();
  const m1 = rng.int(0, 5);
  const patterns = [
      () => `Antallet af ${rng.pick(THINGS)} er steget med ${rng.int(3, 24)} % siden ${y - rng.int(1, 4)}.`,
      () => `I ${y - 1} var der ${rng.int(40, 2400)} ${rng.pick(THINGS)} i ${rng.pick(PLACES)}.`,
      () => `Erfaringerne fra ${rng.pick(PLACES)} viser, at ${fact(ctx, t)}.`,
      () => `Det fremgår af ${rng.pick(REPORTS)}, at ${fact(ctx, t)}.`,
      () => `Målgruppen er primært ${t.group}.`,
      () => `Udgifterne til ${t.noun} udgjorde ${rng.int(1, 40)},${rng.int(1, 9)} mio. kr. i ${y - 1}.`,
      () => `${rng.pick(OTHER_FORUMS)} har tidligere peget på ${t.noun} som et indsatsområde.`,
      () => `Formålet er at skabe bedre sammenhæng i forløbene for ${t.group}.`,
      () => `Et centralt element i ${t.doc} er ${t.noun}.`,
      () => `${capFirst(rng.pick(REPORTS))} peger på, at ${fact(ctx, t)}.`,
      () => `Det vurderes, at ${fact(ctx, t)}.`,
      () => `Der er tale om et område med stor betydning for ${t.group}.`,
      () => `Indsatsen tager udgangspunkt i ${t.doc}.`,
      () => `I perioden fra ${MONTHS[m1]} til ${MONTHS[m1 + rng.int(2, 5)]} ${y - 1} blev der registreret ${rng.int(12, 900)} ${rng.pick(THINGS)}.`,
      () => `Sagen har været drøftet i ${rng.pick(OTHER_FORUMS)} i foråret ${y - 1}.`,
      () => `Der er desuden modtaget bemærkninger fra ${rng.pick(ctx.orgs.length > 0 ? ctx.orgs : PLACES)}.`,
      () => `${capFirst(t.noun)} indgår som en del af den fælles sundhedsaftale.`,
      () => `Det forventes, at ${fact(ctx, t)}.`,
      () => `Der henvises i øvrigt til ${t.doc}, som er vedlagt.`,
      () => `Andelen af ${t.group}, der modtager et tilbud, er ${rng.int(20, 80)} % i gennemsnit.`,
  ];
  if (used.size >= patterns.length) used.clear();
  let k = rng.int(0, patterns.length - 1);
  while (used.has(k)) k = (k + 1) % patterns.length;
  used.add(k);
  return plain(patterns[k]!());
}

/** A recap of an earlier decision (background: neither decision nor action). */
export function recapSentence(ctx: Ctx, t: Topic): Sentence {
  const { rng } = ctx;
  return plain(
    rng.pick([
      () => `På seneste møde blev det besluttet, at ${decisionClause(ctx, t)}.`,
      () => `${rng.pick(OTHER_FORUMS)} besluttede den ${rng.int(1, 28)}. ${rng.pick(MONTHS)}, at ${decisionClause(ctx, t)}.`,
      () => `Det blev på mødet i ${rng.pick(MONTHS)} aftalt, at ${decisionClause(ctx, t)}.`,
    ])(),
  );
}

export function backgroundParas(ctx: Ctx, t: Topic, paragraphs: number, opts: { actions: boolean; recap: boolean }): Para[] {
  const { rng } = ctx;
  const out: Para[] = [];
  for (let k = 0; k < paragraphs; k++) {
    const n = rng.int(2, 6);
    const used = new Set<number>();
    const sentences = Array.from({ length: n }, () => backgroundSentence(ctx, t, used));
    out.push(para(...sentences));
    if (k === 0 && rng.chance(0.25)) {
      const bullets = rng.int(2, 4);
      const points = rng.sample(
        [
          `Bedre data om ${t.group}`,
          `Fælles retningslinjer for ${t.noun}`,
          `Kompetenceudvikling af ${rng.pick(PROFESSIONS)}`,
          "Ensartet praksis på tværs af kommunerne",
          `Opfølgning på ${t.doc}`,
          `Inddragelse af ${t.group} i udviklingen af tilbuddene`,
          "Tydelig ansvarsfordeling mellem sektorerne",
        ],
        bullets,
      );
      for (const point of points) out.push({ kind: "bullet", sentences: [plain(point)] });
    }
  }
  if (opts.recap && out.length > 0) out[0] = para(recapSentence(ctx, t), ...(out[0]?.sentences ?? []));
  if (opts.actions) {
    const form = rng.weighted([["bedes", 5], ["asked", 3], ["plain", 3]] as const);
    const last = out[out.length - 1];
    const s = actionSentence(ctx, t, form);
    if (last && last.kind === "p" && rng.chance(0.5)) last.sentences.push(s);
    else out.push(para(s));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// decisions

function decisionClause(ctx: Ctx, t: Topic): string {
  const { rng } = ctx;
  const y = ctx.meeting.getUTCFullYear();
  return rng.pick([
    () => `${t.noun} prioriteres i det kommende år`,
    () => `der nedsættes en arbejdsgruppe om ${t.noun}`,
    () => `${t.doc} sendes i høring i kommunerne`,
    () => `modellen afprøves i to kommuner i første omgang`,
    () => `${t.noun} bliver et fast punkt på dagsordenen`,
    () => `næste møde skal have ${t.noun} som tema`,
    () => `projektet forlænges til udgangen af ${y + 1}`,
    () => `den nuværende model fastholdes`,
    () => `evalueringen af ${t.noun} gennemføres efter et år`,
    () => `${t.group} skal indgå som målgruppe i det videre arbejde`,
    () => `der afsættes ${rng.int(50, 900)}.000 kr. til ${t.noun}`,
    () => `${t.doc} lægges til grund for det videre arbejde`,
  ])();
}

function decisionSentenceOf(ctx: Ctx, t: Topic): Sentence {
  const { rng } = ctx;
  const c = decisionClause(ctx, t);
  return decision(
    rng.pick([
      () => `${ctx.forum} besluttede, at ${c}.`,
      () => `Det blev besluttet, at ${c}.`,
      () => `Det blev aftalt, at ${c}.`,
      () => `Der var enighed om, at ${c}.`,
      () => `Det aftales, at ${c}.`,
      () => `Det besluttes, at ${c}.`,
      () => `Enighed om, at ${c}.`,
      () => `Det meldes tilbage til ${rng.pick(OTHER_FORUMS)}, at ${c}.`,
    ])(),
  );
}

function personName(ctx: Ctx): string {
  const people = actors(ctx);
  return people.length > 0 ? ctx.rng.pick(people).name : ctx.forum;
}

/** A remark: no decision, no owner, no outcome word. */
function remark(ctx: Ctx, t: Topic): Sentence {
  const { rng } = ctx;
  return plain(
    rng.pick([
      () => `Flere pegede på, at ${fact(ctx, t)}.`,
      () => `${personName(ctx)} fremhævede, at ${fact(ctx, t)}.`,
      () => `Der blev udvekslet erfaringer med ${t.noun}.`,
      () => `${personName(ctx)} opfordrede til, at ${t.group} inddrages i det videre arbejde.`,
      () => `Der var forskellige holdninger til ${t.noun}.`,
      () => `Det blev understreget, at ${fact(ctx, t)}.`,
      () => `${personName(ctx)} spurgte til ${t.noun}.`,
    ])(),
  );
}

function orientation(ctx: Ctx, t: Topic): Sentence {
  const { rng } = ctx;
  return plain(
    rng.pick([
      () => `${personName(ctx)} orienterede om, at ${fact(ctx, t)}.`,
      () => `${personName(ctx)} gav en kort orientering om ${t.noun}.`,
      () => `${personName(ctx)} orienterede om status på ${t.noun}.`,
    ])(),
  );
}

const NOTED = (ctx: Ctx) => ["Taget til efterretning.", "Orienteringen blev taget til efterretning.", `${ctx.forum} tog orienteringen til efterretning.`, `${ctx.forum} kvitterede for orienteringen.`, "Sagen blev taget til efterretning."];
const DISCUSSED = (ctx: Ctx, t: Topic) => ["Sagen blev drøftet.", "Drøftet.", "Punktet blev drøftet.", `${ctx.forum} drøftede ${t.noun}.`, `${capFirst(t.doc)} blev drøftet.`];
const NONE = ["Intet til referat.", "Ingen bemærkninger.", "Intet.", "Intet at bemærke."];

function approvalSentences(ctx: Ctx, t: Topic, first: boolean): Para[] {
  const { rng } = ctx;
  if (first) {
    return [para(decision(rng.pick(["Dagsordenen blev godkendt.", "Dagsorden blev godkendt.", "Godkendt.", "Indstillingen blev godkendt.", "Dagsorden og referat blev godkendt.", `${ctx.forum} godkendte dagsordenen.`])))];
  }
  const kind = rng.weighted([["short", 4], ["changes", 1.2], ["addition", 1], ["nod", 1]] as const);
  if (kind === "changes") {
    const n = rng.int(2, 3);
    const terms = rng.sample(
      [
        () => `Tidsplanen forlænges med ${rng.int(2, 6)} måneder.`,
        () => `Målgruppen udvides til også at omfatte ${t.group}.`,
        () => "Afsnittet om økonomi skrives tydeligere.",
        () => `${capFirst(t.noun)} skal evalueres efter et år.`,
        () => "Arbejdet skal også omfatte psykiatriområdet.",
        () => "Kommissoriet skal også omfatte praksissektoren.",
      ],
      n,
    );
    return [
      para(decision(rng.pick(["Godkendt med følgende ændringer:", `${capFirst(t.doc)} blev godkendt med følgende ændringer:`, "Indstillingen blev fulgt med følgende ændringer:"]))),
      ...terms.map((f): Para => ({ kind: "bullet", sentences: [decision(f())] })),
    ];
  }
  if (kind === "addition") return [para(decision(`${capFirst(t.doc)} blev godkendt med den tilføjelse, at ${decisionClause(ctx, t)}.`))];
  if (kind === "nod") return [para(decision(rng.pick([`${ctx.forum} nikkede til ${t.doc}.`, `${ctx.forum} nikkede til indstillingen.`])))];
  const short = ["Godkendt.", "Indstillingen blev godkendt.", "Indstillingen blev fulgt.", `${ctx.forum} godkendte indstillingen.`, `${capFirst(t.doc)} blev godkendt.`];
  if (ctx.municipal) short.push("Anbefales over for Byrådet.", "Indstillingen anbefales godkendt.");
  return [para(decision(rng.pick(short)))];
}

export interface DecisionOptions {
  first?: boolean;
  /** The minutes write decided tasks as an "Aftalt:" list (driftsgruppe). */
  agreedList?: boolean;
  /** Action sentences may be added. */
  actions?: boolean;
}

/** The decision text of an item with the given outcome. */
export function decisionParas(ctx: Ctx, t: Topic, outcome: Outcome, opts: DecisionOptions = {}): Para[] {
  const { rng } = ctx;
  const maybeActions = (n: number, forms: readonly (readonly [ActionForm, number])[]): Sentence[] =>
    opts.actions === false ? [] : Array.from({ length: n }, () => actionSentence(ctx, t, rng.weighted(forms)));
  const neutralForms = [["plain", 6], ["fronted", 2], ["two", 1.5], ["passive", 1]] as const;
  switch (outcome) {
    case "withdrawn":
      return [
        para(
          plain(
            rng.pick([
              "Punktet udgik.",
              "Punktet blev trukket.",
              "Punktet blev trukket af dagsordenen.",
              `Punktet udgik, da ${rng.pick(["oplægsholderen havde meldt afbud", "materialet ikke var klar", `${t.doc} endnu ikke foreligger`])}.`,
              `Punktet udgik grundet afbud fra ${personName(ctx)}.`,
            ]),
          ),
        ),
      ];
    case "rejected": {
      const out: Sentence[] = [];
      if (ctx.municipal && rng.chance(0.5)) {
        const n = rng.int(1, 3);
        return [
          para(plain(`For forslaget stemte: ${rng.pick(["F", "Ø", "B"])} (${n}).`)),
          para(plain(`Imod forslaget stemte: A, V og C (${rng.int(n + 1, 9)}).`)),
          para(decision("Forslaget blev forkastet.")),
        ];
      }
      out.push(decision(rng.pick(["Ikke godkendt.", "Indstillingen blev ikke godkendt.", "Forslaget blev afvist.", `${ctx.forum} afviste forslaget.`, "Forslaget blev forkastet."])));
      if (rng.chance(0.6)) out.push(plain(rng.pick([`Det vurderes, at ${fact(ctx, t)}.`, "Der er ikke økonomi til forslaget i indeværende år.", `Flere pegede på, at ${fact(ctx, t)}.`])));
      return [para(...out)];
    }
    case "postponed": {
      const out: Sentence[] = [];
      if (rng.chance(0.4)) out.push(plain(rng.pick(["Sagen blev drøftet.", "Punktet blev kort drøftet."])));
      out.push(
        plain(
          rng.pick([
            "Udsat.",
            "Punktet blev udsat.",
            "Sagen blev udsat til næste møde.",
            `Punktet afventer ${rng.pick(["den nye vejledning", "den politiske behandling", `${t.doc}`, "en afklaring af økonomien"])}.`,
            "Sagen tages op igen på næste møde.",
            `Punktet behandles igen på et senere møde, når ${t.doc} foreligger.`,
          ]),
        ),
      );
      return [para(...out, ...maybeActions(rng.chance(0.3) ? 1 : 0, neutralForms))];
    }
    case "approved": {
      const out = approvalSentences(ctx, t, opts.first ?? false);
      if (opts.first) return out;
      const extra: Sentence[] = [];
      if (rng.chance(0.35)) extra.push(remark(ctx, t));
      extra.push(...maybeActions(rng.weighted([[0, 4], [1, 4], [2, 2]] as const), neutralForms));
      if (extra.length > 0) out.push(para(...extra));
      return out;
    }
    case "decided": {
      if (opts.agreedList) {
        const bullets = Array.from({ length: rng.int(1, 3) }, (): Para => {
          const s = actionSentence(ctx, t, rng.weighted([["plain", 4], ["two", 1]] as const));
          return { kind: "bullet", sentences: [{ ...s, decision: true }] };
        });
        const lead: Sentence[] = rng.chance(0.6) ? [orientation(ctx, t)] : [];
        return [...(lead.length > 0 ? [para(...lead)] : []), para(plain("Aftalt:")), ...bullets];
      }
      const out: Sentence[] = [];
      if (rng.chance(0.4)) out.push(plain(rng.pick(DISCUSSED(ctx, t))));
      const n = rng.weighted([[1, 5], [2, 3], [3, 1]] as const);
      for (let k = 0; k < n; k++) {
        out.push(rng.chance(0.35) && opts.actions !== false ? actionSentence(ctx, t, "agreed") : decisionSentenceOf(ctx, t));
      }
      if (rng.chance(0.3)) out.push(remark(ctx, t));
      out.push(...maybeActions(rng.weighted([[0, 5], [1, 4], [2, 1]] as const), neutralForms));
      return splitParas(ctx, out);
    }
    case "noted": {
      const out: Sentence[] = [];
      const oriented = rng.chance(0.6);
      if (oriented) out.push(orientation(ctx, t));
      if (rng.chance(0.3)) out.push(plain(`Det blev oplyst, at ${fact(ctx, t)}.`));
      // without an orientation sentence the item must say "taget til efterretning"/"kvitterede"
      if (!oriented || rng.chance(0.7)) out.push(plain(rng.pick(NOTED(ctx))));
      out.push(...maybeActions(rng.chance(0.3) ? 1 : 0, neutralForms));
      return splitParas(ctx, out);
    }
    case "discussed": {
      const out: Sentence[] = [plain(rng.pick(DISCUSSED(ctx, t)))];
      const n = rng.int(0, 3);
      for (let k = 0; k < n; k++) out.push(remark(ctx, t));
      return splitParas(ctx, out);
    }
    case "none":
      return [para(plain(rng.pick(NONE)))];
  }
}

/** Sentences into one or two paragraphs. */
function splitParas(ctx: Ctx, sentences: Sentence[]): Para[] {
  if (sentences.length < 3 || ctx.rng.chance(0.5)) return [para(...sentences)];
  const cut = ctx.rng.int(1, sentences.length - 1);
  return [para(...sentences.slice(0, cut)), para(...sentences.slice(cut))];
}

// ---------------------------------------------------------------------------------------------
// indstillinger

export type RecIntent = "approve" | "discuss" | "decide" | "note";

/** Recommendation clauses in the four printed styles. */
export function recommendation(ctx: Ctx, t: Topic, intent: RecIntent, style: "at" | "verb" | "forum" | "passive"): string {
  const { rng } = ctx;
  const forms: Record<RecIntent, { verb: string; passive: string }[]> = {
    approve: [
      { verb: `godkender ${t.doc}`, passive: `${t.doc} godkendes` },
      { verb: `godkender oplægget om ${t.noun}`, passive: `oplægget om ${t.noun} godkendes` },
    ],
    discuss: [
      { verb: `drøfter ${t.noun}`, passive: `${t.noun} drøftes` },
      { verb: `drøfter, om ${t.noun} skal prioriteres`, passive: `det drøftes, om ${t.noun} skal prioriteres` },
      { verb: "drøfter sagen", passive: "sagen drøftes" },
    ],
    decide: [
      { verb: `beslutter den videre proces for ${t.noun}`, passive: `der træffes beslutning om den videre proces for ${t.noun}` },
      { verb: `beslutter, hvordan ${t.noun} skal organiseres`, passive: `der besluttes, hvordan ${t.noun} skal organiseres` },
    ],
    note: [
      { verb: "tager orienteringen til efterretning", passive: "orienteringen tages til efterretning" },
      { verb: `tager ${t.doc} til efterretning`, passive: `${t.doc} tages til efterretning` },
    ],
  };
  const f = rng.pick(forms[intent]);
  switch (style) {
    case "at":
      return `At ${f.passive}`;
    case "verb":
      return capFirst(f.verb) + (rng.chance(0.4) ? "." : "");
    case "forum":
      return `${ctx.forum} ${f.verb}.`;
    case "passive":
      return f.passive;
  }
}
