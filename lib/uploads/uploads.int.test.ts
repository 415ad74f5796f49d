import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth";
import { getDb, schema, type Upload } from "@/lib/db";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import {
  ATTACHMENT_MAX_BYTES,
  getUploadForServing,
  IMAGE_MAX_BYTES,
  isValidStoredName,
  markdownFor,
  presentUpload,
  type StoreUploadInput,
  storeUpload,
  uploadResponseHeaders,
  uploadsDir,
} from "@/lib/uploads";
import { HTML_PAGE, SVG_WITH_SCRIPT, tinyPdf, tinyPng } from "./test-files";

let env: ReturnType<typeof useTestEnvironment>;
let editor: { id: number };
let agent: SessionUser;
let publicArticleId: number;

beforeAll(() => {
  env = useTestEnvironment("uploads");
  seedTaxonomy();
  editor = insertTestUser("editor");
  const agentRow = insertTestUser("agent");
  agent = { id: agentRow.id, email: "agent@test.local", name: "Agente", role: "agent" };
  publicArticleId = makeArticle({ visibility: "public", status: "published" }).article.id;
});

afterAll(() => env.cleanup());

function png(overrides: Partial<StoreUploadInput> = {}): StoreUploadInput {
  return {
    bytes: tinyPng(),
    originalName: "modem.png",
    declaredType: "image/png",
    articleId: publicArticleId,
    ...overrides,
  };
}

/** The InvalidError a refused upload throws, for asserting its code and the `file` message. */
function refusal(input: StoreUploadInput): InvalidError {
  try {
    storeUpload(input, editor);
  } catch (error) {
    if (error instanceof InvalidError) return error;
    throw error;
  }
  throw new Error("the upload was accepted");
}

function uploadCount(): number {
  return getDb().select().from(schema.uploads).all().length;
}

/** Whatever is in the uploads folder: refused files must leave nothing, not even a temp file. */
function filesOnDisk(): string[] {
  return existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : [];
}

describe("storeUpload accepts", () => {
  it("a real PNG: stored under a random name in the data dir with its bytes, sha256 and row", () => {
    const bytes = tinyPng();
    const upload = storeUpload(png({ bytes }), editor);

    expect(isValidStoredName(upload.storedName)).toBe(true);
    expect(upload.storedName).toMatch(/^[A-Za-z0-9_-]{24}\.png$/);
    expect(upload).toMatchObject({
      originalName: "modem.png",
      mimeType: "image/png",
      size: bytes.length,
      articleId: publicArticleId,
      uploadedBy: editor.id,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    const path = join(env.dataDir, "uploads", upload.storedName);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(filesOnDisk().filter((f) => f.endsWith(".part"))).toEqual([]);

    const audit = getDb()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "upload.create"))
      .all()
      .find((a) => a.entityId === String(upload.id));
    expect(audit?.actorId).toBe(editor.id);

    expect(presentUpload(upload)).toEqual({
      url: `/uploads/${upload.storedName}`,
      markdown: `![modem](/uploads/${upload.storedName})`,
      name: "modem.png",
      size: bytes.length,
      mimeType: "image/png",
    });
  });

  it("a real PDF, answered with a link snippet", () => {
    const bytes = tinyPdf();
    const upload = storeUpload(
      {
        bytes,
        originalName: "Condizioni [2026].pdf",
        declaredType: "application/pdf",
        articleId: publicArticleId,
      },
      editor,
    );
    expect(upload.storedName).toMatch(/^[A-Za-z0-9_-]{24}\.pdf$/);
    expect(upload.mimeType).toBe("application/pdf");
    expect(readFileSync(join(uploadsDir(), upload.storedName)).equals(bytes)).toBe(true);
    expect(markdownFor(upload)).toBe(`[Condizioni \\[2026\\].pdf](/uploads/${upload.storedName})`);
  });

  it("JPEG, GIF and WebP by their signatures, and image/jpg as an alias of image/jpeg", () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]);
    const gif = Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(32)]);
    const webp = Buffer.concat([
      Buffer.from("RIFF"),
      Buffer.alloc(4),
      Buffer.from("WEBPVP8 "),
      Buffer.alloc(32),
    ]);
    expect(storeUpload(png({ bytes: jpeg, declaredType: "image/jpg" }), editor).storedName).toMatch(/\.jpg$/);
    expect(storeUpload(png({ bytes: gif, declaredType: "image/gif" }), editor).storedName).toMatch(/\.gif$/);
    expect(storeUpload(png({ bytes: webp, declaredType: "image/webp" }), editor).storedName).toMatch(
      /\.webp$/,
    );
  });

  it("an image of exactly the limit", () => {
    const bytes = Buffer.alloc(IMAGE_MAX_BYTES);
    tinyPng().copy(bytes);
    expect(storeUpload(png({ bytes }), editor).size).toBe(IMAGE_MAX_BYTES);
  });

  it("keeps a readable display name: no path, no control or bidi characters, at most 200 characters", () => {
    const sneaky = storeUpload(
      png({ originalName: "C:\\Users\\anna\\..\\../etc/foto\u202Egnp.exe\u0000\n.png" }),
      editor,
    );
    expect(sneaky.originalName).toBe("fotognp.exe .png");
    const long = storeUpload(png({ originalName: `${"à".repeat(300)}.png` }), editor);
    expect([...long.originalName]).toHaveLength(200);
    expect(storeUpload(png({ originalName: "../" }), editor).originalName).toBe("file");
  });
});

describe("storeUpload refuses", () => {
  it.each([
    [
      "an SVG declared as PNG",
      { bytes: SVG_WITH_SCRIPT, declaredType: "image/png" },
      "upload_svg_refused",
      /SVG/,
    ],
    [
      "an SVG declared as SVG",
      { bytes: SVG_WITH_SCRIPT, declaredType: "image/svg+xml" },
      "upload_svg_refused",
      /SVG/,
    ],
    ["an HTML page", { bytes: HTML_PAGE, declaredType: "text/html" }, "upload_html_refused", /HTML/],
    [
      "an HTML page declared as PNG",
      { bytes: HTML_PAGE, declaredType: "image/png" },
      "upload_html_refused",
      /HTML/,
    ],
    [
      "anything else",
      { bytes: Buffer.from("PK\u0003\u0004 a zip"), declaredType: "application/zip" },
      "upload_type_refused",
      /Tipo di file non ammesso/,
    ],
    ["an empty file", { bytes: Buffer.alloc(0) }, "upload_empty", /vuoto/],
    ["a PNG declared as JPEG", { declaredType: "image/jpeg" }, "upload_type_mismatch", /«image\/jpeg».*PNG/],
    ["a PNG with no declared type", { declaredType: "" }, "upload_type_mismatch", /nessun tipo/],
    [
      "a PDF declared as PNG",
      { bytes: tinyPdf(), declaredType: "image/png" },
      "upload_type_mismatch",
      /«image\/png».*PDF/,
    ],
  ] as const)("%s", (_name, overrides, code, message) => {
    const before = uploadCount();
    const filesBefore = filesOnDisk();
    const error = refusal(png(overrides));
    expect(error.code).toBe(code);
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.file?.[0]).toMatch(message);
    expect(uploadCount()).toBe(before);
    expect(filesOnDisk()).toEqual(filesBefore);
  });

  it("an image one byte over 5 MB, and a PDF one byte over 10 MB", () => {
    const image = Buffer.alloc(IMAGE_MAX_BYTES + 1);
    tinyPng().copy(image);
    const imageError = refusal(png({ bytes: image }));
    expect(imageError.code).toBe("upload_too_large");
    expect(imageError.fieldErrors?.file?.[0]).toMatch(/L'immagine è troppo grande.*5 MB/);

    const pdf = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    tinyPdf().copy(pdf);
    const pdfError = refusal(png({ bytes: pdf, declaredType: "application/pdf" }));
    expect(pdfError.code).toBe("upload_too_large");
    expect(pdfError.fieldErrors?.file?.[0]).toMatch(/10 MB/);
  });

  it("a file for an article that does not exist", () => {
    expect(() => storeUpload(png({ articleId: 999_999 }), editor)).toThrow(NotFoundError);
  });
});

describe("getUploadForServing", () => {
  function uploadFor(meta: Parameters<typeof makeArticle>[0]): Upload {
    const { article } = makeArticle(meta);
    return storeUpload(png({ articleId: article.id }), editor);
  }

  let publicUpload: Upload;
  let internalUpload: Upload;
  let draftUpload: Upload;
  let inReviewUpload: Upload;
  let archivedUpload: Upload;
  let unlinkedUpload: Upload;
  let publicPdf: Upload;

  beforeAll(() => {
    publicUpload = uploadFor({ visibility: "public", status: "published" });
    internalUpload = uploadFor({ visibility: "internal", status: "published" });
    draftUpload = uploadFor({ visibility: "public", status: "draft" });
    inReviewUpload = uploadFor({ visibility: "public", status: "in_review" });
    archivedUpload = uploadFor({ visibility: "public", status: "published" });
    // Archiving keeps the last published version id: visibility must still say no.
    getDb()
      .update(schema.articles)
      .set({ status: "archived" })
      .where(eq(schema.articles.id, archivedUpload.articleId ?? 0))
      .run();
    unlinkedUpload = uploadFor({ visibility: "public", status: "published" });
    // What `onDelete: "set null"` leaves behind when an article goes.
    getDb()
      .update(schema.uploads)
      .set({ articleId: null })
      .where(eq(schema.uploads.id, unlinkedUpload.id))
      .run();
    publicPdf = storeUpload(
      {
        bytes: tinyPdf(),
        originalName: "Listino è nuovo.pdf",
        declaredType: "application/pdf",
        articleId: publicArticleId,
      },
      editor,
    );
  });

  it("shows an anonymous viewer the upload of a public, published article, cacheable by anyone", () => {
    const served = getUploadForServing(publicUpload.storedName, null);
    expect(served).toMatchObject({
      path: join(env.dataDir, "uploads", publicUpload.storedName),
      mimeType: "image/png",
      size: publicUpload.size,
      originalName: "modem.png",
      isImage: true,
      isPublic: true,
    });
    expect(readFileSync(served?.path ?? "").equals(tinyPng())).toBe(true);
  });

  it.each([
    ["internal", () => internalUpload],
    ["draft", () => draftUpload],
    ["in review", () => inReviewUpload],
    ["archived", () => archivedUpload],
    ["unlinked", () => unlinkedUpload],
  ])("hides the upload of a %s article from anonymous viewers", (_name, upload) => {
    expect(getUploadForServing(upload().storedName, null)).toBeNull();
  });

  it("shows signed-in users every upload, as private", () => {
    for (const upload of [
      publicUpload,
      internalUpload,
      draftUpload,
      inReviewUpload,
      archivedUpload,
      unlinkedUpload,
    ]) {
      const served = getUploadForServing(upload.storedName, agent);
      expect(served?.size, upload.storedName).toBe(upload.size);
      expect(served?.isPublic).toBe(upload === publicUpload);
    }
  });

  it.each([
    "../secrets.json",
    "..%2Fsecrets.json",
    "../../uploads/x.png",
    "/etc/passwd",
    "sportello.db",
    "secrets.json",
    ".part",
    "AAAAAAAAAAAAAAAAAAAAAAAA.svg",
    "AAAAAAAAAAAAAAAAAAAAAAAA.PNG",
    "AAAAAAAAAAAAAAAAAAAAAAA/.png",
    "AAAAAAAAAAAAAAAAAAAAAAAA.png\u0000.txt",
    "AAAAAAAAAAAAAAAAAAAAAAAA.png",
  ])("refuses %j, even to a signed-in user", (name) => {
    expect(getUploadForServing(name, agent)).toBeNull();
    expect(getUploadForServing(name, null)).toBeNull();
  });

  it("refuses a stored name with a different extension than its own", () => {
    const other = publicUpload.storedName.replace(/\.png$/, ".pdf");
    expect(getUploadForServing(other, agent)).toBeNull();
  });

  it("treats a row whose file is gone as missing", () => {
    const lost = uploadFor({ visibility: "public", status: "published" });
    rmSync(join(uploadsDir(), lost.storedName));
    expect(getUploadForServing(lost.storedName, agent)).toBeNull();
  });

  it("serves with headers that keep the file inert: public image inline and cached, private PDF as download", () => {
    const image = getUploadForServing(publicUpload.storedName, null);
    if (!image) throw new Error("public upload not served");
    expect(uploadResponseHeaders(image)).toEqual({
      "Content-Type": "image/png",
      "Content-Length": String(publicUpload.size),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
      "Content-Disposition": "inline",
      "Cache-Control": "public, max-age=31536000, immutable",
      "Cross-Origin-Resource-Policy": "same-origin",
    });

    const internal = getUploadForServing(internalUpload.storedName, agent);
    if (!internal) throw new Error("internal upload not served to the agent");
    expect(uploadResponseHeaders(internal)["Cache-Control"]).toBe("private, no-store");

    const pdf = getUploadForServing(publicPdf.storedName, null);
    if (!pdf) throw new Error("public PDF not served");
    expect(pdf.isImage).toBe(false);
    expect(uploadResponseHeaders(pdf)["Content-Disposition"]).toBe(
      `attachment; filename="Listino _ nuovo.pdf"; filename*=UTF-8''Listino%20%C3%A8%20nuovo.pdf`,
    );
  });
});
