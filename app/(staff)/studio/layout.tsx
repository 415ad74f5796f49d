import type { ReactNode } from "react";
import { AppHeader } from "@/app/_components/app-header";
import { SubNav, type SubNavLink } from "@/app/_components/sub-nav";
import { requirePageRole } from "@/lib/auth";

export const dynamic = "force-dynamic";

const STUDIO_LINKS: SubNavLink[] = [
  { href: "/studio", label: "Articoli" },
  { href: "/studio/articles/new", label: "Nuovo articolo" },
  { href: "/studio/parity", label: "Parità canali" },
  { href: "/studio/review-due", label: "Scadenze revisione" },
  { href: "/studio/facts", label: "Fatti" },
  { href: "/studio/taxonomy", label: "Prodotti, categorie e tag" },
  { href: "/studio/portal", label: "Feedback portale" },
  { href: "/studio/analytics", label: "Statistiche d'uso" },
  { href: "/studio/health", label: "Salute dei contenuti" },
];

export default async function StudioLayout({ children }: { children: ReactNode }) {
  // Each page and server action below checks the role again: a layout alone protects nothing.
  const user = await requirePageRole("editor", "/studio");
  return (
    <>
      <AppHeader user={user} current="studio" />
      <SubNav label="Studio" links={STUDIO_LINKS} />
      <main id="main">{children}</main>
    </>
  );
}
