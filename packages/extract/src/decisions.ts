/**
 * Decisions: each sentence of the decision text that states what was approved, decided or
 * agreed, as printed, and each point of a list that such a sentence introduces
 * ("godkendt med følgende ændringer: • …"). Recaps of earlier meetings and other forums'
 * decisions that the text reports are not decisions of this meeting.
 */
import type { Paragraph } from "./paragraphs.ts";
import { splitSentences } from "./sentences.ts";
import { SETTLES } from "./outcome.ts";
import { dk, dkWord, guarded } from "./regex.ts";

const DECISION = guarded(
  dkWord(/\b(?:(?:blev|er|bliver)\s+(?:\S+\s+)?(?:godkendt|fulgt|tiltrådt|vedtaget|besluttet|aftalt|udpeget|valgt|nedsat|bevilget|forkastet|afvist)|godkendte|godkendes|tiltrådte|vedtog|nikkede\s+til|nikket\s+til|anbefales|besluttede|besluttes|beslutter|aftales|aftaltes|aftalte|enighed\s+om|enige\s+om|meldes\s+tilbage|pegede\s+på|opbakning\s+til|nedsatte|udpegede)\b/i),
  "godkend|fulgt|tiltrådt|vedt|beslut|aftal|udpeg|valgt|nedsat|bevilget|forkastet|afvist|nikke|anbefales|enig|meldes|pegede|opbakning",
);
// "Udsat." alone postpones: nothing is settled, so it is the outcome but no decision.
const DECISION_ALONE = dk(/^(?:godkendt|godkendes|tiltrådt|vedtaget|anbefales|ikke\s+godkendt|afvist|forkastet|aftalt|besluttet)\b/i);
// "På det seneste møde blev det aftalt …", "Følgende blev besluttet … på seneste møde", "har besluttet".
const RECAP = guarded(
  dkWord(/\b(?:(?:på|ved|fra)\s+(?:det\s+|den\s+)?(?:seneste|sidste|forrige|tidligere)\b|har\s+(?:\S+\s+)?(?:besluttet|godkendt|vedtaget|aftalt)\b|tidligere\s+(?:besluttet|godkendt|aftalt))/i),
  "seneste|sidste|forrige|tidligere|besluttet|godkendt|vedtaget|aftalt",
);
// A party reporting ("Hjørring: … det blev besluttet …") speaks of its own decisions.
const REPORTER = /^[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?:\s/u;
// Present-tense passive that settles an arrangement ("afholdes", "planlægges", "indledes").
const SETTLING = guarded(dkWord(/\b(?:\p{L}{4,}(?:es)|skal)\b/u), "es|skal");
const NOT_SETTLING = guarded(dkWord(/\b(?:afvent\w*|overvejes|drøftes|foreslås|ønskes\s+(?:en|et)|proces|status)\b/i), "afvent|overvejes|drøftes|foreslås|ønskes|proces|status");
const HAS_ACTOR_VERB = dk(/^(?:[\p{Lu}][\p{L}-]+(?:\s+(?:og\s+)?[\p{Lu}][\p{L}-]+){0,3})\s+(?:arbejder|laver|holder|sender|tager|udarbejder|undersøger|følger|sørger|skriver|sætter|melder|indkalder|kontakter)\b/u);

// "flere pegede på, at …": remarks of some members, not the forum settling anything.
const BARE_LABEL = /^(?:aftalt|besluttet|aftaler|beslutninger|konklusion(?:er)?)\s*:$/i;
export const REMARK = guarded(
  dkWord(/\b(?:flere|nogle|enkelte|mange|et\s+par|et\s+medlem|medlemmerne)\s+(?:\S+\s+)?(?:pegede\s+på|nævnte|fremhævede|bemærkede|gav\s+udtryk\s+for)\b/i),
  "pegede|nævnte|fremhævede|bemærkede|gav",
);

export function isDecisionSentence(s: string): boolean {
  if (RECAP.test(s) || REPORTER.test(s) || REMARK.test(s)) return false;
  return DECISION.test(s) || DECISION_ALONE.test(s.trim()) || SETTLES.test(s.toLowerCase());
}

/** Splits decision paragraphs into sentences and keeps the decisions, in order. */
export function findDecisions(paragraphs: Paragraph[]): string[] {
  const out: string[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    let text = para.text;
    // A decision that ends in a colon introduces what was settled: a prose paragraph right after it
    // reads on in the same sentence; a list after it gives one decision per point.
    const introduces = /:\s*$/.test(text) && isDecisionSentence(lastSentence(text));
    const next = paragraphs[p + 1];
    if (introduces && next && !next.marker && !/:\s*$/.test(next.text)) {
      text = `${text} ${next.text}`;
      p++;
      out.push(...splitSentences(text).map((s) => s.trim()).filter(Boolean));
      continue;
    }
    let carry = false;
    for (const s of splitSentences(text)) {
      const sentence = s.trim();
      if (!sentence) continue;
      // "Aftalt:" alone is the label of the list under it, not a decision of its own.
      if (BARE_LABEL.test(sentence)) {
        carry = true;
        continue;
      }
      if (isDecisionSentence(sentence)) {
        out.push(sentence);
        carry = true;
      } else if (carry && SETTLING.test(sentence) && !NOT_SETTLING.test(sentence) && !HAS_ACTOR_VERB.test(sentence) && !RECAP.test(sentence)) {
        // Sentences that go on to settle details of what was just decided.
        out.push(sentence);
      } else carry = false;
    }
    if (introduces) {
      for (let q = p + 1; q < paragraphs.length && paragraphs[q]!.marker; q++) {
        out.push(...splitSentences(paragraphs[q]!.text).map((s) => s.trim()).filter(Boolean));
        p = q;
      }
    }
  }
  return out;
}

function lastSentence(text: string): string {
  return splitSentences(text).at(-1) ?? text;
}
