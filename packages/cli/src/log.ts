/** pino, structured, to stderr: stdout carries only the answer. Level from MINUTES_LOG_LEVEL (default info). */
import { pino, type Logger } from "pino";

export function createLogger(level = process.env.MINUTES_LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { app: "minutes" } }, pino.destination({ fd: 2, sync: true }));
}
