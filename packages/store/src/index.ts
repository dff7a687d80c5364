/**
 * @minutes/store: minutes-json/1 in SQLite, queryable. Public entry: openStore(path) → Store.
 */
export { openStore, Store, LockedError, SchemaError, compareVersions, type OpenOptions } from "./store.ts";
export type { ActionFilter, ItemFilter, MeetingFilter, SearchOptions } from "./read.ts";
export type { Backend, Dialect, Queryable, SearchDialect, SearchKind, SqlParams, SqlValue } from "./backend.ts";
export { StoreFullError } from "./backend.ts";
export {
  addCounts,
  DEFAULT_REDACT_RULES,
  REDACT_MARKERS,
  REDACT_RULES,
  findCpr,
  findEmail,
  findPhone,
  formatRedactRules,
  noRedactions,
  parseRedactRules,
  redactText,
  totalRedactions,
  type RedactCounts,
  type RedactRule,
  type RedactRules,
} from "./redact.ts";
export { SqliteBackend, sqliteDialect, type SqliteOptions } from "./sqlite.ts";
export { MIGRATIONS, SCHEMA_VERSION, SCHEMA_V1, migrate, SchemaTooNewError } from "./migrations.ts";
export { matchNames, nameKey, type NameMatch } from "./names.ts";
export { indexTerms, queryTerms } from "./danish.ts";
export { sameMeeting } from "./write.ts";
export * from "./schema.ts";
