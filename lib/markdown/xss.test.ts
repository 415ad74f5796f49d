import { describe, expect, it } from "vitest";
import { type Audience, extractHeadings, renderMarkdown } from "./index";

// Real payloads an editor account (stolen, or careless with copy-paste) could save in an article.
const payloads: [name: string, source: string][] = [
  ["inline script", "Testo <script>alert(1)</script> fine"],
  ["block script", "<script>\nalert(1)\n</script>"],
  ["split script tag", "<scr<script>ipt>alert(1)</scr</script>ipt>"],
  ["img onerror", "<img src=x onerror=alert(1)>"],
  ["javascript: link", "[x](javascript:alert(1))"],
  ["upper-case JAVASCRIPT: link", "[x](JAVASCRIPT:alert(1))"],
  ["tab-split javascript: link", "[x](java&#x09;script:alert(1))"],
  ["entity-encoded javascript: link", "[x](&#106;avascript&colon;alert(1))"],
  ["javascript: link in angle brackets", "[x](<javascript:alert(1)>)"],
  ["javascript: link with leading space", "[x](  javascript:alert(1))"],
  ["vbscript: link", "[x](vbscript:msgbox(1))"],
  ["data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["data: svg image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["data: png image", "![x](data:image/png;base64,iVBORw0KGgo=)"],
  ["javascript: image", "![x](javascript:alert(1))"],
  ["svg onload", "<svg onload=alert(1)>"],
  ["script inside svg", "<svg><script>alert(1)</script></svg>"],
  ["html anchor", '<a href="javascript:alert(1)">x</a>'],
  ["iframe", '<iframe src="https://evil.example/"></iframe>'],
  ["iframe srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ["object", '<object data="https://evil.example/x.swf"></object>'],
  ["embed", '<embed src="https://evil.example/x.swf">'],
  ["form", '<form action="https://evil.example/"><button>Invia</button></form>'],
  ["formaction", '<button formaction="javascript:alert(1)">x</button>'],
  ["math", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
  ["style element", "<style>body{background:url(javascript:alert(1))}</style>"],
  ["style attribute", '<div style="background:url(javascript:alert(1))">x</div>'],
  ["details ontoggle", "<details open ontoggle=alert(1)>"],
  ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ["base href", '<base href="javascript:alert(1)//">'],
  ["reference link", "[x][evil]\n\n[evil]: javascript:alert(1)"],
  ["reference image", "![x][evil]\n\n[evil]: javascript:alert(1)"],
  ["collapsed reference link", "[evil][]\n\n[evil]: data:text/html,<script>alert(1)</script>"],
  ["autolink", "<javascript:alert(1)>"],
  ["autolink data:", "<data:text/html,alert(1)>"],
  ["title breaking out of the attribute", '[x](https://a.example "\\" onmouseover=alert(1) x=\\"")'],
  ["url breaking out of the attribute", '[x](https://a.example/"onmouseover="alert(1))'],
  ["code language breaking out of the class", '```"><script>alert(1)</script>\nx\n```'],
  ["directive attributes", ':::internal{onclick="alert(1)" style="x" #main .x}\nciao\n:::'],
  ["unknown directive attributes", ":::nota{onclick=alert(1) #x}\nciao\n:::"],
  ["leaf directive src", "::video{src=javascript:alert(1)}"],
  ["text directive handler", ":span[x]{onmouseover=alert(1)}"],
  ["footnote label", 'x[^a"onmouseover=alert(1)]\n\n[^a"onmouseover=alert(1)]: y'],
  ["entity-escaped tags", "&lt;script&gt;alert(1)&lt;/script&gt;"],
];

// Payloads on one line can also sit in a table cell, a heading or a list item.
const contexts: [name: string, wrap: (payload: string) => string | null][] = [
  ["top level", (payload) => payload],
  ["internal block", (payload) => `:::internal\n${payload}\n:::`],
  ["blockquote", (payload) => payload.replace(/^/gm, "> ")],
  ["list item", (payload) => (payload.includes("\n") ? null : `- ${payload}`)],
  ["table cell", (payload) => (payload.includes("\n") ? null : `| a |\n| --- |\n| ${payload} |`)],
  ["heading", (payload) => (payload.includes("\n") ? null : `## ${payload}`)],
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: [
    "href",
    "title",
    "id",
    "rel",
    "class",
    "aria-label",
    "aria-describedby",
    "data-footnote-ref",
    "data-footnote-backref",
  ],
  aside: ["class", "data-internal"],
  blockquote: [],
  br: [],
  code: ["class"],
  del: [],
  em: [],
  h1: ["id"],
  h2: ["id", "class"],
  h3: ["id"],
  h4: ["id"],
  h5: ["id"],
  h6: ["id"],
  hr: [],
  img: ["src", "alt", "title"],
  input: ["type", "checked", "disabled"],
  li: ["id", "class"],
  ol: ["start", "class"],
  p: ["class"],
  pre: [],
  section: ["class", "data-footnotes"],
  strong: [],
  sup: [],
  table: [],
  tbody: [],
  td: ["align"],
  th: ["align"],
  thead: [],
  tr: [],
  ul: ["class"],
};

const SAFE_SCHEMES: Record<string, string[]> = {
  href: ["http", "https", "mailto", "tel"],
  src: ["http", "https"],
};

type Tag = { name: string; closing: boolean; attributes: [string, string][] };

/**
 * A strict reader for what rehype-stringify writes: every `<` outside a tag is escaped as `&#x3C;`, so each
 * raw `<` must open a well-formed tag. Anything the pattern cannot read counts as a finding.
 */
function readTags(html: string): { tags: Tag[]; unreadable: number } {
  const tagPattern =
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  const attributePattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const tags: Tag[] = [];
  for (const match of html.matchAll(tagPattern)) {
    const attributes: [string, string][] = [];
    for (const attribute of (match[3] ?? "").matchAll(attributePattern)) {
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? "";
      attributes.push([(attribute[1] ?? "").toLowerCase(), decodeEntities(value)]);
    }
    tags.push({ name: (match[2] ?? "").toLowerCase(), closing: match[1] === "/", attributes });
  }
  const openings = html.split("<").length - 1;
  return { tags, unreadable: openings - tags.length };
}

function decodeEntities(value: string): string {
  const named: Record<string, string> = {
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    colon: ":",
    tab: "\t",
  };
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (entity, hex, decimal, name) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(Number.parseInt(decimal, 10));
    return named[String(name).toLowerCase()] ?? entity;
  });
}

/** What a browser would treat as the URL's scheme: it ignores ASCII whitespace and control characters. */
function schemeOf(url: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const normalized = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(normalized)?.[1] ?? null;
}

/** Every way the rendered HTML breaks our allow-list; empty when it is safe. */
function audit(html: string): string[] {
  const findings: string[] = [];
  const { tags, unreadable } = readTags(html);
  if (unreadable > 0) findings.push(`${unreadable} unreadable "<"`);
  for (const tag of tags) {
    const allowed = ALLOWED_ATTRIBUTES[tag.name];
    if (!allowed) {
      findings.push(`<${tag.name}>`);
      continue;
    }
    for (const [name, value] of tag.attributes) {
      if (!allowed.includes(name)) findings.push(`<${tag.name} ${name}>`);
      const schemes = SAFE_SCHEMES[name];
      const scheme = schemeOf(value);
      if (schemes && scheme !== null && !schemes.includes(scheme)) findings.push(`${name}="${value}"`);
      // A dash-free id is reachable as `window.<id>` (see rehypeSafeHeadingIds in render.ts).
      if (name === "id" && !value.includes("-")) findings.push(`id="${value}"`);
    }
  }
  return findings;
}

const audiences: Audience[] = ["internal", "public"];

describe("the audit helper", () => {
  it.each([
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<img src="data:image/svg+xml;base64,AAAA">',
    '<p style="color:red">x</p>',
    "<svg><p>x</p></svg>",
    '<h2 id="__next_f">x</h2>',
    "<p>a < b</p>",
  ])("flags %s", (html) => {
    expect(audit(html)).not.toEqual([]);
  });

  it("passes ordinary rendered Markdown", () => {
    const html = renderMarkdown(
      "# T\n\n## Tempi di attivazione\n\n[a](https://a.example) [t](tel:800) ![i](/uploads/a.png)\n\n" +
        "- [x] ok\n\n| a |\n| :-: |\n| b |\n\n:::internal\nx\n:::\n\nNota[^1]\n\n[^1]: n\n\n```js\nx\n```",
      { audience: "internal" },
    );
    expect(audit(html)).toEqual([]);
  });
});

describe.each(contexts)("payloads in %s", (_context, wrap) => {
  const cases = payloads.flatMap(([name, payload]) => {
    const source = wrap(payload);
    return source === null ? [] : [[name, source] as const];
  });

  it.each(cases)("%s renders nothing executable", (_name, source) => {
    for (const audience of audiences) {
      const html = renderMarkdown(source, { audience });
      expect(audit(html), html).toEqual([]);
      expect(html).not.toMatch(
        /<(script|svg|math|iframe|object|embed|form|button|style|details|meta|base)\b/i,
      );
      // Attributes are checked parsed: a regex over the raw HTML would also hit a harmless
      // `title="… onmouseover=…"`, and could miss an entity-encoded scheme.
      const attributes = readTags(html).tags.flatMap((tag) => tag.attributes);
      expect(attributes.filter(([name]) => /^on/.test(name) || name === "style")).toEqual([]);
      const urls = attributes.filter(([name]) => name === "href" || name === "src");
      expect(urls.filter(([, value]) => /^(javascript|vbscript|data)$/.test(schemeOf(value) ?? ""))).toEqual(
        [],
      );
    }
  });
});

describe("specific payloads", () => {
  const render = (source: string) => renderMarkdown(source, { audience: "public" });

  it("keeps the text of a blocked link but drops its target", () => {
    expect(render("[x](javascript:alert(1))")).toBe("<p><a>x</a></p>");
    expect(render("[x](JAVASCRIPT:alert(1))")).toBe("<p><a>x</a></p>");
    expect(render("[x](java&#x09;script:alert(1))")).toBe("<p><a>x</a></p>");
    expect(render("<javascript:alert(1)>")).toBe("<p><a>javascript:alert(1)</a></p>");
  });

  it("keeps the alt text of a blocked image but drops its source", () => {
    expect(render("![x](javascript:alert(1))")).toBe('<p><img alt="x"></p>');
    expect(render("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")).toBe(
      '<p><img alt="x"></p>',
    );
  });

  it("shows raw HTML escaped, as text", () => {
    expect(render("<img src=x onerror=alert(1)>")).toBe("<p>&#x3C;img src=x onerror=alert(1)></p>");
    expect(render("Testo <script>alert(1)</script> fine")).toBe(
      "<p>Testo &#x3C;script>alert(1)&#x3C;/script> fine</p>",
    );
  });

  it("keeps a hostile link title inside its attribute", () => {
    expect(render('[x](https://a.example "\\" onmouseover=alert(1) x=\\"")')).toBe(
      '<p><a href="https://a.example" title="&#x22; onmouseover=alert(1) x=&#x22;" ' +
        'rel="noopener noreferrer nofollow">x</a></p>',
    );
  });

  it("never lets payloads in internal blocks reach the public", () => {
    expect(render(":::internal\n<script>alert(1)</script>\n[x](javascript:alert(1))\n:::")).toBe("");
  });

  it("gives __proto__, constructor and framework globals harmless heading ids", () => {
    const source =
      "## \\_\\_proto\\_\\_\n\n## constructor\n\n## \\_\\_next\\_f\n\n## toString\n\n## location";
    expect(extractHeadings(source, { audience: "public" }).map((heading) => heading.id)).toEqual([
      "h-__proto__",
      "h-constructor",
      "h-__next_f",
      "h-tostring",
      "h-location",
    ]);
    expect(audit(render(source))).toEqual([]);
  });

  it("does not let a heading take the id of an existing heading anchor", () => {
    const ids = extractHeadings("## Tempi\n\n## h-tempi", { audience: "public" }).map(
      (heading) => heading.id,
    );
    expect(new Set(ids).size).toBe(2);
  });
});
