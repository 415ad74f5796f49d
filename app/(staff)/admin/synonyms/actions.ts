"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";
import { resetSynonyms, saveSynonyms } from "@/lib/search";
import { SYNONYM_LIMITS, type SynonymGroups, SynonymGroupTextInput } from "@/lib/settings";

export type SynonymsActionResult = { ok: true; groups: SynonymGroups; indexUpdated: boolean } | ActionFailure;

const RowsInput = z
  .array(z.string())
  .max(SYNONYM_LIMITS.groupsMax, `Al massimo ${SYNONYM_LIMITS.groupsMax} gruppi`);

function done(result: {
  groups: SynonymGroups;
  indexUpdated: boolean;
  error?: string;
}): SynonymsActionResult {
  if (result.error) console.error(`[synonyms] saved, but Meilisearch was not updated: ${result.error}`);
  revalidatePath("/admin/synonyms");
  return { ok: true, groups: result.groups, indexUpdated: result.indexUpdated };
}

/** The whole list, one "term, term, term" string per group; blank rows are ignored. Errors are keyed `groups.N`. */
export async function saveSynonymsAction(raw: unknown): Promise<SynonymsActionResult> {
  try {
    const admin = await requireRole("admin");
    const rows = RowsInput.parse(raw);
    const groups: string[][] = [];
    const fieldErrors: Record<string, string[]> = {};
    rows.forEach((text, i) => {
      if (text.trim() === "") return;
      const parsed = SynonymGroupTextInput.safeParse(text);
      if (parsed.success) groups.push(parsed.data);
      else fieldErrors[`groups.${i}`] = [...new Set(parsed.error.issues.map((issue) => issue.message))];
    });
    if (Object.keys(fieldErrors).length > 0) {
      return { ok: false, formError: "Alcuni gruppi non sono validi: nulla è stato salvato.", fieldErrors };
    }
    return done(await saveSynonyms(groups, admin));
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function resetSynonymsAction(): Promise<SynonymsActionResult> {
  try {
    const admin = await requireRole("admin");
    return done(await resetSynonyms(admin));
  } catch (error) {
    return toActionFailure(error);
  }
}
