/**
 * The speed work must not change a single output: every fast path here is checked against the
 * plain code it stands in for (kept below as the reference, as it was before), on random inputs
 * made of the characters and name parts that matter.
 */
import fc from "fast-check";
import { DamerauLevenshteinDistance, JaroWinklerDistance } from "natural/lib/natural/distance/index.js";
import { describe, expect, it } from "vitest";
import { findDates } from "../src/dates.ts";
import { mayPrintYear } from "../src/meeting.ts";
import { resolveOwner } from "../src/names.ts";
import { noOwnerInPrefixes, noOwnerStartsWith, onlyFirstWordMayOwn, readOwners } from "../src/owners.ts";
import { dk, dkWord, guarded } from "../src/regex.ts";
import { splitSentences } from "../src/sentences.ts";
import { clean, fold, squash, stripMarker, stripMarkup, wordsOf } from "../src/text.ts";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);

// Text of the characters the fast paths look at: plain and other white space, soft hyphens and
// zero-width characters, markup, list markers, Danish letters.
const CHARS = ["a", "B", "æ", "Ø", "å", "1", ".", ",", " ", " ", " ", "\t", "\n", "\u00a0", "\u2003", "\u00ad", "\u200b", "\ufeff", "\u1680", "\u2028", "\u202f", "\u3000", "\u200c", "\u200e", "\u0085", "\u000b", "*", "_", "#", "-", "•", "(", ")"];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((cs) => cs.join(""));
// Words joined by single spaces, now and then another white space: the first-words fast path.
const words = fc.array(fc.oneof(fc.constantFrom("a", "Bø", "", ".", " ", "\t", "\u00a0"), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((ws) => ws.join(" "));
const anyText = fc.oneof(text, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));

describe("text fast paths equal the plain code", () => {
  it("clean, squash, wordsOf", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, words), fc.integer({ min: 0, max: 8 }), (t, limit) => {
        expect(clean(t)).toBe(t.replace(/[\u00ad\u200b-\u200d\ufeff]/g, "").replace(/\s+/g, " ").trim());
        expect(squash(t)).toBe(t.replace(/\s+/g, " "));
        expect(wordsOf(t)).toEqual(t.split(/\s+/));
        expect(wordsOf(t, limit)).toEqual(t.split(/\s+/, limit));
      }),
      { numRuns: RUNS },
    );
  });

  it("stripMarkup, stripMarker", () => {
    const LIST_MARKER = /^(?:#{1,6}\s+|>\s*|[•●○◦▪■□►▶➢✓✔·*–—-]\s*|\(?\d{1,2}[.)](?![\d.])\s*|\(?[a-zæøå]\)\s*)/u;
    const refMarkup = (t: string) => clean(t).replace(/^#{1,6}\s+/, "").replace(/\*\*|__/g, "").trim();
    const refMarker = (s: string) => {
      let t = clean(s);
      const m = LIST_MARKER.exec(t);
      if (m && m[0].length < t.length) t = t.slice(m[0].length);
      return t.replace(/^(\*\*|__)(.*)\1$/u, "$2").replace(/\*\*/g, "").trim();
    };
    fc.assert(
      fc.property(anyText, (t) => {
        expect(stripMarkup(t)).toBe(refMarkup(t));
        expect(stripMarker(t)).toBe(refMarker(t));
      }),
      { numRuns: RUNS },
    );
  });

  it("fold works word by word (the resolver compares first words of names)", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(fold(`${a} ${b}`)).toBe(`${fold(a)} ${fold(b)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("fold keeps every plain space (the resolver skips folding phrases by counting them)", () => {
    const spaces = (s: string) => s.split(" ").length - 1;
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: "binary", maxLength: 30 })), (t) => {
        expect(spaces(fold(t))).toBe(spaces(t));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("guarded patterns", () => {
  it("answer as the pattern where the hint is a necessary part of it", () => {
    const pattern = /(?:^|\s)(?:blev\s+aftalt|aftales),?\s+at\s+(.+)$/iu;
    const g = guarded(pattern, "aftal");
    const words = fc.array(fc.constantFrom("Det", "blev", "aftalt", "AFTALES", "at", "x", ",", " ", "ſ", "K"), { maxLength: 12 });
    fc.assert(
      fc.property(words, (ws) => {
        const t = ws.join(" ");
        expect(g.test(t)).toBe(pattern.test(t));
        expect(g.exec(t)?.[1]).toBe(pattern.exec(t)?.[1]);
        expect(g.replace(t, "#")).toBe(t.replace(pattern, "#"));
      }),
      { numRuns: RUNS },
    );
  });

  it("refuse patterns that keep state between calls", () => {
    expect(() => guarded(/a/g, "a")).toThrow();
    expect(() => guarded(/a/y, "a")).toThrow();
  });
});

describe("dkWord", () => {
  // Patterns of the form it serves (a leading \b, every alternative opening with a letter),
  // on texts of their words, other letters, digits, punctuation and white space.
  const SOURCES = [
    /\b(?:(?:blev|er|bliver)\s+(?:\S+\s+)?(?:godkendt|fulgt)|godkendte|godkender\b(?!\s+at)|kan\s+godkende)/,
    /\b(?:(?:på|ved|fra)\s+(?:det\s+|den\s+)?(?:seneste|sidste)\b|har\s+(?:\S+\s+)?(?:besluttet|aftalt)\b)/i,
    /\b(?:\p{L}{4,}(?:es)|skal)\b/u,
    /\b(?:afvent\w*|ønskes\s+(?:en|et)|status)\b/i,
    /\bopfordres\s+(.{3,80}?)\s+til\s+at\s+(.+)$/i,
  ];
  const TOKENS = ["blev", "er", "godkendt", "godkender", "at", "kan", "på", "det", "seneste", "har", "besluttet", "aftalt", "skal", "afventer", "ønskes", "en",
    "status", "opfordres", "til", "x", "ø", "Å", "1", "2", "-", ".", ",", " ", "  ", "\n", "é", "ſ", "K", "Godkendt", "STATUS", "planlægges"];
  const texts = fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((ts) => ts.join(""));
  it("matches where dk matches, the same text", () => {
    for (const src of SOURCES) {
      const a = dk(src);
      const b = dkWord(src);
      fc.assert(
        fc.property(texts, (t) => {
          const x = a.exec(t);
          const y = b.exec(t);
          expect(y?.index).toBe(x?.index);
          expect(y && [...y]).toEqual(x && [...x]);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it("refuses a pattern that does not open with \\b", () => {
    expect(() => dkWord(/(?:a|b)/)).toThrow();
  });
});

describe("findDates", () => {
  it("finds nothing in a text without digits (all its patterns need one)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }).filter((t) => !/\d/.test(t)), (t) => {
        expect(findDates(t)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("splitSentences", () => {
  it("hands out a copy of a remembered answer", () => {
    const t = "Punktet blev drøftet. Sekretariatet udarbejder et notat.";
    const first = splitSentences(t);
    first.push("changed");
    expect(splitSentences(t)).toEqual(["Punktet blev drøftet.", "Sekretariatet udarbejder et notat."]);
  });
});

// ---------------------------------------------------------------------------------------------
// resolveOwner as it was before the speed work (every participant compared part by part).

const PARTICLES = new Set(["de", "da", "del", "van", "von", "der", "den", "la", "le", "du", "af", "zu", "di", "el", "al", "bin"]);
const refParts = (name: string) =>
  name
    .replace(/[(),;]/g, " ")
    .split(/\s+/)
    .filter((p) => p && !PARTICLES.has(p.toLowerCase()));

function refSamePart(a: string, b: string, strict: boolean): boolean {
  const x = fold(a).replace(/\.$/, "");
  const y = fold(b).replace(/\.$/, "");
  if (x === y) return true;
  if ((x.length === 1 || y.length === 1) && x[0] === y[0]) return true;
  if (x.includes("-") || y.includes("-")) {
    const xs = x.split("-");
    const ys = y.split("-");
    if (xs.some((p) => ys.includes(p))) return true;
  }
  if (strict) return false;
  const shorter = Math.min(x.length, y.length);
  if (shorter < 4) return false;
  const maxEdits = shorter >= 8 ? 2 : 1;
  return DamerauLevenshteinDistance(x, y) <= maxEdits && JaroWinklerDistance(x, y) >= 0.9;
}

function refSameName(a: string, b: string): boolean {
  const pa = refParts(a);
  const pb = refParts(b);
  if (pa.length < 2 || pb.length < 2) return pa.length === pb.length && pa.length === 1 && fold(pa[0]!) === fold(pb[0]!);
  const [short, long] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  if (!refSamePart(short[0]!, long[0]!, true)) return false;
  if (!refSamePart(short[short.length - 1]!, long[long.length - 1]!, false)) return false;
  let j = 1;
  for (let i = 1; i < short.length - 1; i++) {
    while (j < long.length - 1 && !refSamePart(short[i]!, long[j]!, false)) j++;
    if (j >= long.length - 1) return false;
    j++;
  }
  return true;
}

function refInitials(name: string): Set<string> {
  const parts = refParts(name).map((p) => p.replace(/\.$/, ""));
  const out = new Set<string>();
  if (parts.length < 2) return out;
  const first = (p: string) => p[0]!.toUpperCase();
  out.add(parts.map(first).join(""));
  out.add(parts.map((p) => p.split("-").map(first).join("")).join(""));
  const firstPart = parts[0]!;
  const last = parts[parts.length - 1]!;
  out.add(first(firstPart) + first(last));
  out.add(first(firstPart) + last.slice(0, 2).toUpperCase());
  out.add(firstPart.slice(0, 2).toUpperCase() + first(last));
  for (const x of [...out]) if (x.includes("Å")) out.add(x.replace(/Å/g, "AA"));
  return out;
}

function refResolveOwner(mention: string, participants: readonly { name: string }[]): string | null {
  const m = mention
    .replace(/^(?:direktør|chef|konsulent|formand|sekretær)\s+/i, "")
    .replace(/[.,:;]+$/, "")
    .trim();
  if (!m || !/^\p{Lu}/u.test(m)) return null;
  const unique = (xs: readonly { name: string }[]): string | null => {
    const names = [...new Set(xs.map((x) => x.name))];
    return names.length === 1 ? names[0]! : null;
  };
  const exact = participants.filter((p) => fold(p.name) === fold(m));
  if (exact.length) return unique(exact);
  if (/^\p{Lu}{2,5}$/u.test(m.trim())) return unique(participants.filter((p) => refInitials(p.name).has(m.toUpperCase())));
  const parts = refParts(m);
  if (parts.length >= 2) {
    const same = participants.filter((p) => refSameName(m, p.name));
    if (same.length) return unique(same);
    const looser = participants.filter((p) => {
      const pp = refParts(p.name);
      return pp.length > parts.length && refSamePart(parts[0]!, pp[0]!, true) && parts.slice(1).every((x) => pp.slice(1).some((y) => refSamePart(x, y, false)));
    });
    return looser.length ? unique(looser) : null;
  }
  if (parts.length === 1 && /^\p{Lu}/u.test(parts[0]!)) {
    const w = parts[0]!;
    const byFirst = participants.filter((p) => refSamePart(w, refParts(p.name)[0] ?? "", true));
    if (byFirst.length) return unique(byFirst);
    const byLast = participants.filter((p) => {
      const pp = refParts(p.name);
      return pp.length > 1 && fold(pp[pp.length - 1]!) === fold(w);
    });
    return unique(byLast);
  }
  return null;
}

describe("resolveOwner", () => {
  // Parts that collide in every way the resolver knows: same first names, spelling variants
  // (Kjærgaard/Kjærsgaard, Aalund/Ålund), initials, hyphenated and particle names, titles.
  const PART = fc.constantFrom(
    "Anne", "Ane", "Jens", "Jens-Peter", "Peter", "Lise", "Lisbeth", "Inge", "I.", "A.", "Kjær", "Kjaer", "Kjærgaard", "Kjærsgaard",
    "Andersen", "Andresen", "Hansen", "Jansen", "Aalund", "Ålund", "Aarup-Kristensen", "Kristensen", "Rohde", "Rhode", "de", "van",
    "Sekretariatet", "udarbejder", "et", "notat", "Det", "og", "(DH)", "IKA", "JH", "Åse", "Øster", "É", "Søren", "søren", "",
  );
  const name = fc.array(PART, { minLength: 1, maxLength: 4 }).map((ps) => ps.join(" "));
  const mention = fc.oneof(name, fc.constantFrom("IKA", "AH", "JPH", "AAH", "Direktør Anne Hansen", "formand Jens", "Anne.", "Jens-", "."));
  it("answers as the part-by-part comparison with every participant", () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 8 }), fc.array(mention, { minLength: 1, maxLength: 6 }), (names, mentions) => {
        const participants = names.map((n) => ({ name: n }));
        for (const m of mentions) expect(resolveOwner(m, participants)).toBe(refResolveOwner(m, participants));
        // The list grows while it is read (the sign-off reader adds people): never a stale answer.
        participants.push({ name: mentions[0]! });
        for (const m of mentions) expect(resolveOwner(m, participants)).toBe(refResolveOwner(m, participants));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("noOwnerStartsWith", () => {
  const PART = fc.constantFrom("Det", "Dét", "Sagen", "Mødet", "Status", "Her", "Anne", "Hansen", "Det-Hansen", "Jens", "Sekretariatet", "de", "Dé", "Der", "Skal", "S.", "Jens-Skal", "Ikke");
  const WORD = fc.constantFrom(
    "Det", "Sagen", "Mødet", "Status", "Her", "Vi", "Næste", "Derudover", "Dette", "Disse", "Man", "Emnet", "Dét", "Søog", "Og", "Samt",
    "Desuden", "De", "Den", "Der", "der", "det", "i", "I", "desuden", "endvidere", "dé", "Van",
  );
  const REST = fc.constantFrom(
    "blev", "og", "samt", ",", "&", "Hansen", "Anne", "anne", "hansen", "sekretariatet", "Kommune", "udarbejder", "de", "van", "(DH)", "Sagen.",
    "ikke", "skal", "i", "direktør", "jens",
  );
  it("says so only where every phrase that starts with the word names no owner", () => {
    fc.assert(
      fc.property(fc.array(fc.array(PART, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), WORD, fc.array(REST, { maxLength: 6 }), (names, word, rest) => {
        const participants = names.map((ps) => ({ name: ps.join(" "), title: null, organization: null, status: "present" as const }));
        if (!noOwnerStartsWith(word, rest[0], participants)) return;
        for (let n = 0; n <= rest.length; n++) expect(readOwners([word, ...rest.slice(0, n)].join(" "), participants)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe("noOwnerInPrefixes", () => {
  const PART = fc.constantFrom("Anne", "Hansen", "Jens", "Jens-Peter", "Kjær", "Åse", "Aalund", "de", "I.", "Sekretariatet", "Jammerbugt", "Kommune", "Oplægget");
  // Words of every kind the owner reader knows: names, particles, titles, body nouns (also "Xs"
  // and inside proper names), acronyms, generic owners, role plurals, lead words, separators,
  // trailing punctuation, lower and upper case.
  const WORD = fc.constantFrom(
    "Anne", "anne", "Anne.", "Hansen", "Hansen,", "Jens", "Jens-Peter", "Kjaer", "Ålund", "AH", "IKA", "I.", "De", "de", "Der", "van",
    "Direktør", "formand", "Sekretariatet", "sekretariatet", "Sekretariatet.", "Driftsgruppens", "formandskab", "Region", "Nordjylland",
    "Jammerbugt", "Kommune", "Kommune.", "Kommune,", "Kommuneog", "Aalborg", "Universitetshospital", "PLO", "PLO:", "KLU", "Hjørring",
    "Alle", "alle", "hver", "Hver", "part", "Parterne", "begge", "parter", "Repræsentanterne", "fra", "for", "PIU", "og", "Og", "samt",
    "så", "Så", "men", "&", ",", "Oplægget", "Punktet", "Mødet", "Det", "blev", "godkendt", "udarbejder", "laver", "Status", "Næste",
    "Bog", "Gruppen", "X&Y", "(DH)", "É", "", "1)", "2.", "direktør", "Chef", "I", "i", "A", "J.", "É.",
  );
  it("says so only where no prefix of the words names an owner", () => {
    fc.assert(
      fc.property(fc.array(fc.array(PART, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), fc.array(WORD, { minLength: 1, maxLength: 7 }), (names, words) => {
        const participants = names.map((ps) => ({ name: ps.join(" "), title: null, organization: null, status: "present" as const }));
        if (!noOwnerInPrefixes(words, participants)) return;
        for (let n = 1; n <= words.length; n++) expect(readOwners(words.slice(0, n).join(" "), participants)).toBeNull();
      }),
      { numRuns: RUNS * 5 },
    );
  });
  it("onlyFirstWordMayOwn: no phrase of two words or more names an owner", () => {
    fc.assert(
      fc.property(fc.array(fc.array(PART, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), fc.array(WORD, { minLength: 1, maxLength: 7 }), (names, words) => {
        const participants = names.map((ps) => ({ name: ps.join(" "), title: null, organization: null, status: "present" as const }));
        if (!onlyFirstWordMayOwn(words, participants)) return;
        for (let n = 2; n <= words.length; n++) expect(readOwners(words.slice(0, n).join(" "), participants)).toBeNull();
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe("mayPrintYear", () => {
  // Digits, the date separators, month words, weekday and "den" lead-ins, section words.
  const TOKEN = fc.constantFrom(
    "1", "2", "7", "0", "19", "20", "21", "2021", "98", ".", "/", "-", " ", ", ", "maj", "aug", "Jan", "december", "den ", "d. ", "fredag ", "tir. ",
    "pkt. ", "kl. ", "a", "Z", "\u00a0", "–",
  );
  it("is true wherever findDates finds a printed year", () => {
    fc.assert(
      fc.property(fc.array(TOKEN, { maxLength: 14 }).map((ts) => ts.join("")), (t) => {
        if (mayPrintYear(t)) return;
        expect(findDates(t).filter((d) => d.yearSource === "printed")).toEqual([]);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
