import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for the agent console (/agent) and its answer panel. */
export class AgentConsole {
  readonly search: Locator;
  readonly results: Locator;
  readonly shortcutHelp: Locator;

  constructor(private readonly page: Page) {
    this.search = page.getByRole("searchbox", { name: "Cerca negli articoli" });
    this.results = page.getByRole("region", { name: "Risultati" }).getByRole("link");
    this.shortcutHelp = page.getByRole("dialog", { name: "Scorciatoie da tastiera" });
  }

  /** Opens the console, or a screen-pop URL such as `/agent?q=…&channel=sms`. */
  async goto(url = "/agent"): Promise<void> {
    await this.page.goto(url);
    await expect(this.search).toBeVisible();
  }

  /** Types like an agent does, key by key, so every keystroke fires a search. */
  async type(query: string): Promise<void> {
    await this.search.fill("");
    await this.search.pressSequentially(query, { delay: 30 });
  }

  result(title: string | RegExp): Locator {
    return this.results.filter({ hasText: title });
  }

  /** The answer panel beside the results, named by the open article's title. */
  panel(title: string | RegExp): Locator {
    return this.page.locator("section.console-panel").filter({
      has: this.page.getByRole("heading", { level: 2, name: title }),
    });
  }

  /** One channel's answer ("SMS", "Email"…), in the panel or on the full article page. */
  answer(label: string): Locator {
    return this.page.getByRole("region", { name: `Risposta ${label}`, exact: true });
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
