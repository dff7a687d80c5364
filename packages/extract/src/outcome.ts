/**
 * One outcome label per item: the first that applies in the contract's order
 * withdrawn > rejected > postponed > approved > decided > noted > discussed > none.
 * The patterns are Danish minute-writing conventions, matched on lower-cased text.
 */
import type { Outcome } from "./schema.ts";
import { REMARK } from "./decisions.ts";
import { dk, dkWord, guarded } from "./regex.ts";

const WITHDRAWN = guarded(
  dkWord(/\b(?:punktet\s+(?:udgik|udgår|blev\s+trukket)|udgik\b|udgår\b|blev\s+trukket(?:\s+fra\s+dagsordenen)?|trukket\s+af\s+dagsordenen|taget\s+af\s+dagsordenen)/),
  "udgik|udgår|trukket|dagsordenen",
);
const REJECTED = guarded(
  dkWord(/\b(?:ikke\s+(?:godkendt|godkendte|godkendes|tiltrådt|anbefalet|vedtaget|imødekommet)|afvist|afviste|afvises|forkastet|forkastede|kunne\s+ikke\s+(?:godkende|anbefale|tiltræde))\b/),
  "ikke\\s+(?:godkend|tiltrådt|tiltræde|anbefale|vedtaget|imødekommet)|afvis|forkast",
);
const POSTPONED = guarded(
  dkWord(/\b(?:udsat|udsatte|udsættes|afventer|afventes|afvente|tages\s+op\s+igen|behandles\s+igen|genoptages|på\s+et\s+senere\s+møde|til\s+et\s+senere\s+møde|tages\s+op\s+på\s+(?:et\s+)?(?:senere|kommende|næste)\s+møde)/),
  "udsat|udsætte|afvent|tages|igen|senere",
);
const APPROVED = guarded(
  dkWord(/\b(?:(?:blev|er|bliver)\s+(?:\S+\s+)?(?:godkendt|fulgt|tiltrådt|vedtaget)|godkendte|godkendes|godkender\b(?!\s+at)|tiltrådte|vedtog|nikkede\s+til|nikket\s+til|anbefales|anbefalede|bifaldt|kunne\s+godkende|kan\s+godkende)/),
  "godkend|fulgt|tiltrådt|vedt|nikke|anbefale|bifaldt",
);
const APPROVED_ALONE = dk(/^(?:godkendt|godkendes|indstillingen\s+(?:blev\s+)?(?:godkendt|fulgt|tiltrådt)|tiltrådt|vedtaget|anbefales)\b/);
const DECIDED = guarded(
  dkWord(/\b(?:besluttede|besluttet|besluttes|beslutter|blev\s+aftalt|aftales|aftaltes|aftalte|det\s+aftales|enighed\s+om|enige\s+om|meldes\s+tilbage|pegede\s+på|vedtog|nedsatte|udpegede|udpeges|fastlagde|fastholdes|opbakning\s+til)\b/),
  "beslut|aftal|enig|meldes|pegede|vedtog|nedsatte|udpege|fastlagde|fastholdes|opbakning",
);
const AGREED_LABEL = guarded(dk(/(?:^|[.:!?]\s+|\n)(?:aftalt|besluttet|aftaler|beslutninger)\s*:/), "aftal|beslut");
const NOTED = guarded(
  dkWord(/\b(?:til\s+efterretning|orienter\w*|kvitterede|kvitterer|oplyste|informerede|gav\s+en\s+(?:kort\s+)?(?:status|orientering)|status\s+blev\s+givet)\b/),
  "efterretning|orienter|kvitter|oplyste|informerede|gav|status",
);
// Discussion in the meeting itself (verbs, not a reported "Drøftelse af …" heading).
const DISCUSSED_NOW = /\b(?:blev\s+drøftet|drøftede|drøftes|bød\s+(?:\S+\s+)?ind|ingen\s+konklusion|ikke\s+draget\s+nogen\s+konklusion)/;
const DISCUSSED = dk(/\b(?:drøft\w*|bemærkede|fremhævede|opfordr\w*|bød\s+ind|vinkler|spørgsmål|tilkendegav|var\s+positive|ønske\s+om)\b/);
// A sentence that settles an arrangement without a decision verb ("Status … vedlægges dagsordenen",
// "Fra næste gang deltager …", "Der bookes snarest datoer").
export const SETTLES =
  /\b(?:vedlægges|bookes|fastholdes|indkaldes|nedsættes|igangsættes|iværksættes|forankres|videreføres|aflyses|fra\s+næste\s+gang)\b/;
const NOTHING = /^(?:intet|ingen|ikke\s+noget)(?:\s+\S+){0,5}\.?$/;

/** A text that says nothing happened: "Intet til referat.", "Ingen bemærkninger." */
export function isNothing(text: string): boolean {
  return NOTHING.test(text.toLowerCase().trim());
}

export function classifyOutcome(decisionText: string | null, sentences: string[]): Outcome {
  if (!decisionText || decisionText.trim() === "" || isNothing(decisionText)) return "none";
  const t = decisionText.toLowerCase();
  const lowerSentences = sentences.map((s) => s.toLowerCase());
  if (WITHDRAWN.test(t)) return "withdrawn";
  if (REJECTED.test(t)) return "rejected";
  const approved = APPROVED.test(t) || lowerSentences.some((s) => APPROVED_ALONE.test(s));
  // Postponed only when nothing was settled now: a waiting sentence beside an approval or a
  // decision on something else leaves the item approved/decided.
  const postponing = lowerSentences.filter((s) => POSTPONED.test(s));
  if (postponing.length > 0 && !approved) {
    const otherDecisions = lowerSentences.filter((s) => DECIDED.test(s) && !POSTPONED.test(s));
    if (otherDecisions.length === 0) return "postponed";
  }
  if (approved) return "approved";
  // "Flere pegede på, at …" is remarks of some members: no decision of the forum.
  if (lowerSentences.some((s) => DECIDED.test(s) && !REMARK.test(s)) || (sentences.length === 0 && DECIDED.test(t))) return "decided";
  // "Aftalt:" over a list of what was agreed.
  if (AGREED_LABEL.test(t)) return "decided";
  if (SETTLES.test(t)) return "decided";
  if (NOTED.test(t) && !DISCUSSED_NOW.test(t)) return "noted";
  return "discussed";
}
