/**
 * `minutes extract FILE` prints minutes-json to stdout;
 * `minutes extract DIR --out OUTDIR` writes OUTDIR/<name>.json per file and goes on past bad files.
 */
import { mkdir, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Logger } from "pino";
import { extract } from "@minutes/extract";
import { ingest } from "@minutes/ingest";
import { listFiles } from "../files.ts";
import { EXIT, pickFormat, UsageError } from "../usage.ts";

export async function extractCommand(
  target: string,
  opts: { out?: string; format?: string },
  log: Logger,
  stdout: NodeJS.WritableStream,
): Promise<number> {
  pickFormat(opts.format, ["json"] as const, "json");
  const isDir = (await stat(target).catch(() => null))?.isDirectory() ?? false;
  if (!isDir) {
    if (opts.out) throw new UsageError("--out goes with a folder; for one file the JSON goes to stdout");
    const minutes = extract(await ingest(target));
    stdout.write(JSON.stringify(minutes, null, 2) + "\n");
    return EXIT.ok;
  }
  if (!opts.out) throw new UsageError("extracting a folder needs --out OUTDIR");
  await mkdir(opts.out, { recursive: true });
  let failed = 0;
  const files = await listFiles([target]);
  const used = new Map<string, number>();
  for (const file of files) {
    try {
      const minutes = extract(await ingest(file));
      // Two files with the same base name (000.pdf, 000.docx) must not overwrite each other.
      const stem = basename(file, extname(file));
      const n = used.get(stem) ?? 0;
      used.set(stem, n + 1);
      const name = n === 0 ? `${stem}.json` : `${stem}.${extname(file).slice(1) || n}.json`;
      await writeFile(join(opts.out, name), JSON.stringify(minutes, null, 2) + "\n");
      log.info({ file, out: name, items: minutes.items.length }, "extracted");
    } catch (err) {
      failed++;
      log.error({ file, err: { code: (err as { code?: string }).code, message: (err as Error).message } }, "failed");
    }
  }
  log.info({ files: files.length, failed }, "extract done");
  return failed > 0 ? EXIT.someFailed : EXIT.ok;
}
