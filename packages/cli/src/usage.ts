/** Usage errors exit 2 with a message that says what was wrong and what is accepted. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;

export function pickFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format ${value} is not one of: ${allowed.join(", ")}`);
}
