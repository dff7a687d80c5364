import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sentenceSpans, splitSentences } from "../src/sentences.ts";

const seed = (n: string) => readFileSync(new URL(`../../../fixtures/seeds/${n}.txt`, import.meta.url), "utf8");

/** A paragraph of a seed, from its first words to its last, with the layout's line breaks joined. */
function paragraph(n: string, from: string, to: string): string {
  const text = seed(n);
  const a = text.indexOf(from);
  const b = text.indexOf(to, a);
  if (a < 0 || b < 0) throw new Error(`paragraph not found in ${n}: ${from}`);
  return text
    .slice(a, b + to.length)
    .replace(/(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

describe("splitSentences on seed paragraphs", () => {
  it("001: abbreviations (ift., ol., mhp.) and the date 'd. 24. maj.'", () => {
    const p = paragraph("001", "En mindre gruppe med", "deltagelsen besluttes.");
    expect(splitSentences(p)).toEqual([
      "En mindre gruppe med repræsentation fra henholdsvis Aalborg Kommune, Jammerbugt Kommune og Regionen har udarbejdet et forslag til en konkretisering af indsats 10.",
      "Det foreslås, at målgruppen fastlægges til at være de ældste 2 %.",
      "Indsatsen kan således eksempelvis omfatte udvidelse af dele-geriaterordningen, øget systematisk indsats ift. borgernes sidste tid, anvendelse af paramedicinerbiler i det nære, opfølgende hjemmebesøg, brobyggersygeplejersker ol.",
      "Direktørforum godkendte målgruppen for indsatsen mhp. Politisk niveau orienteres om indsats 10 på møde d. 24. maj.",
      "Ovenstående gruppe udarbejder den endelige indsatsbeskrivelse, hvorefter ejerskabet og projektdeltagelsen besluttes.",
    ]);
  });

  it("000: a date with weekday and 'kl. 12.00' stays inside its sentence", () => {
    const p = paragraph("000", "Kommunerne er derfor blevet bedt", "med de tilpasningsbehov.");
    expect(splitSentences(p)).toEqual([
      "Kommunerne er derfor blevet bedt om at melde tilbage inden tirsdag den 17. august kl. 12.00 med de tilpasningsbehov.",
    ]);
  });

  it("000: questions end sentences", () => {
    expect(splitSentences(paragraph("000", "Blev formålet indfriet?", "Hvad var mindre godt?"))).toEqual([
      "Blev formålet indfriet?",
      "Hvad gik godt?",
      "Hvad var mindre godt?",
    ]);
  });

  it("000: 'Samt overveje …' after a colon clause is its own sentence", () => {
    const p = paragraph("000", "Der var enighed om, at der er meget", "lille indlæg på næste møde.");
    expect(splitSentences(p)).toEqual([
      "Der var enighed om, at der er meget at tale om.",
      "Det blev aftalt at alle har en hjemmeopgave til næste møde: At bidrage med refleksioner i forhold til hvilke funktioner der ønskes lokalt og regionalt.",
      "Samt overveje om seminaret har givet anledning til andre refleksioner.",
      "Hver part holder et lille indlæg på næste møde.",
    ]);
  });

  it("004: 'bl.a.', 'vedr.' and 'pkt. 6'", () => {
    const p = paragraph("004", "Værkstedet har været præget af COVID-19", "værkstedet vedr. træning.");
    expect(splitSentences(p)).toHaveLength(2);
    const q = paragraph("004", "Indstillingen blev fulgt. Derudover", "pkt. 6 behandles først.");
    expect(splitSentences(q)).toEqual([
      "Indstillingen blev fulgt.",
      "Derudover blev det besluttet at justere dagsorden til dagens møde, således at pkt. 6 behandles først.",
    ]);
  });

  it("003: 'vedr.', 'ift.' and a sentence running on after 'I' at a line end", () => {
    const p = paragraph("003", "Samarbejdsaftale mellem Rehabiliteringscenter", "nyere data end fra 2016.");
    const s = splitSentences(p);
    expect(s[0]).toBe(
      "Samarbejdsaftale mellem Rehabiliteringscenter for flygtninge (RCF) og de nordjyske kommuner: Aftalen vedr. RCF afspejler ikke praksis ift. aftalens ordlyd.",
    );
    expect(s).toHaveLength(5);
  });
});

describe("splitSentences rules", () => {
  it.each([
    ["Mødet holdes på 2.sal. Næste punkt.", ["Mødet holdes på 2.sal.", "Næste punkt."]],
    ["Keld I. Hansen deltog, jf. Bilag 2. Herefter pause.", ["Keld I. Hansen deltog, jf. Bilag 2.", "Herefter pause."]],
    ["Der er tale om 1. pejlemærke og 2. behandling. Godkendt.", ["Der er tale om 1. pejlemærke og 2. behandling.", "Godkendt."]],
    ["Det koster 2 mio. kr. Det blev godkendt.", ["Det koster 2 mio. kr.", "Det blev godkendt."]],
    ["Møder, seminarer osv. Det blev aftalt.", ["Møder, seminarer osv.", "Det blev aftalt."]],
    ["Møder, seminarer osv. blev aftalt.", ["Møder, seminarer osv. blev aftalt."]],
    ["Konst. kontorchef Daniel deltog. F.eks. ved møderne.", ["Konst. kontorchef Daniel deltog.", "F.eks. ved møderne."]],
    ["Han sagde: »Det er godt.« Derefter drøftelse.", ["Han sagde: »Det er godt.«", "Derefter drøftelse."]],
    ["Mødet er d. 3. Marts kl. 10. Alle deltager.", ["Mødet er d. 3. Marts kl. 10.", "Alle deltager."]],
    ["Punkter:\n\n• Første punkt\n• Andet punkt", ["Punkter:", "Første punkt", "Andet punkt"]],
  ])("%s", (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it("spans point into the text", () => {
    const text = "Det blev aftalt. Sekretariatet udarbejder et udkast.";
    for (const s of sentenceSpans(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
