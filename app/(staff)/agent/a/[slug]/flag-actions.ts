"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { FlagArticleInput, flagArticle } from "@/lib/flags";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";

export type FlagArticleResult = { ok: true; flagId: number } | ActionFailure;

/** Files an agent's flag ("outdated or wrong"). Any signed-in role may flag; editors see it in the parity report. */
export async function flagArticleAction(raw: unknown): Promise<FlagArticleResult> {
  try {
    const agent = await requireRole("agent");
    const input = FlagArticleInput.parse(raw);
    const flag = flagArticle(input, agent);
    revalidatePath("/studio/parity");
    revalidatePath("/studio");
    return { ok: true, flagId: flag.id };
  } catch (error) {
    return toActionFailure(error);
  }
}
