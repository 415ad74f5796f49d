"use server";

import { revalidatePath } from "next/cache";
import { EditArticleInput, saveArticleEdit } from "@/lib/articles";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";
import { assertMayPublishDirectly } from "@/lib/workflow";

export type SaveArticleResult =
  | {
      ok: true;
      versionId: number | null;
      versionNumber: number | null;
      published: boolean;
      metaChanged: boolean;
    }
  | ActionFailure;

/**
 * Saves metadata and, when the content changed, a new version (published when asked). Role first, then parsing:
 * nothing is parsed for a stranger. Failures come back as data so the form keeps every character the editor typed.
 */
export async function saveArticleAction(raw: unknown): Promise<SaveArticleResult> {
  try {
    const editor = await requireRole("editor");
    const input = EditArticleInput.parse(raw);
    // With the distinct-approver rule on, publishing straight from the editor is an admin's emergency path only.
    if (input.publish) assertMayPublishDirectly(editor, editor.id);
    const saved = saveArticleEdit(input, editor);
    revalidatePath("/studio");
    return {
      ok: true,
      versionId: saved.version?.id ?? null,
      versionNumber: saved.version?.number ?? null,
      published: saved.published,
      metaChanged: saved.metaChanged,
    };
  } catch (error) {
    return toActionFailure(error);
  }
}
