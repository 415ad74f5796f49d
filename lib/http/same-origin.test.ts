import { describe, expect, it } from "vitest";
import { isCrossSite } from "./same-origin";

const request = (headers: Record<string, string>) => new Headers(headers);

describe("isCrossSite", () => {
  it("lets same-site posts and posts without Origin through", () => {
    expect(isCrossSite(request({ host: "help.example.com", origin: "https://help.example.com" }))).toBe(
      false,
    );
    expect(isCrossSite(request({ host: "localhost:3400", origin: "http://localhost:3400" }))).toBe(false);
    expect(isCrossSite(request({ host: "Help.Example.com", origin: "https://help.example.com" }))).toBe(
      false,
    );
    expect(isCrossSite(request({ host: "help.example.com" }))).toBe(false);
  });

  it("refuses another host, another port, and the opaque null origin", () => {
    expect(isCrossSite(request({ host: "help.example.com", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSite(request({ host: "localhost:3400", origin: "http://localhost:3401" }))).toBe(true);
    expect(isCrossSite(request({ host: "help.example.com", origin: "null" }))).toBe(true);
    expect(isCrossSite(request({ origin: "https://help.example.com" }))).toBe(true);
  });

  it("accepts the configured public host behind a proxy that rewrites Host", () => {
    const headers = request({ host: "127.0.0.1:3000", origin: "https://help.example.com" });
    expect(isCrossSite(headers)).toBe(true);
    expect(isCrossSite(headers, ["help.example.com"])).toBe(false);
  });
});
