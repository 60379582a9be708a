import { describe, expect, it } from "vitest";
import { findDates } from "@/geo/draft/dates";

/** The dates found in a text, as "text => date". */
const dates = (text: string, dateline = "2020-01-08") => findDates(text, dateline).map((d) => `${d.text} => ${d.date}`);

describe("findDates (2020-01-08 is a Wednesday)", () => {
  it("reads a bare weekday in past-tense reporting as the last such day before the dateline", () => {
    expect(dates("Putin made a rare visit to Syria on Tuesday.")).toEqual(["on Tuesday => 2020-01-07"]);
    expect(dates("Rebels attacked on Thursday.")).toEqual(["on Thursday => 2020-01-02"]);
    expect(dates("On Monday, talks began.")).toEqual(["On Monday => 2020-01-06"]);
  });

  it("reads the dateline's own weekday as the dateline", () => {
    expect(dates("Earlier on Wednesday, Iran launched missiles.")).toEqual(["on Wednesday => 2020-01-08"]);
  });

  it("reads a weekday in a sentence about the future forward", () => {
    expect(dates("The talks will resume on Friday.")).toEqual(["on Friday => 2020-01-10"]);
    expect(dates("They meet next Tuesday.")).toEqual(["next Tuesday => 2020-01-14"]);
  });

  it("reads bare years, spans since a year and spans between years", () => {
    expect(dates("his last visit to the air base in 2017.")).toEqual(["in 2017 => 2017"]);
    expect(dates("Iran's frontman in Syria since 2011, Soleimani")).toEqual(["since 2011 => 2011/2020-01-08"]);
    expect(dates("Fighting raged since March 2011.")).toEqual(["since March 2011 => 2011-03/2020-01-08"]);
    expect(dates("It was held from 2011 to 2013.")).toEqual(["from 2011 to 2013 => 2011/2013"]);
  });

  it("does not take counts for years", () => {
    expect(dates("More than 400,000 people have been killed and 11 million displaced; 2017 people fled.")).toEqual([]);
    expect(dates("they can now say that a huge distance has been travelled")).toEqual([]);
  });

  it("reads a duration up to now as a span ending at the dateline", () => {
    expect(dates("the civil war that continued for nine years.")).toEqual(["for nine years => 2011/2020-01-08"]);
    expect(dates("Fighting has continued for the past 5 years.")).toEqual(["for the past 5 years => 2015/2020-01-08"]);
  });

  it("reads last week as the Monday-to-Sunday week before the dateline's", () => {
    expect(dates("An attack on Belgorod last week.")).toEqual(["last week => 2019-12-30/2020-01-05"]);
    expect(dates("It rained last week.", "2020-01-06")).toEqual(["last week => 2019-12-30/2020-01-05"]);
  });

  it("reads a month and day without a year as the latest one up to the dateline", () => {
    expect(dates("Washington said on Jan. 3 that it would send troops.")).toEqual(["Jan. 3 => 2020-01-03"]);
    expect(dates("The strike on Dec. 28 killed five.")).toEqual(["Dec. 28 => 2019-12-28"]);
    expect(dates("From Jan. 3 to Jan. 5 it rained.")).toEqual(["Jan. 3 to Jan. 5 => 2020-01-03/2020-01-05"]);
  });

  it("reads relative days and months", () => {
    expect(dates("Talks resumed three days ago.")).toEqual(["three days ago => 2020-01-05"]);
    expect(dates("He arrived yesterday.")).toEqual(["yesterday => 2020-01-07"]);
    expect(dates("Prices rose last month.")).toEqual(["last month => 2019-12"]);
    expect(dates("He came in March 2019.")).toEqual(["March 2019 => 2019-03"]);
  });

  it("gives offsets into the text", () => {
    const text = "Ḩamāh — «Earlier on Wednesday», rockets fell.";
    const [found] = findDates(text, "2020-01-08");
    expect(found && text.slice(found.start, found.end)).toBe(found?.text);
  });

  it("refuses a dateline that is not a real day", () => {
    expect(() => findDates("on Tuesday", "2020-02-30")).toThrow(/not a real day/);
  });
});

describe("findDates with since", () => {
  it("makes a span from any date after 'since' up to the dateline", () => {
    expect(dates("Flights were suspended since Saturday.", "2023-04-16")).toEqual(["Saturday => 2023-04-15/2023-04-16"]);
  });
});
