import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for /admin/branding (select by label and role, STYLE.md "Tests"). */
export class BrandingAdmin {
  readonly nameIt: Locator;
  readonly primaryHex: Locator;
  readonly logoFile: Locator;

  constructor(readonly page: Page) {
    this.nameIt = page.getByLabel("Nome in italiano");
    // exact: the colour picker beside it is labelled "Colore primario: selettore".
    this.primaryHex = page.getByLabel("Colore primario", { exact: true });
    this.logoFile = page.getByLabel("Carica un logo");
  }

  async open(): Promise<void> {
    await this.page.goto("/admin/branding");
    await expect(this.page.getByRole("heading", { level: 1, name: "Aspetto del portale" })).toBeVisible();
  }

  /** Adds a footer link row and fills it; `n` is its 1-based position. */
  async addLink(n: number, label: string, url: string): Promise<void> {
    await this.page.getByRole("button", { name: "Aggiungi link" }).click();
    await this.page.getByLabel(`Link ${n}: testo in italiano`).fill(label);
    await this.page.getByLabel(`Link ${n}: indirizzo`).fill(url);
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Salva aspetto" }).click();
  }

  async expectSaved(): Promise<void> {
    await expect(
      this.page.getByRole("status").filter({ hasText: "Aspetto del portale salvato" }),
    ).toBeVisible();
  }

  /** "Ripristina aspetto predefinito", confirming the browser's dialog. */
  async resetToDefaults(): Promise<void> {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.page.getByRole("button", { name: "Ripristina aspetto predefinito" }).click();
    await expect(this.page.getByRole("status")).toBeVisible();
    await expect(this.nameIt).toHaveValue("Centro assistenza");
  }
}
