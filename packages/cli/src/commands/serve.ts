/**
 * `minutes serve [--db FILE] [--port N] [--host ADDR]`: the analyst page on 127.0.0.1 (unless told
 * otherwise), over the store opened read-only. Runs until interrupted.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Logger } from "pino";
import { openStore } from "@minutes/store";
import { serve } from "@minutes/report";
import { UsageError } from "../usage.ts";
import { DEFAULT_DB } from "./ingest.ts";

export async function serveCommand(o: { db?: string; port?: string; host?: string }, log: Logger, stdout: NodeJS.WritableStream): Promise<number> {
  const db = resolve(o.db ?? DEFAULT_DB);
  if (!(await stat(db).catch(() => null))) throw new UsageError(`no store at ${db} (make one with: minutes ingest PATH --db FILE)`);
  const port = o.port === undefined ? 8080 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${o.port} is not a port number`);
  const store = await openStore(db, { readonly: true });
  const { server, url } = await serve(store, {
    host: o.host ?? "127.0.0.1",
    port,
    onRequest: (r) => log.info(r, "request"),
  }).catch(async (err: NodeJS.ErrnoException) => {
    await store.close();
    if (err.code === "EADDRINUSE") throw new UsageError(`port ${port} is in use (choose another with --port)`);
    throw err;
  });
  stdout.write(`minutes: serving ${db} at ${url} (read-only; Ctrl-C stops)\n`);
  await new Promise<void>((done) => {
    const stop = () => server.close(() => done());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await store.close();
  return 0;
}
