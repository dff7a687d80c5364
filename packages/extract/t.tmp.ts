import jw from "natural/lib/natural/distance/jaro-winkler_distance.js";
import lev from "natural/lib/natural/distance/levenshtein_distance.js";
console.error(typeof jw, Object.keys(lev), jw("kjaergaard","kjaersgaard"));
