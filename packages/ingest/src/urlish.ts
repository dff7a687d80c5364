/**
 * A token that is (part of) a URL, an e-mail address or a path: its hyphens are the address's.
 * One slash is not enough: Danish writes "projektejer/projektle-dere" and "og/eller".
 */

/** The characters that some branch of isUrlish needs: ":", "/", ".", "@", "?", "=", "&", "%", "_", "\\". */
const URL_CHAR = /[:/.@?=&%_\\]/;

export function isUrlish(token: string): boolean {
  // Every address form below needs one of these characters; most words have none.
  if (!URL_CHAR.test(token)) return false;
  return (
    /:\/\/|^\W*www\.|\S@\S+\.\S|[?=&%_\\]/i.test(token) ||
    /\.(?:dk|com|org|net|eu|html?|aspx?|ashx|php|pdf)(?:\W|$)/i.test(token) ||
    (token.match(/\//g)?.length ?? 0) >= 2
  );
}
