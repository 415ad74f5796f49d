import { describe, expect, it } from "vitest";
import {
  describeMissing,
  fillHtml,
  fillText,
  initialValues,
  listMissing,
  listUsedVariables,
  segmentAnswer,
} from "./variables";

describe("segmentAnswer", () => {
  it("splits text into plain runs, filled values and missing tokens", () => {
    expect(
      segmentAnswer("Ciao {{customer.firstName}}, sono {{ agent.firstName }}.", {
        "customer.firstName": "Anna",
      }),
    ).toEqual([
      { text: "Ciao ", kind: "text" },
      { text: "Anna", kind: "filled", name: "customer.firstName" },
      { text: ", sono ", kind: "text" },
      { text: "{{agent.firstName}}", kind: "missing", name: "agent.firstName" },
      { text: ".", kind: "text" },
    ]);
  });

  it("treats blank values as missing and trims the others", () => {
    expect(segmentAnswer("{{order.id}}", { "order.id": "   " })).toEqual([
      { text: "{{order.id}}", kind: "missing", name: "order.id" },
    ]);
    expect(fillText("n. {{order.id}}", { "order.id": " ORD-1 " })).toBe("n. ORD-1");
  });

  it("never fills names outside the catalogue (facts left without a value, prototype keys)", () => {
    const values = JSON.parse('{"fact.x":"1","constructor":"2"}');
    expect(fillText("{{fact.x}} {{constructor}}", values)).toBe("{{fact.x}} {{constructor}}");
  });

  it("fills in one pass: a value holding a token is not filled again", () => {
    expect(
      fillText("{{customer.firstName}} {{customer.lastName}}", {
        "customer.firstName": "{{customer.lastName}}",
        "customer.lastName": "Rossi",
      }),
    ).toBe("{{customer.lastName}} Rossi");
  });

  it("keeps text without tokens whole, and empty text empty", () => {
    expect(segmentAnswer("Niente da compilare", {})).toEqual([{ text: "Niente da compilare", kind: "text" }]);
    expect(segmentAnswer("", {})).toEqual([]);
  });
});

describe("listMissing and listUsedVariables", () => {
  it("lists what is still missing once, in order of use", () => {
    expect(
      listMissing(["{{ticket.id}} {{customer.firstName}}", "{{ticket.id}}"], { "customer.firstName": "A" }),
    ).toEqual(["ticket.id"]);
  });

  it("lists the catalogue variables used, in catalogue order, ignoring facts", () => {
    expect(listUsedVariables(["{{ticket.id}} {{fact.app_name}}", "Ciao {{customer.firstName}}"])).toEqual([
      "customer.firstName",
      "ticket.id",
    ]);
  });

  it("describes missing variables with their label", () => {
    expect(describeMissing(["customer.firstName", "fact.x"])).toBe(
      "Nome del cliente ({{customer.firstName}}), {{fact.x}}",
    );
  });
});

describe("fillHtml", () => {
  const html =
    '<p>Gentile {{customer.firstName}},</p>\n<p><a href="https://x.it/%7B%7Border.id%7D%7D" title="t {{ticket.id}}">link</a></p>';

  it("fills text with HTML-escaped values and URL-encoded tokens in attributes", () => {
    expect(fillHtml(html, { "customer.firstName": '<img src=x onerror="1">', "order.id": "A/1 & b" })).toBe(
      '<p>Gentile &lt;img src=x onerror=&quot;1&quot;&gt;,</p>\n<p><a href="https://x.it/A%2F1%20%26%20b" title="t {{ticket.id}}">link</a></p>',
    );
  });

  it("highlights filled values and missing tokens for the preview, never inside tags", () => {
    const out = fillHtml(html, { "customer.firstName": "Anna" }, { highlight: true });
    expect(out).toContain('Gentile <mark class="var-filled">Anna</mark>,');
    expect(out).toContain('href="https://x.it/%7B%7Border.id%7D%7D"');
    expect(out).toContain('title="t {{ticket.id}}"');
  });

  it("marks missing tokens in text", () => {
    expect(fillHtml("<p>{{customer.firstName}}</p>", {}, { highlight: true })).toBe(
      '<p><span class="var-missing" title="Da compilare">{{customer.firstName}}</span></p>',
    );
    expect(fillHtml("<p>{{customer.firstName}}</p>", {})).toBe("<p>{{customer.firstName}}</p>");
  });

  it("copes with a > inside a quoted attribute", () => {
    expect(fillHtml('<a title="a > {{order.id}}">{{order.id}}</a>', { "order.id": "7" })).toBe(
      '<a title="a > {{order.id}}">7</a>',
    );
  });
});

describe("initialValues", () => {
  it("prefills the agent's first name, and a screen-pop value wins", () => {
    expect(initialValues("Marta Bianchi", { "customer.firstName": "Anna" })).toEqual({
      "agent.firstName": "Marta",
      "customer.firstName": "Anna",
    });
    expect(initialValues("Marta", { "agent.firstName": "Luca" })).toEqual({ "agent.firstName": "Luca" });
    expect(initialValues("  ", {})).toEqual({});
  });
});
