/**
 * The list marker a line opens with, as printed: bullets ("•", "-", "–", "*", "▪", "o"), numbers
 * ("1.", "2)", "1.2.", "1a.", "(3)"), letters ("a)", "(b)", "b.") and small roman numerals ("iv)").
 * A date that wrapped to the start of a line ("17. august kl. 12") is not a list number.
 */

// "+" is how OCR reads a small round bullet.
const BULLET = /^([•●○◦▪▫■□‣⁃∙·►▶➢➤✓✔◆◇*]|[-–—+](?=\s)|o(?=\s+\p{Lu}))\s*/u;
const NUMBER = /^(\(?\d{1,3}[a-z]?(?:\.\d{1,3})*[.)]|\(\d{1,3}\))(?=\s|$)/;
const LETTER = /^(\(?[a-zæøå][.)]|\([a-zæøå]\)|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)\))(?=\s)/;
const MONTH =
  /^(?:jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|jun[i]?|jul[i]?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

export function listMarkerOf(text: string): string | undefined {
  // Most lines open with a capital letter, which starts no marker: let them go before the regexes.
  const first = text.charCodeAt(0);
  if (first >= 0x41 && first <= 0x5a) return undefined;
  const bullet = BULLET.exec(text);
  if (bullet) return bullet[1];
  const number = NUMBER.exec(text);
  if (number) {
    const rest = text.slice(number[0].length).trimStart();
    if (number[0].endsWith(".") && MONTH.test(rest)) return undefined;
    return number[1];
  }
  const letter = LETTER.exec(text);
  if (letter) {
    // "a." opening a sentence is rare but "i." and "v." are words/abbreviations in Danish text
    // only with a following capital: demand one for the one-letter-dot form.
    if (/^[a-zæøå]\.$/.test(letter[1]!) && !/^\s+\p{Lu}/u.test(text.slice(letter[0].length))) return undefined;
    return letter[1];
  }
  return undefined;
}
