import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { RateLimitedError } from "@/lib/errors";
import { clientIpOf } from "@/lib/http/client-ip";
import { verifyCredentials } from "./users";

const CredentialsInput = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(200),
});

/**
 * next-auth v4 with credentials and JWT sessions (stateless app servers, DESIGN.md). The secret comes from
 * AUTH_SECRET, which scripts/start.ts generates into the data dir when absent. The token carries only the user
 * id; the role is re-read from the database on every check (lib/auth/session.ts) so a demotion applies at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail e password",
      credentials: {
        email: { label: "E-mail", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(raw, req) {
        const parsed = CredentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const user = await verifyCredentials(
            parsed.data,
            clientIpOf(req?.headers as Record<string, string | string[] | undefined> | undefined),
          );
          return user ? { id: String(user.id), email: user.email, name: user.name } : null;
        } catch (error) {
          // next-auth passes the message of an error thrown here to the sign-in page as `error`.
          if (error instanceof RateLimitedError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};
