// The analyst page. No framework and no network beyond this server. Every piece of document text
// is put on the page with textContent (never innerHTML), so titles, decisions or names that hold
// markup or script are shown as the text they are. State lives in the URL (hash + query), so a
// view can be bookmarked and shared.
"use strict";

const $ = (sel) => document.querySelector(sel);
const view = $("#view");
const filters = $("#filters");
const MONTHS = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];
const OUTCOME_DA = {
  withdrawn: "udgået", rejected: "afvist", postponed: "udsat", approved: "godkendt",
  decided: "besluttet", noted: "taget til efterretning", discussed: "drøftet", none: "intet",
};

/** Builds an element; children are nodes or strings (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

/** Only links inside this page: a document can never smuggle a javascript: URL into an href. */
function safeHref(v) {
  const s = String(v);
  return s.startsWith("#/") || s.startsWith("/api/") ? s : "#/";
}

function danishDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso || "";
}

function sourceText(s) {
  if (!s) return "";
  return [s.file, s.page != null ? `s. ${s.page}` : null, s.line != null ? `l. ${s.line}` : null].filter(Boolean).join(" ");
}

/** Link to the meeting view, at the item the row comes from. */
function sourceLink(row) {
  const text = sourceText(row.source);
  if (!row.meeting_id) return el("span", { class: "source" }, text);
  const anchor = row.item_id ? `?item=${encodeURIComponent(row.item_id)}` : "";
  return el("a", { class: "source", href: `#/meeting/${encodeURIComponent(row.meeting_id)}${anchor}`, title: row.source ? row.source.path : "" }, text);
}

/** Text with the search hits marked: the server wraps hits in \u0002 … \u0003. */
function highlighted(text) {
  const span = el("span", {});
  String(text || "").split(/(\u0002[^\u0003]*\u0003)/).forEach((part) => {
    if (part.startsWith("\u0002")) span.append(el("mark", {}, part.slice(1, -1)));
    else if (part) span.append(part);
  });
  return span;
}

// ── state in the URL ─────────────────────────────────────────────────────────────────────────

function route() {
  const hash = location.hash || "#/decisions";
  const [path, query] = hash.slice(1).split("?");
  return { path, params: new URLSearchParams(query || "") };
}

function go(path, params) {
  const q = params.toString();
  location.hash = q ? `${path}?${q}` : path;
}

function readFilters(params) {
  for (const input of filters.querySelectorAll("select, input")) {
    if (input.type === "checkbox") input.checked = params.get(input.name) === "1";
    else input.value = params.get(input.name) || "";
  }
}

function filterParams() {
  const p = new URLSearchParams();
  for (const input of filters.querySelectorAll("select, input")) {
    if (input.type === "checkbox") {
      if (input.checked) p.set(input.name, "1");
    } else if (input.value) p.set(input.name, input.value);
  }
  return p;
}

async function api(path, params) {
  const q = params ? `?${params}` : "";
  const res = await fetch(`/api/${path}${q}`, { headers: { accept: "application/json" } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

// ── views ────────────────────────────────────────────────────────────────────────────────────

function table(columns, rows, cell) {
  if (rows.length === 0) return el("p", { class: "empty" }, "Ingen rækker.");
  return el(
    "table",
    {},
    el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, c.label)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, columns.map((c) => el("td", { class: c.kind }, cell(c, r)))))),
  );
}

function defaultCell(c, r) {
  const v = r[c.key];
  if (c.kind === "source") return sourceLink(r);
  if (c.kind === "date") return danishDate(v);
  if (c.key === "outcome") return el("span", { class: "outcome" }, OUTCOME_DA[v] || v || "");
  if (c.key === "snippet") return highlighted(v);
  return v == null ? "" : String(v);
}

async function showDecisions(params) {
  const t = await api("decisions", params);
  view.replaceChildren(el("h2", {}, t.title), table(t.columns, t.rows, defaultCell));
}

async function showActions(params) {
  const t = await api("actions", params);
  const byOwner = new Map();
  for (const r of t.rows) {
    const key = r.owner || "(uden ejer)";
    if (!byOwner.has(key)) byOwner.set(key, []);
    byOwner.get(key).push(r);
  }
  const cards = [...byOwner].map(([owner, rows]) =>
    el(
      "section",
      { class: "owner" },
      el("h3", {}, owner, " ", el("span", { class: "muted" }, `(${rows.length})`)),
      el(
        "ul",
        {},
        rows.map((r) =>
          el(
            "li",
            { class: r.state === "overdue" ? "overdue-row" : null },
            el("div", {}, r.text),
            el(
              "div",
              { class: "muted" },
              r.deadline ? el("span", { class: r.state === "overdue" ? "overdue" : null }, `frist ${danishDate(r.deadline)}`) : r.deadline_text ? `frist: ${r.deadline_text}` : "ingen frist",
              r.state === "overdue" ? " · overskredet" : "",
              " · ",
              r.body || "",
              " ",
              danishDate(r.date),
              " · ",
              sourceLink(r),
            ),
          ),
        ),
      ),
    ),
  );
  view.replaceChildren(el("h2", {}, t.title), t.rows.length ? el("div", { class: "board" }, cards) : el("p", { class: "empty" }, "Ingen opgaver."));
}

async function showSearch(params) {
  const t = await api("search", params);
  view.replaceChildren(el("h2", {}, `Søgning: ${params.get("q") || ""}`), t.notice ? el("p", { class: "muted" }, t.notice) : "", table(t.columns, t.rows, defaultCell));
}

async function showMeeting(id, params) {
  const m = await api(`meeting/${encodeURIComponent(id)}`);
  const head = m.meeting;
  const parts = el(
    "details",
    {},
    el("summary", {}, `Deltagere (${m.participants.length})`),
    el("ul", {}, m.participants.map((p) => el("li", {}, p.name, p.title ? `, ${p.title}` : "", p.organization ? ` (${p.organization})` : "", " ", el("span", { class: "muted" }, p.status)))),
  );
  const items = m.items.map((it) =>
    el(
      "article",
      { class: "item", id: `item-${it.id}` },
      el("h3", {}, `${it.number}. `, it.title, it.presenter ? el("span", { class: "muted" }, ` ved ${it.presenter}`) : ""),
      el("div", {}, el("span", { class: "outcome" }, OUTCOME_DA[it.outcome] || it.outcome), " ", el("span", { class: "source" }, sourceText(it.source))),
      it.recommendations.length ? el("div", {}, el("strong", {}, "Indstilling"), el("ul", {}, it.recommendations.map((r) => el("li", {}, r)))) : "",
      it.decisionText ? el("div", {}, el("strong", {}, "Beslutning"), el("p", {}, it.decisionText)) : "",
      it.actions.length
        ? el("div", {}, el("strong", {}, "Opgaver"), el("ul", {}, it.actions.map((a) => el("li", {}, a.text, el("span", { class: "muted" }, ` — ${a.owners.join(", ") || "ingen ejer"}${a.deadline ? `, frist ${danishDate(a.deadline)}` : a.deadlineText ? `, ${a.deadlineText}` : ""}`)))))
        : "",
    ),
  );
  view.replaceChildren(
    el("h2", {}, head.body || "Møde", " ", danishDate(head.date)),
    el("p", { class: "muted" }, [head.kind, head.number ? `nr. ${head.number}` : null, head.cluster ? `Klynge ${head.cluster}` : null, head.location].filter(Boolean).join(" · ")),
    el("p", { class: "source" }, m.documents.map((d) => `${d.file} (${d.format}, ${d.pages} s.)`).join(" · ")),
    parts,
    ...items,
  );
  const target = params.get("item");
  if (target) document.getElementById(`item-${target}`)?.scrollIntoView();
}

async function showChart(params) {
  const c = await api("chart", params);
  const W = 760, H = 280, pad = 40;
  const max = Math.max(1, ...c.series.flatMap((s) => s.counts));
  const n = c.quarters.length;
  const colors = { Nord: "#0b5cad", Midt: "#2e7d32", Syd: "#c76b00", "(ingen)": "#888" };
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Beslutninger pr. klynge pr. kvartal");
  const add = (tag, attrs, text) => {
    const e = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  const groupW = (W - 2 * pad) / Math.max(1, n);
  const barW = Math.max(2, (groupW - 6) / Math.max(1, c.series.length));
  c.quarters.forEach((q, i) => {
    c.series.forEach((s, k) => {
      const h = ((H - 2 * pad) * s.counts[i]) / max;
      const bar = add("rect", { x: pad + i * groupW + k * barW, y: H - pad - h, width: barW - 1, height: h, fill: colors[s.cluster] || "#888" });
      const title = document.createElementNS(svgNs, "title");
      title.textContent = `${s.cluster} ${q}: ${s.counts[i]}`;
      bar.append(title);
    });
    if (n <= 24 || i % Math.ceil(n / 24) === 0) add("text", { x: pad + i * groupW, y: H - pad + 14 }, q);
  });
  add("text", { x: 4, y: pad }, String(max));
  add("line", { x1: pad, y1: H - pad, x2: W - pad, y2: H - pad, stroke: "#999" });
  const legend = el("p", {}, c.series.map((s) => el("span", { style: `color:${colors[s.cluster] || "#888"}; margin-right:1rem` }, `■ ${s.cluster}`)));
  view.replaceChildren(el("h2", {}, "Beslutninger pr. klynge pr. kvartal"), svg, legend);
}

// ── wiring ───────────────────────────────────────────────────────────────────────────────────

async function render() {
  const { path, params } = route();
  readFilters(params);
  $("#q").value = params.get("q") || "";
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.getAttribute("href") === `#${path}`);
  document.body.dataset.view = path.split("/")[1] || "decisions";
  const exportName = path === "/actions" ? "actions" : path === "/search" ? "search" : "decisions";
  $("#export-csv").setAttribute("href", `/api/${exportName}.csv?${params}`);
  $("#export-json").setAttribute("href", `/api/${exportName}?${params}`);
  view.replaceChildren(el("p", { class: "muted" }, "Henter …"));
  try {
    if (path === "/actions") await showActions(params);
    else if (path === "/search") await showSearch(params);
    else if (path === "/chart") await showChart(params);
    else if (path.startsWith("/meeting/")) await showMeeting(decodeURIComponent(path.slice("/meeting/".length)), params);
    else await showDecisions(params);
  } catch (err) {
    view.replaceChildren(el("p", { class: "error" }, `Fejl: ${err.message}`));
  }
}

async function loadFacets() {
  const f = await api("facets");
  const body = filters.querySelector('select[name="body"]');
  for (const b of f.bodies) body.append(el("option", { value: b }, b));
  const outcome = filters.querySelector('select[name="outcome"]');
  for (const o of f.outcomes) outcome.append(el("option", { value: o }, OUTCOME_DA[o] || o));
}

filters.addEventListener("change", () => {
  const { path, params } = route();
  const p = filterParams();
  if (params.get("q")) p.set("q", params.get("q"));
  go(path.startsWith("/meeting/") ? "/decisions" : path, p);
});

$("#search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const p = filterParams();
  p.set("q", $("#q").value);
  go("/search", p);
});

window.addEventListener("hashchange", render);
loadFacets()
  .catch(() => {})
  .then(render);
