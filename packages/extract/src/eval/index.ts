/** Public entry of the evaluation (minutes-eval v1): `@minutes/extract/eval`. */
export { normalizeForEval, sim, tokens } from "./text.ts";
