import { afterEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/studio/draft/route.studio";
import { MAX_TEXT_LENGTH } from "@/geo/draft/request";
import { testGazetteer } from "./draft-helpers";

testGazetteer();

function post(body: string): Promise<Response> {
  return POST(new Request("http://localhost/api/studio/draft", { method: "POST", body, headers: { "Content-Type": "application/json" } }));
}

async function problem(body: string): Promise<{ status: number; code: string; message: string }> {
  const response = await post(body);
  const json = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...json.error };
}

afterEach(() => vi.unstubAllEnvs());

describe("POST /api/studio/draft", () => {
  it("is a 404 in the contract's error shape unless DATELINE_STUDIO=on", async () => {
    vi.stubEnv("DATELINE_STUDIO", "");
    const response = await post(JSON.stringify({ text: "Rockets hit Damascus.", dateline: "2020-01-08" }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  describe("with the studio on", () => {
    it("answers the draft, never to be cached", async () => {
      vi.stubEnv("DATELINE_STUDIO", "on");
      const response = await post(JSON.stringify({ text: "Rockets hit Damascus on Tuesday.", dateline: "2020-01-08" }));
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
      const draft = (await response.json()) as { mentions: { text: string }[]; events: { date: string }[] };
      expect(draft.mentions.map((m) => m.text)).toEqual(["Damascus"]);
      expect(draft.events[0]?.date).toBe("2020-01-07");
    });

    it.each([
      ["not JSON", "{text: 'x'", "bad_json", /not JSON/],
      ["not an object", "[1, 2]", "bad_body", /JSON object/],
      ["no text", JSON.stringify({ dateline: "2020-01-08" }), "missing_text", /"text" is missing/],
      ["a text that is not a string", JSON.stringify({ text: 5, dateline: "2020-01-08" }), "bad_text", /must be a string/],
      ["an empty text", JSON.stringify({ text: "  \n", dateline: "2020-01-08" }), "empty_text", /"text" is empty/],
      [
        "a text too long",
        JSON.stringify({ text: "a".repeat(MAX_TEXT_LENGTH + 1), dateline: "2020-01-08" }),
        "text_too_long",
        /at most 100000/,
      ],
      ["no dateline", JSON.stringify({ text: "Rockets hit Damascus." }), "missing_dateline", /"dateline" is missing/],
      [
        "a dateline that is not a real day",
        JSON.stringify({ text: "x", dateline: "2020-02-30" }),
        "bad_dateline",
        /"2020-02-30" is not a real day/,
      ],
      ["a dateline in another format", JSON.stringify({ text: "x", dateline: "08/01/2020" }), "bad_dateline", /not a real day/],
    ])("is a 400 naming the problem for %s", async (_name, body, code, message) => {
      vi.stubEnv("DATELINE_STUDIO", "on");
      const answer = await problem(body);
      expect(answer).toMatchObject({ status: 400, code });
      expect(answer.message).toMatch(message);
    });

    it("refuses a body far over the limit before reading it all", async () => {
      vi.stubEnv("DATELINE_STUDIO", "on");
      const answer = await problem(JSON.stringify({ text: "é".repeat(MAX_TEXT_LENGTH * 4), dateline: "2020-01-08" }));
      expect(answer).toMatchObject({ status: 400, code: "text_too_long" });
    });

    it("answers GET with a 405 naming POST, and a 404 when the studio is off", async () => {
      vi.stubEnv("DATELINE_STUDIO", "on");
      const response = GET();
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toBe("POST");
      vi.stubEnv("DATELINE_STUDIO", "off");
      expect(GET().status).toBe(404);
    });

    it("takes a text of exactly the limit", async () => {
      vi.stubEnv("DATELINE_STUDIO", "on");
      const text = "Rockets hit Damascus. ".repeat(Math.floor(MAX_TEXT_LENGTH / 22)).slice(0, MAX_TEXT_LENGTH);
      const response = await post(JSON.stringify({ text, dateline: "2020-01-08" }));
      expect(response.status).toBe(200);
    });
  });
});
