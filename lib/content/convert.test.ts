import { describe, expect, it } from "vitest";
import { convertHtml, convertMarkdown, slugFromFileName } from "./convert";

const ZENDESK = `<!doctype html>
<html><head><title>Reset password – Help Center</title>
<meta name="description" content="How to reset the password">
<style>body { color: red }</style><script>alert("head")</script></head>
<body><nav>Home › Account</nav>
<h1>Reset your <em>password</em></h1>
<p>Click <a href="https://help.example/reset">here</a> and <strong>follow</strong> the steps.</p>
<iframe src="https://evil.example">iframe fallback</iframe><script>alert("body")</script>
<style>.x { display: none }</style><object data="x.swf">object fallback</object>
<ul><li>One</li><li>Two</li></ul>
<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Base</td><td>10</td></tr></table>
<img src="https://help.example/i.png" alt="Screen" onerror="alert(3)">
<p><a href="javascript:alert(4)">bad link</a></p>
</body></html>`;

describe("convertHtml", () => {
  const out = convertHtml(ZENDESK);

  it("takes the title from <h1> and leaves it out of the body", () => {
    expect(out.title).toBe("Reset your password");
    expect(out.body).not.toContain("Reset your");
    expect(out.summary).toBe("How to reset the password");
  });

  it("keeps the text as Markdown: links, emphasis, lists, tables, images", () => {
    expect(out.body).toContain("Click [here](https://help.example/reset) and **follow** the steps.");
    expect(out.body).toContain("- One\n- Two");
    expect(out.body).toContain("| Plan | Price |");
    expect(out.body).toContain("![Screen](https://help.example/i.png)");
  });

  it("drops script, style, iframe, object and navigation with everything inside them", () => {
    for (const junk of [
      "alert",
      "color: red",
      "display: none",
      "iframe",
      "fallback",
      "Home ›",
      "javascript:",
      "onerror",
      "<",
    ]) {
      expect(out.body).not.toContain(junk);
    }
  });

  it("falls back to <title> without an <h1>", () => {
    expect(
      convertHtml("<html><head><title> Only title </title></head><body><p>Text</p></body></html>"),
    ).toEqual({
      title: "Only title",
      summary: "",
      body: "Text",
    });
    expect(convertHtml("<p>No title at all</p>").title).toBeNull();
  });
});

describe("convertMarkdown", () => {
  it("takes the title from the front matter and ignores its other fields", () => {
    expect(
      convertMarkdown(
        "---\ntitle: From front matter\nauthor: x\ndescription: A summary\n---\n\n# Heading\n\nText.\n",
      ),
    ).toEqual({
      title: "From front matter",
      summary: "A summary",
      body: "# Heading\n\nText.",
    });
  });

  it("otherwise takes the first # heading, which leaves the body", () => {
    expect(convertMarkdown("Intro.\n\n# The title\n\nText.\n\n## Section\n")).toEqual({
      title: "The title",
      summary: "",
      body: "Intro.\n\nText.\n\n## Section",
    });
  });

  it("cuts raw script, style and iframe HTML, block and inline", () => {
    const out = convertMarkdown(
      '# T\n\nText <script>alert(1)</script> ok.\n\n<iframe src="x"></iframe>\n\n<style>\n.a{}\n</style>\n\n<b>bold</b> stays\n',
    );
    expect("problem" in out).toBe(false);
    if ("problem" in out) return;
    expect(out.body).toBe("Text  ok.\n\n<b>bold</b> stays");
  });

  it("keeps code blocks as they are", () => {
    const out = convertMarkdown("# T\n\n```html\n<script>example()</script>\n```\n");
    expect("problem" in out ? "" : out.body).toContain("<script>example()</script>");
  });

  it("reports front matter that is not YAML", () => {
    expect(convertMarkdown("---\ntitle: [broken\n---\n\nText")).toMatchObject({
      problem: expect.stringContaining("YAML"),
    });
  });
});

describe("slugFromFileName", () => {
  it("lower-cases, drops accents and the extension, and dashes the rest", () => {
    expect(slugFromFileName("Perché il Modem è ROTTO?.html")).toBe("perche-il-modem-e-rotto");
    expect(slugFromFileName("360012345-Reset_password.htm")).toBe("360012345-reset-password");
    expect(slugFromFileName("__.md")).toBe("");
  });
});
