/**
 * The tail every script CLI shares: run main with the arguments, set the exit code, and report a
 * usage error (exit 2, with the help text) or a crash (exit 1, with the stack) on stderr.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

export class UsageError extends Error {}

/** parseArgs without positionals; an unknown or malformed option is a UsageError. */
export function parseOptions<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: false, strict: true, options }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function runCli(tag: string, help: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`${tag}: ${err.message}\n\n${help}`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`${tag}: crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
