/**
 * A one-line progress bar on stderr, only when stderr is a terminal (never in a log file or a
 * pipe), and a pino logger that writes readable lines above the bar instead of JSON there.
 */
import { pino, type Logger } from "pino";

export class Progress {
  private line = "";
  private last = 0;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  /** A bar for a terminal, or null when `out` is not one. */
  static forTerminal(out: NodeJS.WriteStream = process.stderr): Progress | null {
    return out.isTTY ? new Progress(out) : null;
  }

  update(done: number, total: number, label: string): void {
    const now = Date.now();
    if (now - this.last < 80 && done < total) return; // at most ~12 redraws a second
    this.last = now;
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const cols = this.out.columns || 80;
    const head = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} `;
    const room = Math.max(0, cols - head.length - 1);
    const name = label.length > room ? "…" + label.slice(label.length - room + 1) : label;
    this.line = head + name;
    this.out.write(`\r\x1b[K${this.line}`);
  }

  /** Writes text above the bar and draws the bar again. */
  above(text: string): void {
    this.out.write(`\r\x1b[K${text}${text.endsWith("\n") ? "" : "\n"}${this.line}`);
  }

  done(): void {
    if (this.line) this.out.write("\r\x1b[K");
    this.line = "";
  }
}

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/** One JSON log line as "12:03:04 warn  message key=value …". */
export function readableLine(json: string): string {
  try {
    const { level, time, msg, app: _app, pid: _pid, hostname: _h, ...rest } = JSON.parse(json) as Record<string, unknown>;
    const clock = new Date(typeof time === "number" ? time : Date.now()).toTimeString().slice(0, 8);
    const extra = Object.entries(rest)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
    return `${clock} ${(LEVELS[level as number] ?? String(level)).padEnd(5)} ${String(msg ?? "")}${extra ? " " + extra : ""}`;
  } catch {
    return json.trimEnd();
  }
}

/**
 * On a terminal with a bar: readable lines above the bar, level "warn" unless MINUTES_LOG_LEVEL
 * says otherwise (a line per file would hide the bar). Elsewhere: the JSON logger as given.
 */
export function logFor(progress: Progress | null, fallback: Logger): Logger {
  if (!progress) return fallback;
  const level = process.env.MINUTES_LOG_LEVEL ?? "warn";
  return pino({ level, base: { app: "minutes" } }, { write: (line: string) => progress.above(readableLine(line)) });
}
