"use server";

import { revalidatePath } from "next/cache";
import { SaveArticleInput, saveArticleVersion } from "@/lib/articles";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";

export type SaveArticleResult =
  | { ok: true; versionId: number; versionNumber: number; published: boolean }
  | ActionFailure;

/** Saves a new version (and publishes it when asked). Role first, then parsing: nothing is parsed for a stranger. */
export async function saveArticleAction(raw: unknown): Promise<SaveArticleResult> {
  try {
    const editor = await requireRole("editor");
    const input = SaveArticleInput.parse(raw);
    const saved = saveArticleVersion(input, editor);
    revalidatePath("/studio");
    return {
      ok: true,
      versionId: saved.version.id,
      versionNumber: saved.version.number,
      published: saved.published,
    };
  } catch (error) {
    return toActionFailure(error);
  }
}
