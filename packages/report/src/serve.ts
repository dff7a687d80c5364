/**
 * The local analyst page: a small HTTP server over a read-only store. Binds 127.0.0.1 unless told
 * otherwise; serves its three assets by name (no path from the URL ever reaches the file system)
 * and a JSON/CSV API whose filters are the URL's query parameters, like the CLI's options.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { renderCsv, renderJson, type Table } from "./format.ts";
import {
  actionsReport,
  decisionsPerQuarter,
  decisionsReport,
  facets,
  isoDate,
  meetingView,
  parseCluster,
  parseOutcome,
  QueryError,
  searchReport,
  type DecisionQuery,
  type Reader,
} from "./queries.ts";

const ASSETS: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/assets/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/assets/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
};
const WEB = new URL("../web/", import.meta.url);

// No inline script, no remote anything: what the page runs is its own app.js.
const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

export interface ServeOptions {
  host?: string;
  port?: number;
  /** Fixed "today" for open/overdue (tests). */
  today?: string;
  onRequest?: (info: { method: string; path: string; status: number; ms: number }) => void;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

function sendTable(res: ServerResponse, t: Table, csv: boolean, name: string): void {
  if (csv) {
    res.setHeader("content-disposition", `attachment; filename="${name}.csv"`);
    send(res, 200, "text/csv; charset=utf-8", renderCsv(t));
  } else send(res, 200, "application/json; charset=utf-8", renderJson(t));
}

function flag(p: URLSearchParams, name: string): boolean {
  const v = p.get(name);
  return v === "1" || v === "true" || v === "on";
}

function text(p: URLSearchParams, name: string): string | undefined {
  const v = p.get(name);
  return v === null || v.trim() === "" ? undefined : v.slice(0, 500);
}

/** The meeting filters of the page's URL (the same as the CLI's options). */
function meetingFilters(p: URLSearchParams): Pick<DecisionQuery, "cluster" | "body" | "from" | "to"> {
  return {
    cluster: parseCluster(text(p, "cluster")),
    body: text(p, "body"),
    from: isoDate(text(p, "from"), "from", "from"),
    to: isoDate(text(p, "to"), "to", "to"),
  };
}

function decisionFilters(p: URLSearchParams): DecisionQuery {
  return { ...meetingFilters(p), outcome: parseOutcome(text(p, "outcome")) };
}

async function route(store: Reader, url: URL, opts: ServeOptions, res: ServerResponse): Promise<void> {
  const p = url.searchParams;
  const path = url.pathname;
  const asset = ASSETS[path];
  if (asset) {
    send(res, 200, asset.type, await readFile(new URL(asset.file, WEB)));
    return;
  }
  if (path === "/favicon.ico") {
    res.writeHead(204, SECURITY_HEADERS).end();
    return;
  }
  const csv = path.endsWith(".csv");
  const name = path.replace(/\.csv$/, "");
  switch (name) {
    case "/api/facets":
      return sendJson(res, 200, await facets(store));
    case "/api/decisions":
      return sendTable(
        res,
        await decisionsReport(store, { ...decisionFilters(p), search: text(p, "q"), limit: 1000 }),
        csv,
        "beslutninger",
      );
    case "/api/actions":
      return sendTable(
        res,
        await actionsReport(store, {
          owner: text(p, "owner"),
          open: flag(p, "open"),
          overdue: flag(p, "overdue"),
          dueBefore: isoDate(text(p, "dueBefore"), "from", "dueBefore"),
          ...meetingFilters(p),
          today: opts.today,
          limit: 500,
        }),
        csv,
        "opgaver",
      );
    case "/api/search": {
      const q = text(p, "q") ?? "";
      const t = await searchReport(store, q, { limit: 100 });
      if (csv) return sendTable(res, t, true, "soegning");
      return sendJson(res, 200, { ...t, notice: t.rows.length === 0 ? "Ingen hits. Søgningen tager ord, ikke søgesyntaks." : null });
    }
    case "/api/chart":
      return sendJson(
        res,
        200,
        await decisionsPerQuarter(store, decisionFilters(p)),
      );
    default: {
      const m = /^\/api\/meeting\/(\d{1,12})$/.exec(path);
      if (m) return sendJson(res, 200, await meetingView(store, m[1]!));
      return sendJson(res, 404, { error: "not found" });
    }
  }
}

/** Starts the server; resolves once it listens, with its address. */
export async function serve(store: Reader, opts: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const done = (status: number) => opts.onRequest?.({ method: req.method ?? "", path: (req.url ?? "").split("?")[0]!, status, ms: Date.now() - started });
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(res, 405, { error: "read-only: GET only" });
      return done(405);
    }
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      sendJson(res, 400, { error: "bad URL" });
      return done(400);
    }
    route(store, url, opts, res).then(
      () => done(res.statusCode),
      (err: unknown) => {
        const bad = err instanceof QueryError;
        if (!res.headersSent) sendJson(res, bad ? 400 : 500, { error: bad ? (err as Error).message : "internal error" });
        done(bad ? 400 : 500);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return { server, url: `http://${host}:${addr.port}/` };
}
