"use server";

import { revalidatePath } from "next/cache";
import {
  type ApiKeyScope,
  CreateApiKeyInput,
  createApiKey,
  RevokeApiKeyInput,
  revokeApiKey,
} from "@/lib/apikeys";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";

export type CreateApiKeyResult =
  | { ok: true; key: { id: number; name: string; scope: ApiKeyScope; prefix: string }; secret: string }
  | ActionFailure;

/** The secret is in this answer only: it is stored as a hash and cannot be shown again. */
export async function createApiKeyAction(raw: unknown): Promise<CreateApiKeyResult> {
  try {
    const admin = await requireRole("admin");
    const input = CreateApiKeyInput.parse(raw);
    const { key, secret } = createApiKey(input, admin);
    revalidatePath("/admin/api-keys");
    return { ok: true, key: { id: key.id, name: key.name, scope: key.scope, prefix: key.prefix }, secret };
  } catch (error) {
    return toActionFailure(error);
  }
}

export type RevokeApiKeyResult = { ok: true } | ActionFailure;

export async function revokeApiKeyAction(raw: unknown): Promise<RevokeApiKeyResult> {
  try {
    const admin = await requireRole("admin");
    const { id } = RevokeApiKeyInput.parse(raw);
    revokeApiKey(id, admin);
    revalidatePath("/admin/api-keys");
    return { ok: true };
  } catch (error) {
    return toActionFailure(error);
  }
}
