import { describe, expect, it } from "vitest";
import { atomFeed } from "./feed";

describe("atomFeed", () => {
  it("lists entries newest date as the feed's, escaping text so content cannot break the XML", () => {
    const xml = atomFeed({
      id: "https://help.example/feed.xml",
      selfUrl: "https://help.example/feed.xml",
      homeUrl: "https://help.example/",
      title: "Centro assistenza",
      lang: "it",
      items: [
        {
          url: "https://help.example/a/x",
          title: "Bollette & <pagamenti>",
          summary: 'Dice "ciao"',
          updated: new Date("2026-11-01T10:00:00Z"),
        },
        {
          url: "https://help.example/a/y",
          title: "SIM",
          summary: "",
          updated: new Date("2026-11-20T10:00:00Z"),
        },
      ],
    });
    expect(xml).toContain("<updated>2026-11-20T10:00:00.000Z</updated>\n  <entry>");
    expect(xml).toContain("<title>Bollette &amp; &lt;pagamenti&gt;</title>");
    expect(xml).toContain("<summary>Dice &quot;ciao&quot;</summary>");
    expect(xml).not.toContain("<pagamenti>");
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });
});
