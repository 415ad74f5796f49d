import { getPublishedArticle, presentArticle, SlugSchema } from "@/lib/articles";
import { requireRole } from "@/lib/auth";
import type { ConsoleArticle } from "@/lib/console";
import { NotFoundError } from "@/lib/errors";
import { getFactMap } from "@/lib/facts";
import { withProblems } from "@/lib/http/problems";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The agent console's answer panel: GET /api/agent/articles/[slug] → the published article, internal view. */
export const GET = withProblems(async (_request: Request, context: Context) => {
  await requireRole("agent");
  const slug = SlugSchema.parse((await context.params).slug);
  const bundle = getPublishedArticle(slug, "internal");
  if (!bundle) throw new NotFoundError("article_not_found", "Articolo non trovato");
  const article = presentArticle(bundle, "internal", getFactMap());
  const body: ConsoleArticle = {
    id: article.id,
    slug: article.slug,
    locale: article.locale,
    visibility: article.visibility,
    title: article.title,
    summary: article.summary,
    html: article.html,
    product: article.product,
    category: article.category,
    versionId: bundle.version.id,
    versionNumber: article.versionNumber,
    answers: article.answers,
  };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
});
