"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ArticleMetaInput, createArticle } from "@/lib/articles";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";

const NewArticleInput = z.object({
  meta: ArticleMetaInput.pick({
    slug: true,
    locale: true,
    translationGroup: true,
    productSlug: true,
    categorySlug: true,
    visibility: true,
  }),
  title: z.string(),
  summary: z.string().default(""),
  body: z.string(),
});

/** Creates a draft (version 1) and opens it in the editor. */
export async function createArticleAction(raw: unknown): Promise<ActionFailure> {
  let id: number;
  try {
    const editor = await requireRole("editor");
    const input = NewArticleInput.parse(raw);
    const created = createArticle(
      { ...input.meta, status: "draft", tags: [], ownerEmail: editor.email, reviewBy: null },
      { title: input.title, summary: input.summary, body: input.body, changeNote: "Creato", answers: [] },
      editor,
    );
    id = created.article.id;
  } catch (error) {
    return toActionFailure(error);
  }
  redirect(`/studio/articles/${id}`);
}
