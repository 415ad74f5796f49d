import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIpOf, resolveClientIp } from "./client-ip";

describe("resolveClientIp", () => {
  it("uses the socket address and ignores X-Forwarded-For unless a proxy is trusted", () => {
    expect(resolveClientIp("::ffff:10.0.0.7", "6.6.6.6", false)).toBe("10.0.0.7");
  });
  it("behind a trusted proxy, takes the address the proxy appended, not the client's forgery", () => {
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 203.0.113.9", true)).toBe("203.0.113.9");
    expect(resolveClientIp("127.0.0.1", undefined, true)).toBe("127.0.0.1");
  });
});

describe("clientIpOf", () => {
  it("reads the header from Headers and from Node's record", () => {
    expect(clientIpOf(new Headers({ [CLIENT_IP_HEADER]: "1.2.3.4" }))).toBe("1.2.3.4");
    expect(clientIpOf({ [CLIENT_IP_HEADER]: "1.2.3.4" })).toBe("1.2.3.4");
    expect(clientIpOf({})).toBeNull();
  });
});
