/**
 * `minutes demo`: the main job on the bundled fixtures — every seed in every format through
 * ingest → extract, and a short report of what was found.
 */
import { extract } from "@minutes/extract";
import { ingest } from "@minutes/ingest";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";
import type { Logger } from "pino";
import { listFiles } from "../files.ts";
import { pickFormat } from "../usage.ts";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/seeds");

export async function demoCommand(format: string | undefined, log: Logger, out: NodeJS.WritableStream): Promise<number> {
  const fmt = pickFormat(format, ["text", "json"] as const, "text");
  const files = (await listFiles([FIXTURES])).filter((f) => /\.(txt|pdf|docx)$/i.test(f));
  const rows: Record<string, string | number>[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const m = extract(await ingest(file));
      rows.push({
        file: relative(process.cwd(), file),
        format: m.source.format,
        body: m.meeting.body ?? "—",
        date: m.meeting.date ?? "—",
        items: m.items.length,
        recommendations: m.items.reduce((n, i) => n + i.recommendations.length, 0),
        decisions: m.items.reduce((n, i) => n + i.decisions.length, 0),
        actions: m.items.reduce((n, i) => n + i.actions.length, 0),
      });
    } catch (err) {
      failed++;
      log.error({ file, err: { message: (err as Error).message, code: (err as { code?: string }).code } }, "failed");
    }
  }
  if (fmt === "json") out.write(JSON.stringify(rows, null, 2) + "\n");
  else out.write(table(rows));
  return failed > 0 ? 1 : 0;
}

export function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return "(no rows)\n";
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (typeof rows[0]![cols[j]!] === "number" ? c.padStart(width[j]!) : c.padEnd(width[j]!))).join("  ").trimEnd() + "\n";
  return line(cols) + line(width.map((w) => "-".repeat(w))) + rows.map((r) => line(cols.map((c) => String(r[c])))).join("");
}
