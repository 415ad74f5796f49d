import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditActions, listAuditLog } from "@/lib/audit";
import { getDb, schema } from "@/lib/db";
import { InvalidError } from "@/lib/errors";
import {
  getSettings,
  getSettingValues,
  resetSettings,
  type SettingsPatchInput,
  updateSettings,
} from "@/lib/settings";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";

const count = (table: string) =>
  (getDb().$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

describe("settings", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let admin: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("settings");
    admin = insertTestUser("admin");
  });
  afterAll(() => env.cleanup());

  it("defaults on a fresh database, with no row written", () => {
    expect(getSettings()).toEqual({
      requireDistinctApprover: false,
      portalName: { it: "Centro assistenza" },
      portalLogo: null,
      portalPrimaryColor: "#0b5fff",
      portalAccentColor: "#0b5fff",
      portalFooterLinks: [],
      analyticsRetentionDays: 90,
    });
    expect(count("settings")).toBe(0);
  });

  it("keeps usage events at least 7 whole days", () => {
    expect(() => updateSettings({ analyticsRetentionDays: 6 }, admin)).toThrow();
    expect(() => updateSettings({ analyticsRetentionDays: 30.5 }, admin)).toThrow();
    updateSettings({ analyticsRetentionDays: 7 }, admin);
    expect(getSettingValues(["analyticsRetentionDays"])).toEqual({ analyticsRetentionDays: 7 });
    resetSettings(["analyticsRetentionDays"], admin);
  });

  it("changes only the keys a patch names: the others keep their stored value", () => {
    updateSettings({ portalPrimaryColor: "#7a1f5c" }, admin);
    updateSettings({ requireDistinctApprover: true }, admin);
    expect(getSettings()).toMatchObject({ requireDistinctApprover: true, portalPrimaryColor: "#7a1f5c" });
    expect(getSettingValues(["portalPrimaryColor"])).toEqual({ portalPrimaryColor: "#7a1f5c" });
    resetSettings(["portalPrimaryColor", "requireDistinctApprover"], admin);
    expect(getSettings()).toMatchObject({ requireDistinctApprover: false, portalPrimaryColor: "#0b5fff" });
    expect(count("settings")).toBe(0);
  });

  it("updates a setting and audits the old and new value", () => {
    const result = updateSettings({ requireDistinctApprover: true }, admin);
    expect(result.settings.requireDistinctApprover).toBe(true);
    expect(result.changed).toEqual({ requireDistinctApprover: { from: false, to: true } });
    expect(getSettings().requireDistinctApprover).toBe(true);

    const [entry] = listAuditLog({ action: "settings.update" });
    expect(entry).toMatchObject({
      action: "settings.update",
      actorId: admin.id,
      actorName: "Test admin",
      entityType: "settings",
      details: { requireDistinctApprover: { from: false, to: true } },
    });
    expect(entry?.at).toBeInstanceOf(Date);

    updateSettings({ requireDistinctApprover: false }, admin);
    expect(getSettings().requireDistinctApprover).toBe(false);
    expect(listAuditLog({ action: "settings.update" })[0]?.details).toEqual({
      requireDistinctApprover: { from: true, to: false },
    });
  });

  it("writes nothing when nothing changes", () => {
    const audits = count("audit_log");
    expect(updateSettings({ requireDistinctApprover: false }, admin).changed).toEqual({});
    expect(updateSettings({}, admin).changed).toEqual({});
    expect(count("audit_log")).toBe(audits);
  });

  it("refuses unknown keys and wrong types, and writes nothing", () => {
    const audits = count("audit_log");
    for (const patch of [{ requireDistinctApprover: "yes" }, { somethingElse: true }]) {
      expect(() => updateSettings(patch as unknown as SettingsPatchInput, admin)).toThrow(InvalidError);
    }
    expect(count("audit_log")).toBe(audits);
    expect(getSettings().requireDistinctApprover).toBe(false);
  });

  it("falls back to the default when a stored value cannot be read", () => {
    getDb()
      .insert(schema.settings)
      .values({ key: "requireDistinctApprover", value: "forse" })
      .onConflictDoUpdate({ target: schema.settings.key, set: { value: "forse" } })
      .run();
    expect(getSettings().requireDistinctApprover).toBe(false);
    updateSettings({ requireDistinctApprover: true }, admin);
    expect(getSettings().requireDistinctApprover).toBe(true);
  });

  it("lists the audit log newest first, filtered by action, with the action types present", () => {
    const all = listAuditLog();
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    expect(listAuditActions()).toContain("settings.update");
    expect(listAuditLog({ action: "article.publish" })).toEqual([]);
    expect(listAuditLog({ limit: 1 })).toHaveLength(1);
  });
});
