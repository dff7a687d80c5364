import { describe, expect, it } from "vitest";
import { findDates, findVagueTimes, inferYear, isVagueTime, parseDanishDate } from "../src/dates.ts";
import { parseTimeRange } from "../src/times.ts";

// [printed, context, expected ISO, yearInferred, yearSource]
type Row = [string, Parameters<typeof findDates>[1], string | null, boolean, string | null];
const Y21 = { meetingYear: 2021 };

const FORMS: Row[] = [
  ["13.aug", Y21, "2021-08-13", true, "meeting"],
  ["d. 17. april", Y21, "2021-04-17", true, "meeting"],
  ["den 27.oktober", Y21, "2021-10-27", true, "meeting"],
  ["19. november 2020", Y21, "2020-11-19", false, "printed"],
  ["07.09.20", {}, "2020-09-07", false, "printed"],
  ["04-06-2020", {}, "2020-06-04", false, "printed"],
  ["24/5", Y21, "2021-05-24", true, "meeting"],
  ["1. marts 2021", {}, "2021-03-01", false, "printed"],
  ["Fredag den 13.aug", { meetingYear: 2021 }, "2021-08-13", true, "weekday"],
  // The weekday decides the year even when the context year is off by some years.
  ["Fredag den 13.aug", { nearbyYear: 2022 }, "2021-08-13", true, "weekday"],
  ["tirsdag den 17. august kl. 12.00", Y21, "2021-08-17", true, "weekday"],
  ["Mandag d. 17. april, kl. 10:30-12:00", { nearbyYear: 2023 }, "2023-04-17", true, "weekday"],
  ["Onsdag den 27.oktober kl. 8.30", { meetingYear: 2021 }, "2021-10-27", true, "weekday"],
  ["3. sept. 2021", {}, "2021-09-03", false, "printed"],
  ["12. sept", Y21, "2021-09-12", true, "meeting"],
  ["5. okt", Y21, "2021-10-05", true, "meeting"],
  ["12. okt.", Y21, "2021-10-12", true, "meeting"],
  ["13. August 2021", {}, "2021-08-13", false, "printed"],
  ["Onsdag den 15-maj-2002", {}, "2002-05-15", false, "printed"],
  ["4/6-2020", {}, "2020-06-04", false, "printed"],
  ["24/12-21", {}, "2021-12-24", false, "printed"],
  ["2021-08-13", {}, "2021-08-13", false, "printed"],
  ["d. 24.5", Y21, "2021-05-24", true, "meeting"],
  ["den 1. oktober", { nearbyYear: 2021 }, "2021-10-01", true, "nearby"],
  // No year anywhere: a date without ISO.
  ["den 15. december", {}, null, false, null],
  // 29 February only in leap years.
  ["29. februar", { meetingYear: 2021 }, null, false, null],
  ["29. februar", { meetingYear: 2024 }, "2024-02-29", true, "meeting"],
];

describe("findDates: every printed form", () => {
  it.each(FORMS)("%s", (text, ctx, iso, inferred, source) => {
    const d = parseDanishDate(text, ctx);
    expect(d).not.toBeNull();
    expect(d!.iso).toBe(iso);
    expect(d!.yearInferred).toBe(inferred);
    expect(d!.yearSource).toBe(source);
  });

  it("reports position and printed text, weekday and 'den' included", () => {
    const text = "Kommunerne bedes melde tilbage inden tirsdag den 17. august kl. 12.00 med behovene.";
    const [d] = findDates(text, Y21);
    expect(d!.text).toBe("tirsdag den 17. august");
    expect(text.slice(d!.index, d!.index + d!.length)).toBe(d!.text);
  });

  it("finds several dates in running text, in order", () => {
    const text = "Fristen er senest den 1. maj 2023; ansøgningsfristen er 23. august 2023, jf. møde d. 24. maj.";
    expect(findDates(text, { meetingYear: 2023 }).map((d) => d.iso)).toEqual(["2023-05-01", "2023-08-23", "2023-05-24"]);
  });

  it("keeps the printed year when the weekday disagrees, and says so", () => {
    const [d] = findDates("mandag den 13. august 2021");
    expect(d!.iso).toBe("2021-08-13");
    expect(d!.weekdayAgrees).toBe(false);
  });
});

describe("findDates: no dates", () => {
  it.each([
    "15-17 år",
    "pkt. 6",
    "2 %",
    "8 og 9",
    "tlf. 98 12 34 56",
    "tlf. 98.12.34.56",
    "et 12-12 seminar",
    "kl. 13-14",
    "3. Jan Mainz orienterede",
    "2. Maj Skårhøj orienterede",
    "afsnit 2.1.10",
    "1/2 time",
    "31/2",
    "indsats 8 og 9",
    "de ældste 2 %",
    "Møde 4, 2021",
    "punkterne1-3",
    "medio august",
  ])("%s", (text) => {
    expect(findDates(text, Y21)).toEqual([]);
  });
});

describe("inferYear", () => {
  it("places a yearless date near the meeting date, ahead rather than behind", () => {
    expect(inferYear(15, 1, null, { meetingDate: "2021-12-10" })).toEqual({ year: 2022, source: "meeting" });
    expect(inferYear(15, 12, null, { meetingDate: "2021-01-10" })).toEqual({ year: 2020, source: "meeting" });
    expect(inferYear(17, 8, null, { meetingDate: "2021-08-13" })).toEqual({ year: 2021, source: "meeting" });
  });

  it("prefers the weekday over the meeting year", () => {
    // 17 April is a Monday in 2023 (and 2017): closest to 2022 is 2023.
    expect(inferYear(17, 4, 1, { meetingYear: 2022 })).toEqual({ year: 2023, source: "weekday" });
  });

  it("without any context year gives nothing", () => {
    expect(inferYear(13, 8, 5, {})).toBeNull();
  });
});

describe("vague times", () => {
  it.each([
    ["Det sker medio august.", "medio august"],
    ["Forventes primo september", "primo september"],
    ["Klar ultimo 2021", "ultimo 2021"],
    ["forelægges efter sommerferien.", "efter sommerferien"],
    ["alle har en hjemmeopgave til næste møde", "til næste møde"],
    ["holder et indlæg på næste møde", "på næste møde"],
    ["i løbet af efteråret", "i løbet af efteråret"],
    ["inden næste styregruppemøde", "inden næste styregruppemøde"],
    ["Der bookes snarest datoer", "snarest"],
    ["i uge 34", "i uge 34"],
  ])("%s", (text, phrase) => {
    expect(isVagueTime(text)).toBe(true);
    expect(findVagueTimes(text).map((v) => v.text)).toEqual([phrase]);
    expect(findDates(text, Y21)).toEqual([]);
  });

  it("a date is not vague", () => {
    expect(isVagueTime("senest den 23. juni")).toBe(false);
  });
});

describe("parseTimeRange", () => {
  it.each([
    ["kl. 12.45", "12:45", null],
    ["Kl.12.45 til kl. 14.00", "12:45", "14:00"],
    ["kl. 14:00", "14:00", null],
    ["kl. 10:30-12:00", "10:30", "12:00"],
    ["kl. 8.30 til kl.11.30", "08:30", "11:30"],
    ["Mødet påbegyndt: kl. 14:00", "14:00", null],
    ["Mødet afsluttet: kl. 16:00", null, "16:00"],
    ["Mødet startede kl. 15.30 og sluttede kl. 16.45.", "15:30", "16:45"],
    ["Mødetidspunkt: 08:00 - 10:00", "08:00", "10:00"],
    ["kl. 18.30-20.30, Aabenraa Sygehus", "18:30", "20:30"],
    ["kl. 15.30 – 17.30 (virtuelt)", "15:30", "17:30"],
    ["Mandag d. 3. maj kl. 14 – 16", "14:00", "16:00"],
    ["Fredag den 13.aug Kl.12.45 til kl. 14.00 – efter seminar", "12:45", "14:00"],
    ["Mandag d. 17. april, kl. 10:30-12:00", "10:30", "12:00"],
    ["mødelokale 337 2.sal, 12.5 %", null, null],
    ["Indsats 10.30 i handleplanen", null, null],
  ])("%s", (text, start, end) => {
    expect(parseTimeRange(text)).toEqual({ start, end });
  });
});
