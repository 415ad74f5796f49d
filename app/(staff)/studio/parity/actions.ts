"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { ResolveFlagInput, resolveFlag } from "@/lib/flags";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";

export type ResolveFlagResult = { ok: true } | ActionFailure;

/** Marks an agent's flag handled. Role first, then parsing: nothing is parsed for a stranger. */
export async function resolveFlagAction(raw: unknown): Promise<ResolveFlagResult> {
  try {
    const editor = await requireRole("editor");
    const { flagId } = ResolveFlagInput.parse(raw);
    resolveFlag(flagId, editor);
    revalidatePath("/studio/parity");
    revalidatePath("/studio");
    return { ok: true };
  } catch (error) {
    return toActionFailure(error);
  }
}
