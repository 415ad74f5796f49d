import { getSessionUser } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import { withProblems } from "@/lib/http/problems";
import {
  getUploadForServing,
  openUploadStream,
  type ServableUpload,
  uploadResponseHeaders,
} from "@/lib/uploads";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

/** Anyone when the article is public and published, signed-in users otherwise; 404 (never 403) for the rest. */
async function findUpload({ params }: Context): Promise<ServableUpload> {
  const viewer = await getSessionUser();
  const upload = getUploadForServing((await params).name, viewer);
  if (!upload) throw new NotFoundError("upload_not_found", "File non trovato.");
  return upload;
}

/** GET /uploads/<storedName>: the file, streamed, with headers that keep it inert (lib/uploads/serve.ts). */
export const GET = withProblems(async (_request: Request, context: Context) => {
  const upload = await findUpload(context);
  return new Response(openUploadStream(upload), { headers: uploadResponseHeaders(upload) });
});

// Explicit, so a HEAD does not open a file stream that no one reads (Next would otherwise answer it with GET).
export const HEAD = withProblems(async (_request: Request, context: Context) => {
  const upload = await findUpload(context);
  return new Response(null, { headers: uploadResponseHeaders(upload) });
});
