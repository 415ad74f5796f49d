import { expect, type Page } from "@playwright/test";

export const DEMO = {
  agent: { email: "agent@sportello.local", password: "sportello-agent" },
  editor: { email: "editor@sportello.local", password: "sportello-editor" },
  admin: { email: "admin@sportello.local", password: "sportello-admin" },
} as const;

/** Page object for /login (select by label and role, STYLE.md "Tests"). */
export async function signIn(page: Page, role: keyof typeof DEMO, callbackUrl?: string): Promise<void> {
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  await page.getByLabel("E-mail").fill(DEMO[role].email);
  await page.getByLabel("Password").fill(DEMO[role].password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("button", { name: "Esci" })).toBeVisible();
}
