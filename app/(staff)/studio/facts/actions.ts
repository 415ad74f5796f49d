"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { createFact, deleteFact, FactInput, FactKeySchema, FactUpdateInput, updateFact } from "@/lib/facts";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";

export type FactActionResult = { ok: true; message: string } | ActionFailure;

function articles(n: number): string {
  return n === 1 ? "1 articolo" : `${n} articoli`;
}

export async function createFactAction(raw: unknown): Promise<FactActionResult> {
  try {
    const editor = await requireRole("editor");
    const input = FactInput.parse(raw);
    const fact = createFact(input, editor);
    revalidatePath("/studio/facts");
    return { ok: true, message: `Creato {{fact.${fact.key}}}: ora puoi usarlo negli articoli.` };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function updateFactAction(key: unknown, raw: unknown): Promise<FactActionResult> {
  try {
    const editor = await requireRole("editor");
    const factKey = FactKeySchema.parse(key);
    const input = FactUpdateInput.parse(raw);
    const result = updateFact(factKey, input, editor);
    revalidatePath("/studio/facts");
    return {
      ok: true,
      message: !result.changed
        ? "Nessuna modifica da salvare."
        : result.reindexed === 0
          ? "Salvato. Nessun articolo usa questo fatto."
          : `Salvato. Reindicizzazione di ${articles(result.reindexed)} in corso: le risposte degli operatori mostrano già il nuovo valore.`,
    };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function deleteFactAction(key: unknown): Promise<FactActionResult> {
  try {
    const editor = await requireRole("editor");
    const factKey = FactKeySchema.parse(key);
    deleteFact(factKey, editor);
    revalidatePath("/studio/facts");
    return { ok: true, message: `Eliminato {{fact.${factKey}}}.` };
  } catch (error) {
    return toActionFailure(error);
  }
}
