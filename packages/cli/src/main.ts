#!/usr/bin/env node
/**
 * The `minutes` command: composes ingest → extract → store → report.
 * Exit codes: 0 all well, 1 some documents failed, 2 usage error.
 */
import { parseArgs } from "node:util";
import { demoCommand } from "./commands/demo.ts";
import { extractCommand } from "./commands/extract.ts";
import { linesCommand } from "./commands/lines.ts";
import { createLogger } from "./log.ts";
import { EXIT, UsageError } from "./usage.ts";

const HELP = `minutes — Danish meeting minutes into a queryable record

Usage:
  minutes lines FILE [--format text|json]        normalised lines as "page:line  text"
  minutes extract FILE [--format json]           minutes-json/1 of FILE on stdout
  minutes extract DIR --out OUTDIR               OUTDIR/<name>.json for every file under DIR
  minutes demo [--format text|json]              the main job on the bundled fixtures

Exit codes: 0 all well, 1 some documents failed, 2 usage error.
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
        help: { type: "boolean", short: "h" },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      stdout.write(HELP);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    switch (command) {
      case "lines":
        if (rest.length !== 1) throw new UsageError("lines takes one FILE");
        return await linesCommand(rest[0]!, values.format, stdout);
      case "extract":
        if (rest.length !== 1) throw new UsageError("extract takes one FILE or DIR");
        return await extractCommand(rest[0]!, { out: values.out, format: values.format }, log, stdout);
      case "demo":
        return await demoCommand(values.format, log, stdout);
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
