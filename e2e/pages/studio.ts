import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for the studio article editor (/studio/articles/<id>). */
export class ArticleEditor {
  readonly title: Locator;
  readonly body: Locator;
  readonly changeNote: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByLabel("Titolo", { exact: true });
    this.body = page.getByLabel("Testo (Markdown)");
    this.changeNote = page.getByLabel("Nota di modifica");
  }

  answer(label: string): Locator {
    return this.page.getByLabel(`Risposta ${label}`, { exact: true });
  }

  section(channel: string): Locator {
    return this.page.locator(`#answer-${channel}`);
  }

  async saveDraft(): Promise<void> {
    await this.page.getByRole("button", { name: "Salva bozza" }).click();
  }

  async expectSaved(text: RegExp | string = /Salvata la versione/): Promise<void> {
    await expect(this.page.getByRole("status").filter({ hasText: text })).toBeVisible();
  }

  /** Opens an article from the studio list by (part of) its title. */
  async openFromList(title: string | RegExp): Promise<void> {
    await this.page.goto("/studio");
    await this.page.getByRole("link", { name: title }).first().click();
    await expect(this.title).toBeVisible();
  }
}
