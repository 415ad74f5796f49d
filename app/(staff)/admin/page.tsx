import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Amministrazione" };

export default async function AdminPage() {
  await requirePageRole("admin", "/admin");
  return (
    <>
      <h1>Amministrazione</h1>
      <div className="grid">
        <Link href="/admin/settings" className="card">
          <strong>Impostazioni</strong>
          <p className="muted">Regole del flusso di revisione e pubblicazione.</p>
        </Link>
        <Link href="/admin/branding" className="card">
          <strong>Aspetto del portale</strong>
          <p className="muted">Nome, logo, colori e link a piè di pagina del centro assistenza pubblico.</p>
        </Link>
        <Link href="/admin/audit" className="card">
          <strong>Registro attività</strong>
          <p className="muted">Chi ha fatto cosa: pubblicazioni, revisioni, archiviazioni, impostazioni.</p>
        </Link>
      </div>
    </>
  );
}
