import { describe, expect, it } from "vitest";
import { format, localePath } from "./index";
import en from "./messages/en.json";
import itMessages from "./messages/it.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("portal message files", () => {
  const reference = leaves(itMessages);
  const english = leaves(en);

  it("English has exactly the Italian keys", () => {
    expect([...english.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it("no message is empty, and each translation keeps the same placeholders", () => {
    for (const [key, text] of reference) {
      expect(text.trim(), key).not.toBe("");
      const translated = english.get(key) ?? "";
      expect(translated.trim(), key).not.toBe("");
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});

describe("format and localePath", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{count} risultati per {q}", { count: 3, q: "iban" })).toBe("3 risultati per iban");
    expect(format("Ciao {name}", {})).toBe("Ciao {name}");
  });
  it("puts Italian at the root and English under /en", () => {
    expect(localePath("it", "/")).toBe("/");
    expect(localePath("it", "/search")).toBe("/search");
    expect(localePath("en", "/")).toBe("/en");
    expect(localePath("en", "/c/bollette")).toBe("/en/c/bollette");
  });
});
