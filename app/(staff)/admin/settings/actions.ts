"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";
import { type Settings, SettingsPatchInput, updateSettings } from "@/lib/settings";

export type SaveSettingsResult = { ok: true; settings: Settings; changed: boolean } | ActionFailure;

export async function saveSettingsAction(raw: unknown): Promise<SaveSettingsResult> {
  try {
    const admin = await requireRole("admin");
    const patch = SettingsPatchInput.parse(raw);
    const { settings, changed } = updateSettings(patch, admin);
    // The studio's panels and queue offer actions according to these settings.
    revalidatePath("/admin", "layout");
    revalidatePath("/studio", "layout");
    return { ok: true, settings, changed: Object.keys(changed).length > 0 };
  } catch (error) {
    return toActionFailure(error);
  }
}
