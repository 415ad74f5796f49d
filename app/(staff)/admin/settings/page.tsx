import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth";
import { getSettingValues } from "@/lib/settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Impostazioni" };

export default async function SettingsPage() {
  await requirePageRole("admin", "/admin/settings");
  return (
    <>
      <h1>Impostazioni</h1>
      <SettingsForm initial={getSettingValues(["requireDistinctApprover", "analyticsRetentionDays"])} />
    </>
  );
}
