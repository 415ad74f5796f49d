import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth";
import { BRANDING_LIMITS, formatRatio, getBrandingFormValues } from "@/lib/branding";
import { getMessages } from "@/lib/i18n";
import { BrandingForm } from "./branding-form";

export const metadata: Metadata = { title: "Aspetto del portale" };

export default async function BrandingPage() {
  await requirePageRole("admin", "/admin/branding");
  return (
    <>
      <h1>Aspetto del portale</h1>
      <p className="muted">
        Nome, logo, colori e link a piè di pagina del centro assistenza pubblico. Le modifiche compaiono su
        tutte le pagine del portale appena salvate. Il colore primario colora link e pulsanti: deve avere un
        contrasto di almeno {formatRatio(BRANDING_LIMITS.minContrast)} con il bianco perché i testi restino
        leggibili (WCAG 2.2 AA).
      </p>
      <BrandingForm initial={getBrandingFormValues()} englishFallback={getMessages("en").meta.siteName} />
    </>
  );
}
