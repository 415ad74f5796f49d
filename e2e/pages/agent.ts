import { expect, type Locator, type Page } from "@playwright/test";

export class AgentConsole {
  readonly search: Locator;
  readonly results: Locator;

  constructor(private readonly page: Page) {
    this.search = page.getByRole("searchbox", { name: "Cerca negli articoli" });
    this.results = page.getByRole("region", { name: "Risultati" }).getByRole("link");
  }

  async goto(): Promise<void> {
    await this.page.goto("/agent");
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
}
