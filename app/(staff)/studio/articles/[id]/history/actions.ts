"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";
import { RestoreVersionInput, restoreVersion } from "@/lib/versions";

export type RestoreVersionResult =
  | { ok: true; versionId: number; versionNumber: number; restoredFromNumber: number }
  | ActionFailure;

/** Restores an old version as a new draft. Role first, then parsing: nothing is parsed for a stranger. */
export async function restoreVersionAction(raw: unknown): Promise<RestoreVersionResult> {
  try {
    const editor = await requireRole("editor");
    const input = RestoreVersionInput.parse(raw);
    const restored = restoreVersion(input, editor);
    revalidatePath("/studio");
    revalidatePath(`/studio/articles/${input.articleId}`, "layout");
    return {
      ok: true,
      versionId: restored.version.id,
      versionNumber: restored.version.number,
      restoredFromNumber: restored.restoredFrom.number,
    };
  } catch (error) {
    return toActionFailure(error);
  }
}
