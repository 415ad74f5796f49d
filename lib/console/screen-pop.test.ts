import { describe, expect, it } from "vitest";
import { parseScreenPop, SCREEN_POP_VALUE_MAX } from "./screen-pop";

describe("parseScreenPop", () => {
  it("reads the query, channel, filters and every variable of CHANNELS.md", () => {
    const url = new URL(
      "http://x/agent?q=sim+smarita&channel=sms&customer.firstName=Anna&customer.lastName=Rossi" +
        "&agent.firstName=Luca&order.id=ORD-1&ticket.id=TK-2&product=mobile&locale=it&open=1",
    );
    expect(parseScreenPop(url.searchParams)).toEqual({
      q: "sim smarita",
      channel: "sms",
      filters: { product: "mobile", locale: "it" },
      values: {
        "customer.firstName": "Anna",
        "customer.lastName": "Rossi",
        "agent.firstName": "Luca",
        "order.id": "ORD-1",
        "ticket.id": "TK-2",
      },
      open: true,
    });
  });

  it("defaults to an empty console", () => {
    expect(parseScreenPop({})).toEqual({ q: "", channel: null, filters: {}, values: {}, open: false });
  });

  it("drops bad parameters one by one and ignores unknown ones", () => {
    const pop = parseScreenPop({
      q: "bolletta",
      channel: "fax",
      product: "Not A Slug!",
      locale: "de",
      open: "maybe",
      "customer.firstName": "   ",
      "fact.support_phone": "999",
      constructor: "x",
      utm_source: "crm",
    });
    expect(pop).toEqual({ q: "bolletta", channel: null, filters: {}, values: {}, open: false });
  });

  it("limits lengths, flattens control characters and keeps the first of repeated parameters", () => {
    const pop = parseScreenPop({
      q: ` ${"a".repeat(500)} `,
      "customer.firstName": [`Anna\nMaria\u0000`, "Other"],
      "customer.lastName": "x".repeat(1000),
    });
    expect(pop.q).toHaveLength(200);
    expect(pop.values["customer.firstName"]).toBe("Anna Maria");
    expect(pop.values["customer.lastName"]).toHaveLength(SCREEN_POP_VALUE_MAX);
  });

  it("accepts open=true and open=0", () => {
    expect(parseScreenPop({ open: "true" }).open).toBe(true);
    expect(parseScreenPop({ open: "0" }).open).toBe(false);
  });
});
