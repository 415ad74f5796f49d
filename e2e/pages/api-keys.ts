import { expect, type Page } from "@playwright/test";

/** Page object for /admin/api-keys (select by label and role, STYLE.md "Tests"). */
export class ApiKeysAdmin {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/admin/api-keys");
    await expect(this.page.getByRole("heading", { level: 1, name: "Chiavi API" })).toBeVisible();
  }

  /** Creates a key and returns the secret shown once. */
  async create(name: string, scope: "public" | "internal"): Promise<string> {
    await this.page.getByLabel("Nome", { exact: true }).fill(name);
    await this.page.getByLabel("Ambito").selectOption(scope);
    await this.page.getByRole("button", { name: "Crea chiave" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: `Chiave «${name}» creata` })).toBeVisible();
    const secret = await this.page.getByLabel("Chiave segreta").inputValue();
    expect(secret).toMatch(/^spk_[A-Za-z0-9_-]{43}$/);
    await expect(this.page.getByRole("row").filter({ hasText: name })).toContainText(secret.slice(0, 12));
    return secret;
  }

  /** "Revoca", confirming the browser's dialog. */
  async revoke(name: string): Promise<void> {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.page.getByRole("button", { name: `Revoca la chiave ${name}` }).click();
    await expect(this.page.getByRole("row").filter({ hasText: name })).toContainText("Revocata");
  }
}
