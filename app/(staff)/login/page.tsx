import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Accedi" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeCallback(url: string | undefined, fallback: string): string {
  return url?.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : fallback;
}

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const user = await getSessionUser();
  const home = user?.role === "agent" ? "/agent" : "/studio";
  if (user) redirect(safeCallback(callbackUrl, home));
  return (
    <main id="main" style={{ maxWidth: 420 }}>
      <h1>Accedi a Sportello</h1>
      <p className="muted">Console operatori e studio editoriale.</p>
      <LoginForm
        callbackUrl={safeCallback(callbackUrl, "")}
        initialError={error ? "Accesso non riuscito." : null}
      />
    </main>
  );
}
