import Link from "next/link";
import type { ReactNode } from "react";

export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Centro assistenza
        </Link>
        <nav aria-label="Portale" />
        <Link href="/login" className="who">
          Area operatori
        </Link>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
