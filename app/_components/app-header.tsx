import Link from "next/link";
import type { SessionUser } from "@/lib/auth";
import { roleAtLeast } from "@/lib/auth/users";
import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL = { admin: "Amministratore", editor: "Editor", agent: "Operatore" } as const;

/** Header of the signed-in areas; links follow the role, but every page checks the role again on the server. */
export function AppHeader({ user, current }: { user: SessionUser; current: "agent" | "studio" }) {
  return (
    <header className="topbar">
      <Link href={current === "agent" ? "/agent" : "/studio"} className="brand">
        Sportello
      </Link>
      <nav aria-label="Aree">
        <Link href="/agent" aria-current={current === "agent" ? "page" : undefined}>
          Console operatori
        </Link>
        {roleAtLeast(user.role, "editor") ? (
          <Link href="/studio" aria-current={current === "studio" ? "page" : undefined}>
            Studio
          </Link>
        ) : null}
        <Link href="/">Portale</Link>
      </nav>
      <span className="who">
        {user.name} · {ROLE_LABEL[user.role]}
      </span>
      <SignOutButton />
    </header>
  );
}
