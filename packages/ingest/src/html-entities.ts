/**
 * HTML character references. The named ones are those that occur in Danish and other Western
 * European pages and e-mails (the full HTML5 table has 2,231 names, almost all mathematical);
 * an unknown name stays as written. Numeric references in 128–159 mean the Windows-1252
 * character, as in browsers (&#150; is an en dash).
 */

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad",
  aelig: "æ", AElig: "Æ", oslash: "ø", Oslash: "Ø", aring: "å", Aring: "Å",
  auml: "ä", Auml: "Ä", ouml: "ö", Ouml: "Ö", uuml: "ü", Uuml: "Ü", euml: "ë", iuml: "ï", szlig: "ß",
  aacute: "á", Aacute: "Á", eacute: "é", Eacute: "É", iacute: "í", oacute: "ó", Oacute: "Ó", uacute: "ú", yacute: "ý",
  agrave: "à", egrave: "è", Egrave: "È", ograve: "ò", ugrave: "ù",
  acirc: "â", ecirc: "ê", icirc: "î", ocirc: "ô", ucirc: "û", atilde: "ã", otilde: "õ", ntilde: "ñ", ccedil: "ç", Ccedil: "Ç",
  eth: "ð", ETH: "Ð", thorn: "þ", THORN: "Þ",
  ndash: "–", mdash: "—", hellip: "…", bull: "•", middot: "·", minus: "−",
  lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›",
  euro: "€", pound: "£", cent: "¢", yen: "¥", sect: "§", para: "¶", deg: "°", copy: "©", reg: "®", trade: "™",
  times: "×", divide: "÷", plusmn: "±", frac12: "½", frac14: "¼", frac34: "¾", sup1: "¹", sup2: "²", sup3: "³",
  micro: "µ", ordf: "ª", ordm: "º", iexcl: "¡", iquest: "¿", brvbar: "¦", uml: "¨", acute: "´", cedil: "¸", macr: "¯",
  ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009", zwnj: "\u200c", zwj: "\u200d", lrm: "\u200e", rlm: "\u200f",
  dagger: "†", Dagger: "‡", permil: "‰", larr: "←", rarr: "→", uarr: "↑", darr: "↓", check: "✓",
};

const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeHtmlEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code >= 0x80 && code <= 0x9f) return CP1252_C1[code - 0x80]!;
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    // Browsers accept a few names without ";" ("&nbsp" in old pages); only with ";" for the rest.
    const named = NAMED[body];
    if (named !== undefined && (whole.endsWith(";") || body === "nbsp" || body === "amp")) return named;
    return whole;
  });
}
