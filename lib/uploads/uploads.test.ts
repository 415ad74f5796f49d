import { describe, expect, it } from "vitest";
import { DomainError, ForbiddenError, InvalidError } from "@/lib/errors";
import { markdownFor } from "./markdown";
import { contentDisposition, sanitizeOriginalName } from "./names";
import { PayloadTooLargeError, readUploadForm } from "./request";
import { MAX_REQUEST_BYTES, UPLOAD_ACCEPT } from "./rules";
import { normalizeMimeType, sniffType } from "./sniff";
import { HTML_PAGE, SVG_WITH_SCRIPT, tinyPdf, tinyPng } from "./test-files";

const NAME = "AbCdEfGhIjKlMnOpQrStUv-_";

describe("sniffType", () => {
  it("reads the type from the first bytes", () => {
    expect(sniffType(tinyPng())).toMatchObject({ ok: true, type: { mimeType: "image/png", ext: "png" } });
    expect(sniffType(tinyPdf())).toMatchObject({
      ok: true,
      type: { mimeType: "application/pdf", ext: "pdf" },
    });
    expect(sniffType(Buffer.from("GIF87a..."))).toMatchObject({ ok: true, type: { mimeType: "image/gif" } });
  });

  it("names SVG and HTML, whatever whitespace or BOM comes first", () => {
    expect(sniffType(SVG_WITH_SCRIPT)).toEqual({ ok: false, looksLike: "svg" });
    expect(sniffType(Buffer.from("  <svg/>"))).toEqual({ ok: false, looksLike: "svg" });
    expect(sniffType(HTML_PAGE)).toEqual({ ok: false, looksLike: "html" });
    expect(sniffType(Buffer.from("<script>alert(1)</script>"))).toEqual({ ok: false, looksLike: "html" });
  });

  it("refuses truncated signatures and a RIFF that is not WebP", () => {
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e]))).toEqual({ ok: false, looksLike: "unknown" });
    expect(sniffType(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toEqual({ ok: false, looksLike: "unknown" });
    expect(sniffType(Buffer.alloc(0))).toEqual({ ok: false, looksLike: "unknown" });
  });

  it("normalizes declared types", () => {
    expect(normalizeMimeType(" Image/JPG; q=1")).toBe("image/jpeg");
    expect(normalizeMimeType("application/x-pdf")).toBe("application/pdf");
    expect(normalizeMimeType("")).toBe("");
  });
});

describe("names and snippets", () => {
  it("sanitizes display names", () => {
    expect(sanitizeOriginalName("/tmp/a\tb\r\nc.png")).toBe("a b c.png");
    expect(sanitizeOriginalName("\u200Bx\u202E.png")).toBe("x.png");
    expect(sanitizeOriginalName("..")).toBe("file");
  });

  it("keeps file names plain text in Markdown", () => {
    expect(
      markdownFor({ storedName: `${NAME}.png`, originalName: "a*b_[c]!.png", mimeType: "image/png" }),
    ).toBe(`![a\\*b\\_\\[c\\]\\!](/uploads/${NAME}.png)`);
    expect(
      markdownFor({ storedName: `${NAME}.pdf`, originalName: "Guida.pdf", mimeType: "application/pdf" }),
    ).toBe(`[Guida.pdf](/uploads/${NAME}.pdf)`);
  });

  it("encodes download names for every client", () => {
    expect(contentDisposition("inline", "x.png")).toBe("inline");
    expect(contentDisposition("attachment", `l'"offerta" (100%).pdf`)).toBe(
      `attachment; filename="l'_offerta_ (100_).pdf"; filename*=UTF-8''l%27%22offerta%22%20%28100%25%29.pdf`,
    );
  });

  it("offers the picker the same types the server accepts", () => {
    expect(UPLOAD_ACCEPT.split(",")).toEqual(
      expect.arrayContaining([".png", ".jpg", ".pdf", "image/webp", "application/pdf"]),
    );
    expect(UPLOAD_ACCEPT).not.toMatch(/svg|html/);
  });
});

describe("readUploadForm", () => {
  const URL_ = "http://localhost:3000/api/uploads";

  function formRequest(form: FormData, headers: Record<string, string> = {}): Request {
    return new Request(URL_, { method: "POST", body: form, headers: { host: "localhost:3000", ...headers } });
  }

  function validForm(): FormData {
    const form = new FormData();
    form.append("articleId", "42");
    form.append("file", new File([new Uint8Array(tinyPng())], "modem.png", { type: "image/png" }));
    return form;
  }

  async function failure(request: Request): Promise<DomainError> {
    try {
      await readUploadForm(request);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error("the form was accepted");
  }

  it("returns the file with its name and declared type, and the article id", async () => {
    const { file, articleId } = await readUploadForm(formRequest(validForm()));
    expect(articleId).toBe(42);
    expect(file.name).toBe("modem.png");
    expect(file.type).toBe("image/png");
    expect(Buffer.from(await file.arrayBuffer()).equals(tinyPng())).toBe(true);
  });

  it("refuses with 413 before reading when Content-Length is over the cap", async () => {
    const body = new ReadableStream({ pull: () => {} });
    const request = new Request(URL_, {
      method: "POST",
      body,
      duplex: "half",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(MAX_REQUEST_BYTES + 1),
      },
    } as RequestInit);
    const error = await failure(request);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect(error.status).toBe(413);
    expect(error.fieldErrors?.file?.[0]).toMatch(/10 MB/);
    // Refused on the header alone: the body was never read.
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses with 413 a body without Content-Length once it passes the cap", async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
        // Never ends by itself: reading must stop at the cap.
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    } as RequestInit);
    const error = await failure(request);
    expect(error.status).toBe(413);
    expect(sent).toBeLessThanOrEqual(MAX_REQUEST_BYTES + 3 * chunk.length);
  });

  it("refuses a cross-site post", async () => {
    const error = await failure(formRequest(validForm(), { origin: "https://evil.example" }));
    expect(error).toBeInstanceOf(ForbiddenError);
    await expect(
      readUploadForm(formRequest(validForm(), { origin: "http://localhost:3000" })),
    ).resolves.toBeDefined();
  });

  it("asks for a file and a valid article", async () => {
    const noFile = new FormData();
    noFile.append("articleId", "1");
    const error = await failure(formRequest(noFile));
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.fieldErrors?.file).toEqual(["Scegli un file."]);

    const json = new Request(URL_, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect((await failure(json)).status).toBe(422);

    const badArticle = validForm();
    badArticle.set("articleId", "abc");
    await expect(readUploadForm(formRequest(badArticle))).rejects.toThrow();
  });
});
