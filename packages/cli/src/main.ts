#!/usr/bin/env node
/**
 * The `minutes` command: composes ingest → extract → store → report.
 * Exit codes: 0 all well, 1 some documents failed, 2 usage error.
 */
import { parseArgs } from "node:util";
import { createLogger } from "./log.ts";
import { EXIT, UsageError } from "./usage.ts";

const HELP = `minutes — Danish meeting minutes into a queryable record

Usage:
  minutes lines FILE [--format text|json]        normalised lines as "page:line  text"
  minutes extract FILE [--format json]           minutes-json/1 of FILE on stdout
  minutes extract DIR --out OUTDIR               OUTDIR/<name>.json for every file under DIR
  minutes ingest PATH… [--db FILE] [--wait S]    files and folders (recursively) into the store
                 [--jobs N]                      N files parsed at once (default: the cores)
                 [--redact cpr,email,phone|none] private data replaced before storing (default cpr)
                 [--timeout S] [--max-pages N] [--max-mb N]  per-document limits (120 s, 2000, 100)
                 [--checksum]                    read every file, even one stored with its size and time
                 [--format text|json]            (default ./minutes.db); summary on stdout
  minutes reextract [--db FILE] [--wait S]       documents stored by an older extractor, again
  minutes status [--db FILE] [--format text|json]  the store's totals, lock and last runs
  minutes demo [--db FILE] [--format text|json]  the main job on the bundled fixtures

Reports (from the store; --db FILE, --format table|json|csv|md|xlsx, --out FILE):
  minutes report decisions [--cluster Nord|Midt|Syd] [--body TEXT] [--from DATE] [--to DATE]
                           [--outcome LABEL] [--search TEXT] [--limit N]
  minutes report actions [--owner NAME] [--open] [--overdue] [--due-before DATE] [--today DATE]
  minutes report person NAME        meetings attended or missed, items presented, actions owned
  minutes report topic TEXT         a timeline across clusters of what mentions TEXT
  minutes report meeting ID|FILE    one meeting as the analyst reads it
  minutes search TEXT               ranked hits with snippet and source position
  minutes serve [--db FILE] [--port N] [--host ADDR]   the analyst page on 127.0.0.1
  DATE is YYYY-MM-DD, YYYY-MM or YYYY. Outcomes: withdrawn rejected postponed approved
  decided noted discussed none.

Exit codes: 0 all well, 1 some documents failed, 2 usage error,
3 another run is writing to the store (waited --wait SECONDS, default 0).
Logs: JSON lines on stderr (MINUTES_LOG_LEVEL=debug|info|warn|error|silent).
`;

export async function main(argv: string[], stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  const log = createLogger();
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        out: { type: "string" },
        db: { type: "string" },
        wait: { type: "string" },
        jobs: { type: "string" },
        timeout: { type: "string" },
        "max-pages": { type: "string" },
        "max-mb": { type: "string" },
        redact: { type: "string" },
        checksum: { type: "boolean" },
        cluster: { type: "string" },
        body: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        outcome: { type: "string" },
        search: { type: "string" },
        owner: { type: "string" },
        open: { type: "boolean" },
        overdue: { type: "boolean" },
        "due-before": { type: "string" },
        today: { type: "string" },
        limit: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      stdout.write(HELP);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    // Each command loads only what it uses: a nightly `minutes ingest` starts without the report
    // and spreadsheet code, and its main thread (the writer) without the parsers.
    switch (command) {
      case "lines":
        if (rest.length !== 1) throw new UsageError("lines takes one FILE");
        const { linesCommand } = await import("./commands/lines.ts");
        return await linesCommand(rest[0]!, values.format, stdout);
      case "extract":
        if (rest.length !== 1) throw new UsageError("extract takes one FILE or DIR");
        const { extractCommand } = await import("./commands/extract.ts");
        return await extractCommand(rest[0]!, { out: values.out, format: values.format }, log, stdout);
      case "ingest":
        const { ingestCommand } = await import("./commands/ingest.ts");
        return await ingestCommand(rest, values, log, stdout);
      case "reextract":
        if (rest.length > 0) throw new UsageError("reextract takes no paths: it reads each document from where it was stored");
        const { reextractCommand } = await import("./commands/reextract.ts");
        return await reextractCommand(values, log, stdout);
      case "status":
        if (rest.length > 0) throw new UsageError("status takes no paths (use --db FILE)");
        const { statusCommand } = await import("./commands/status.ts");
        return await statusCommand(values, stdout);
      case "report": {
        const [kind, ...args] = rest;
        if (!kind) throw new UsageError("report needs one of: decisions, actions, person, topic, meeting");
        const { reportCommand } = await import("./commands/report.ts");
        return await reportCommand(kind, args, values, stdout as NodeJS.WritableStream & { isTTY?: boolean; columns?: number });
      }
      case "search": {
        const { reportCommand } = await import("./commands/report.ts");
        return await reportCommand("search", rest, values, stdout as NodeJS.WritableStream & { isTTY?: boolean; columns?: number });
      }
      case "serve":
        if (rest.length > 0) throw new UsageError("serve takes options only (--db FILE --port N)");
        const { serveCommand } = await import("./commands/serve.ts");
        return await serveCommand(values, log, stdout);
      case "demo":
        const { demoCommand } = await import("./commands/demo.ts");
        return await demoCommand(values.format, log, stdout, values.db);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`minutes: ${(err as Error).message}\n\n${HELP}`);
      return EXIT.usage;
    }
    const e = err as { name?: string; code?: string; message?: string };
    log.error({ err: { name: e.name, code: e.code, message: e.message } }, "failed");
    process.stderr.write(`minutes: ${e.message ?? String(err)}\n`);
    return EXIT.someFailed;
  }
}

// Run when executed directly (tsx packages/cli/src/main.ts …), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  // A closed pipe (`minutes lines X | head`) is a normal end, not a crash.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
