/**
 * JavaScript's \b only knows ASCII word characters, so /pegede på\b/ never matches "pegede på "
 * and /\bøkonomi/ matches inside words. dk`…` builds a regex in which \b is a Unicode letter
 * boundary (æ, ø, å and accented letters are letters).
 */
const BOUNDARY = "(?:(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}]))";

export function dk(source: RegExp | string, flags?: string): RegExp {
  const src = typeof source === "string" ? source : source.source;
  const f = new Set((flags ?? (typeof source === "string" ? "" : source.flags)).split(""));
  f.add("u");
  return new RegExp(src.replace(/\\b/g, BOUNDARY), [...f].join(""));
}
