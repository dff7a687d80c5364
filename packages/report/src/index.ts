/**
 * @minutes/report: the analysts' questions answered from the store, as tables in every format,
 * and the local web page.
 */
export * from "./format.ts";
export * from "./queries.ts";
export { serve, type ServeOptions } from "./serve.ts";
