import { expect, type Page, test } from "@playwright/test";
import { SVG_WITH_SCRIPT, tinyPdf, tinyPng } from "../lib/uploads/test-files";
import { signIn } from "./pages/login";
import { ArticleEditor } from "./pages/studio";

// Uploads go through the editor's UploadButton (label "Carica immagine o allegato"); nothing is saved, so the
// demo articles other tests read stay as they are. Only the upload rows and files remain, in .e2e-data/.

async function openInStudio(page: Page, title: RegExp): Promise<ArticleEditor> {
  await signIn(page, "editor", "/studio");
  const editor = new ArticleEditor(page);
  await editor.openFromList(title);
  return editor;
}

/** The `/uploads/…` URL the last snippet in the body points to. */
async function lastUploadUrl(page: Page): Promise<string> {
  const body = await page.getByLabel("Testo (Markdown)").inputValue();
  const urls = [...body.matchAll(/\]\((\/uploads\/[A-Za-z0-9_-]{24}\.[a-z]+)\)/g)].map((m) => m[1]);
  const url = urls.at(-1);
  if (!url) throw new Error("no upload snippet in the body");
  return url;
}

test("an editor adds an image to an internal article; strangers get 404, signed-in users the inert file", async ({
  page,
  playwright,
}) => {
  const { body } = await openInStudio(page, /Verifica dell'identità del cliente/);
  const before = await body.inputValue();

  const png = tinyPng();
  await page
    .getByLabel("Carica immagine o allegato")
    .setInputFiles({ name: "schema-verifica.png", mimeType: "image/png", buffer: png });
  await expect(page.getByRole("status").filter({ hasText: "Caricato «schema-verifica.png»" })).toBeVisible();
  await expect(body).toHaveValue(/!\[schema-verifica\]\(\/uploads\/[A-Za-z0-9_-]{24}\.png\)/);
  expect(await body.inputValue()).toContain(before.trim().slice(0, 40));
  const url = await lastUploadUrl(page);

  // The editor's browser session sees it, with headers that keep it inert and out of shared caches.
  const own = await page.request.get(url);
  expect(own.status()).toBe(200);
  expect(Buffer.from(await own.body()).equals(png)).toBe(true);
  const headers = own.headers();
  expect(headers["content-type"]).toBe("image/png");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // next.config.js headers() wins over a route handler's header of the same name (Next 16), so this needs the
  // `/uploads/:name` rule there that restates the upload CSP.
  expect(headers["content-security-policy"]).toBe("default-src 'none'; img-src 'self'; sandbox");
  expect(headers["content-disposition"]).toBe("inline");
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["cross-origin-resource-policy"]).toBe("same-origin");

  // A stranger (no cookies) is told nothing: 404, as for a name that never existed.
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const hidden = await anonymous.get(url);
  expect(hidden.status()).toBe(404);
  expect(await hidden.text()).not.toContain("schema-verifica");
  expect((await anonymous.get("/uploads/..%2Fsecrets.json")).status()).toBe(404);
  await anonymous.dispose();
});

test("a PDF on a public article downloads for anyone; an SVG is refused with a clear message", async ({
  page,
  playwright,
}) => {
  const { body } = await openInStudio(page, /La fibra non funziona/);
  const upload = page.getByLabel("Carica immagine o allegato");

  await upload.setInputFiles({ name: "disegno.svg", mimeType: "image/svg+xml", buffer: SVG_WITH_SCRIPT });
  await expect(page.getByRole("alert").filter({ hasText: "SVG" })).toBeVisible();
  await expect(body).not.toHaveValue(/disegno/);

  await upload.setInputFiles({
    name: "Guida modem è nuova.pdf",
    mimeType: "application/pdf",
    buffer: tinyPdf(),
  });
  await expect(body).toHaveValue(/\[Guida modem è nuova\.pdf\]\(\/uploads\/[A-Za-z0-9_-]{24}\.pdf\)/);
  const url = await lastUploadUrl(page);

  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const res = await anonymous.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toBe(
    `attachment; filename="Guida modem _ nuova.pdf"; filename*=UTF-8''Guida%20modem%20%C3%A8%20nuova.pdf`,
  );
  expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  await anonymous.dispose();
});

test("an anonymous POST to /api/uploads is refused", async ({ request }) => {
  const res = await request.post("/api/uploads", {
    multipart: { articleId: "1", file: { name: "x.png", mimeType: "image/png", buffer: tinyPng() } },
  });
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
});
