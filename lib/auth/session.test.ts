import { describe, expect, it } from "vitest";
import { parseCookieHeader } from "./session";

describe("parseCookieHeader", () => {
  it("reads name=value pairs, trimming spaces and decoding percent-encoding", () => {
    expect(parseCookieHeader("next-auth.session-token=abc.def; theme=scuro%20blu;x=1")).toEqual([
      { name: "next-auth.session-token", value: "abc.def" },
      { name: "theme", value: "scuro blu" },
      { name: "x", value: "1" },
    ]);
  });
  it("keeps '=' inside values, unquotes quoted values, and keeps bad percent-encoding as sent", () => {
    expect(parseCookieHeader('a=b=c; q="quoted"; bad=%E0%A4%A')).toEqual([
      { name: "a", value: "b=c" },
      { name: "q", value: "quoted" },
      { name: "bad", value: "%E0%A4%A" },
    ]);
  });
  it("ignores empty and nameless parts, and a missing header", () => {
    expect(parseCookieHeader(undefined)).toEqual([]);
    expect(parseCookieHeader("; =x; novalue; ok=1")).toEqual([{ name: "ok", value: "1" }]);
  });
});
