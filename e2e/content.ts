import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

// The e2e run imports content/ on a fresh database, so tests read their expectations from the same files.
type FrontMatter = { slug: string; title: string; visibility: string; status: string; locale: string };

export function demoArticles(): FrontMatter[] {
  const out: FrontMatter[] = [];
  for (const locale of ["it", "en"]) {
    const dir = join("content", "articles", locale);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(join(dir, file), "utf8");
      const yaml = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
      out.push(parse(yaml) as FrontMatter);
    }
  }
  return out;
}

export function internalFactValues(): string[] {
  const facts = parse(readFileSync(join("content", "facts.yaml"), "utf8")) as {
    visibility: string;
    values: { it: string; en?: string };
  }[];
  return facts
    .filter((f) => f.visibility === "internal")
    .flatMap((f) => [f.values.it, f.values.en ?? f.values.it]);
}
