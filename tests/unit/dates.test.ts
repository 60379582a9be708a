import { describe, expect, it } from "vitest";
import { dateSpan, datePrecision, formatContractDate, isContractDate, isIsoDay, spansOverlap } from "@/geo/dates";

describe("dateSpan", () => {
  it("covers a whole year for YYYY", () => {
    expect(dateSpan("2017")).toEqual({ start: "2017-01-01", end: "2017-12-31" });
  });

  it("covers a whole month for YYYY-MM, leap years included", () => {
    expect(dateSpan("2020-01")).toEqual({ start: "2020-01-01", end: "2020-01-31" });
    expect(dateSpan("2020-02")).toEqual({ start: "2020-02-01", end: "2020-02-29" });
    expect(dateSpan("2019-02")).toEqual({ start: "2019-02-01", end: "2019-02-28" });
    expect(dateSpan("1900-02")?.end).toBe("1900-02-28"); // divisible by 100, not by 400
    expect(dateSpan("2000-02")?.end).toBe("2000-02-29"); // divisible by 400
    expect(dateSpan("2020-04")?.end).toBe("2020-04-30");
  });

  it("covers one day for YYYY-MM-DD", () => {
    expect(dateSpan("2020-01-07")).toEqual({ start: "2020-01-07", end: "2020-01-07" });
    expect(dateSpan("2020-02-29")).toEqual({ start: "2020-02-29", end: "2020-02-29" });
    expect(dateSpan("2020-12-31")).toEqual({ start: "2020-12-31", end: "2020-12-31" });
  });

  it("runs an interval from the first day of its start to the last day of its end", () => {
    expect(dateSpan("2011/2020-01-08")).toEqual({ start: "2011-01-01", end: "2020-01-08" });
    expect(dateSpan("2011-03/2013")).toEqual({ start: "2011-03-01", end: "2013-12-31" });
    expect(dateSpan("2020-01-07/2020-01-07")).toEqual({ start: "2020-01-07", end: "2020-01-07" });
    expect(dateSpan("2020/2020")).toEqual({ start: "2020-01-01", end: "2020-12-31" });
  });

  it("accepts year 0000 (a leap year in the proleptic Gregorian calendar)", () => {
    expect(dateSpan("0000-02")?.end).toBe("0000-02-29");
    expect(dateSpan("0100-02")?.end).toBe("0100-02-28");
  });

  it.each([
    ["2020-02-30", "a day past the end of February"],
    ["2019-02-29", "29 February in a common year"],
    ["2020-04-31", "31 April"],
    ["2020-13", "month 13"],
    ["2020-00", "month 0"],
    ["2020-00-10", "month 0 with a day"],
    ["2020-01-00", "day 0"],
    ["12abc", "letters"],
    ["", "the empty string"],
    ["20", "a two-digit year"],
    ["2020-1-7", "unpadded month and day"],
    [" 2020", "leading space"],
    ["2020-01-07T00:00", "a time"],
    ["2020/2019", "an interval that ends before it starts"],
    ["2020-01-08/2020-01-07", "a reversed interval of days"],
    ["2011/2012/2013", "three parts"],
    ["2011/", "an open end"],
    ["/2011", "an open start"],
    ["2011/2020-02-30", "an interval with an impossible end"],
  ])("rejects %j (%s)", (text) => {
    expect(dateSpan(text)).toBeUndefined();
    expect(isContractDate(text)).toBe(false);
    expect(datePrecision(text)).toBeUndefined();
  });
});

describe("datePrecision", () => {
  it("names the precision of each form", () => {
    expect(datePrecision("2017")).toBe("year");
    expect(datePrecision("2020-01")).toBe("month");
    expect(datePrecision("2020-01-07")).toBe("day");
    expect(datePrecision("2011/2020-01-08")).toBe("interval");
  });
});

describe("spansOverlap", () => {
  const year2017 = { start: "2017-01-01", end: "2017-12-31" };

  it("counts a shared first or last day as overlap (both ends inclusive)", () => {
    expect(spansOverlap(year2017, { start: "2017-12-31" })).toBe(true);
    expect(spansOverlap(year2017, { end: "2017-01-01" })).toBe(true);
    expect(spansOverlap(year2017, { start: "2017-12-31", end: "2018-06-01" })).toBe(true);
    expect(spansOverlap(year2017, { start: "2016-01-01", end: "2017-01-01" })).toBe(true);
  });

  it("rejects ranges that stop one day short on either side", () => {
    expect(spansOverlap(year2017, { start: "2018-01-01" })).toBe(false);
    expect(spansOverlap(year2017, { end: "2016-12-31" })).toBe(false);
    expect(spansOverlap(year2017, { start: "2018-01-01", end: "2018-12-31" })).toBe(false);
  });

  it("treats a missing end as unbounded", () => {
    expect(spansOverlap(year2017, {})).toBe(true);
  });

  it("keeps a range that lies inside the span, and a span inside the range", () => {
    expect(spansOverlap(year2017, { start: "2017-06-01", end: "2017-06-01" })).toBe(true);
    expect(spansOverlap({ start: "2017-06-01", end: "2017-06-01" }, year2017)).toBe(true);
  });
});

describe("formatContractDate", () => {
  it("writes each precision in words", () => {
    expect(formatContractDate("2020-01-07")).toBe("7 January 2020");
    expect(formatContractDate("2020-12-31")).toBe("31 December 2020");
    expect(formatContractDate("2020-01")).toBe("January 2020");
    expect(formatContractDate("2017")).toBe("2017");
  });

  it('says "since" only when the interval ends at the dateline', () => {
    expect(formatContractDate("2011/2020-01-08", "2020-01-08")).toBe("since 2011");
    expect(formatContractDate("2011/2020-01-08", "2020-01-09")).toBe("2011 to 8 January 2020");
    expect(formatContractDate("2011/2020-01-08")).toBe("2011 to 8 January 2020");
    expect(formatContractDate("2011/2013", "2020-01-08")).toBe("2011 to 2013");
    expect(formatContractDate("2011-03/2013-05")).toBe("March 2011 to May 2013");
  });

  it("returns anything that is not a contract date unchanged", () => {
    for (const text of ["2020-02-30", "12abc", "", "2020/2019", "2011/2012/2013"]) {
      expect(formatContractDate(text, "2020-01-08")).toBe(text);
    }
  });
});

describe("isIsoDay", () => {
  it("accepts real days written YYYY-MM-DD", () => {
    expect(isIsoDay("2020-01-07")).toBe(true);
    expect(isIsoDay("2020-02-29")).toBe(true);
  });

  it.each(["2019-02-29", "2020-02-30", "2020-01", "2020", "2020-1-7", "12abc", "", "2020-01-07/2020-01-08", "2020-01-07 "])(
    "rejects %j",
    (text) => expect(isIsoDay(text)).toBe(false),
  );
});
