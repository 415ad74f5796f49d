import { requireRole } from "@/lib/auth";
import { withProblems } from "@/lib/http/problems";
import { presentUpload, readUploadForm, storeUpload } from "@/lib/uploads";

export const dynamic = "force-dynamic";

/** POST /api/uploads (multipart: `file`, `articleId`) → 201 {url, markdown, name, size, mimeType}. Editors only. */
export const POST = withProblems(async (request: Request) => {
  const editor = await requireRole("editor");
  // Reads the body with a size cap: 413 before buffering anything larger than the largest allowed file.
  const { file, articleId } = await readUploadForm(request);
  const upload = storeUpload(
    {
      bytes: Buffer.from(await file.arrayBuffer()),
      originalName: file.name,
      declaredType: file.type,
      articleId,
    },
    editor,
  );
  return Response.json(presentUpload(upload), { status: 201, headers: { "Cache-Control": "no-store" } });
});
