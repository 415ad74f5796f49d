"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { type BrandingFormValues, getBrandingFormValues, resetBranding, saveBranding } from "@/lib/branding";
import { type ActionFailure, toActionFailure } from "@/lib/http/action-result";

export type BrandingActionResult =
  | { ok: true; changed: boolean; branding: BrandingFormValues }
  | ActionFailure;

const LinkRow = z.object({ labelIt: z.string(), labelEn: z.string(), url: z.string() });

/**
 * The form's shape only: strings, the rows of links as JSON, the logo file. What the values may be is
 * lib/branding's to say, in one pass, so the admin sees every problem at once.
 */
const BrandingFormData = z.object({
  nameIt: z.string(),
  nameEn: z.string(),
  primaryColor: z.string(),
  accentColor: z.string(),
  footerLinks: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Elenco dei link illeggibile." });
        return z.NEVER;
      }
    })
    .pipe(z.array(LinkRow).max(50)),
  logoAction: z.enum(["keep", "remove", "replace"]),
  logo: z.instanceof(File).optional(),
});

/**
 * Every portal page is cached whole (ISR): each is rendered again with the branding now stored. Also after a save
 * that changed nothing, so saving is the admin's way to refresh a portal that looks out of date.
 */
function refreshPortal() {
  revalidatePath("/", "layout");
}

const field = (form: FormData, key: string) => form.get(key) ?? undefined;

export async function saveBrandingAction(form: FormData): Promise<BrandingActionResult> {
  try {
    const admin = await requireRole("admin");
    const input = BrandingFormData.parse({
      nameIt: field(form, "nameIt"),
      nameEn: field(form, "nameEn"),
      primaryColor: field(form, "primaryColor"),
      accentColor: field(form, "accentColor"),
      footerLinks: field(form, "footerLinks"),
      logoAction: field(form, "logoAction"),
      logo: field(form, "logo"),
    });
    if (input.logoAction === "replace" && !input.logo) {
      return {
        ok: false,
        formError: "Alcuni campi non sono validi.",
        fieldErrors: { logo: ["Scegli un file."] },
      };
    }
    const changed = saveBranding(
      {
        name: { it: input.nameIt, en: input.nameEn },
        primaryColor: input.primaryColor,
        accentColor: input.accentColor,
        footerLinks: input.footerLinks,
        logo:
          input.logoAction === "replace" && input.logo
            ? { action: "replace", bytes: new Uint8Array(await input.logo.arrayBuffer()) }
            : { action: input.logoAction === "remove" ? "remove" : "keep" },
      },
      admin,
    );
    refreshPortal();
    return { ok: true, changed, branding: getBrandingFormValues() };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function resetBrandingAction(): Promise<BrandingActionResult> {
  try {
    const admin = await requireRole("admin");
    const changed = resetBranding(admin);
    refreshPortal();
    return { ok: true, changed, branding: getBrandingFormValues() };
  } catch (error) {
    return toActionFailure(error);
  }
}
