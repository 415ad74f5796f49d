import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

// Issue 6 point 8: WCAG 2.2 AA on the portal's main pages, checked by axe-core (serious and critical violations
// fail), at a phone width and at a desktop width; and the pages work from the keyboard with a visible focus.

const PAGES = [
  { name: "home", path: "/" },
  { name: "home (en)", path: "/en" },
  { name: "category", path: "/c/bollette-e-pagamenti" },
  { name: "product", path: "/p/mobile" },
  { name: "article", path: "/a/sim-smarrita-rubata-sostituzione" },
  { name: "search", path: "/search?q=bolletta" },
  { name: "no results", path: "/search?q=zzxqvkw" },
  { name: "not found", path: "/a/questa-pagina-non-esiste" },
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const viewport of [
  { label: "phone", width: 360, height: 740 },
  { label: "desktop", width: 1280, height: 900 },
]) {
  test.describe(`${viewport.label} (${viewport.width} px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    for (const { name, path } of PAGES) {
      test(`${name}: no serious or critical axe violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator("main")).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        // Nothing is wider than the screen (no sideways scrolling on a phone).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  });
}

test("the instant search list, open, has no serious or critical violations", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("combobox", { name: "Cerca nel centro assistenza" })
    .pressSequentially("fattura", { delay: 30 });
  await expect(page.getByRole("listbox")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the keyboard reaches everything in order, with a visible focus, starting with the skip link", async ({
  page,
}) => {
  await page.goto("/a/sim-smarrita-rubata-sostituzione");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Vai al contenuto" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  // Every focusable element shows a focus indicator: an outline or a box shadow that is not "none".
  const withoutIndicator: string[] = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible =
        (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return { visible, what: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ""}` };
    });
    if (!info) break;
    if (!info.visible) withoutIndicator.push(info.what);
  }
  expect(withoutIndicator).toEqual([]);
});
