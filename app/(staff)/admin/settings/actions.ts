"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";
import { type Settings, SettingsPatchInput, updateSettings } from "@/lib/settings";

/** The settings this page edits; the portal's branding has its own page and stays out of this answer. */
export type PageSettings = Pick<Settings, "requireDistinctApprover" | "analyticsRetentionDays">;

/** Only this page's keys: the branding is saved by /admin/branding, which also refreshes the portal. */
const PageSettingsInput = SettingsPatchInput.pick({
  requireDistinctApprover: true,
  analyticsRetentionDays: true,
});

export type SaveSettingsResult = { ok: true; settings: PageSettings; changed: boolean } | ActionFailure;

export async function saveSettingsAction(raw: unknown): Promise<SaveSettingsResult> {
  try {
    const admin = await requireRole("admin");
    const patch = PageSettingsInput.parse(raw);
    const { settings, changed } = updateSettings(patch, admin);
    // The studio's panels and queue offer actions according to these settings.
    revalidatePath("/admin", "layout");
    revalidatePath("/studio", "layout");
    return {
      ok: true,
      settings: {
        requireDistinctApprover: settings.requireDistinctApprover,
        analyticsRetentionDays: settings.analyticsRetentionDays,
      },
      changed: Object.keys(changed).length > 0,
    };
  } catch (error) {
    return toActionFailure(error);
  }
}
