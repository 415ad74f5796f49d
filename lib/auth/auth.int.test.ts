import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb, ROLES, type Role, schema } from "@/lib/db";
import { InvalidError, RateLimitedError } from "@/lib/errors";
import { useTestEnvironment } from "@/lib/test/harness";
import { verifyPassword } from "./password";
import { clearLoginFailures, LOGIN_LIMITS, loginRetryAfterSeconds, recordLoginFailure } from "./rate-limit";
import { createUser, getActiveUserById, getUserByEmail, roleAtLeast, verifyCredentials } from "./users";

const PASSWORD = "una-password-lunga-42";
const WRONG = "password-sbagliata-42";

let sequence = 0;
/** A fresh address per test: login counters persist in the database across tests. */
function freshEmail(name: string): string {
  sequence++;
  return `${name}-${sequence}@test.local`;
}

async function newUser(name: string, role: Role = "agent") {
  return createUser({ email: freshEmail(name), name: `Utente ${name}`, role, password: PASSWORD });
}

function attemptRow(key: string) {
  return getDb().select().from(schema.loginAttempts).where(eq(schema.loginAttempts.key, key)).get();
}

describe("users and sign-in", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  beforeAll(() => {
    env = useTestEnvironment("auth");
  });
  afterAll(() => env.cleanup());

  describe("createUser", () => {
    it("stores a scrypt hash, not the password, and a lower-cased e-mail", async () => {
      const user = await createUser({
        email: "Mario.Rossi@Example.IT",
        name: "  Mario Rossi ",
        role: "editor",
        password: PASSWORD,
      });
      expect(user).toEqual({
        id: expect.any(Number),
        email: "mario.rossi@example.it",
        name: "Mario Rossi",
        role: "editor",
      });
      expect(user).not.toHaveProperty("passwordHash");

      const row = getDb().select().from(schema.users).where(eq(schema.users.id, user.id)).get();
      expect(row?.email).toBe("mario.rossi@example.it");
      expect(row?.active).toBe(true);
      expect(row?.passwordHash).toMatch(/^scrypt\$/);
      expect(row?.passwordHash).not.toContain(PASSWORD);
      expect(await verifyPassword(PASSWORD, row?.passwordHash ?? "")).toBe(true);
      expect(getUserByEmail("MARIO.ROSSI@example.it")?.id).toBe(user.id);
    });

    it("refuses an e-mail already taken, whatever its case", async () => {
      const email = freshEmail("doppione");
      await createUser({ email, name: "Primo", role: "agent", password: PASSWORD });
      const count = () => getDb().$client.prepare("select count(*) n from users").get() as { n: number };
      const before = count().n;

      const attempt = createUser({
        email: email.toUpperCase(),
        name: "Secondo",
        role: "admin",
        password: PASSWORD,
      });
      await expect(attempt).rejects.toBeInstanceOf(InvalidError);
      await expect(attempt).rejects.toMatchObject({
        code: "user_email_taken",
        fieldErrors: { email: [expect.any(String)] },
      });
      expect(count().n).toBe(before);
    });

    it("refuses a short password and a bad e-mail with zod errors", async () => {
      const short = createUser({
        email: freshEmail("corta"),
        name: "Corta",
        role: "agent",
        password: "corta",
      });
      await expect(short).rejects.toBeInstanceOf(z.ZodError);
      await expect(short).rejects.toSatisfy(
        (e: z.ZodError) => e.issues.length === 1 && e.issues[0]?.path.join(".") === "password",
      );

      const badEmail = createUser({ email: "non-una-email", name: "X", role: "agent", password: PASSWORD });
      await expect(badEmail).rejects.toSatisfy(
        (e: unknown) => e instanceof z.ZodError && e.issues[0]?.path.join(".") === "email",
      );
    });
  });

  describe("verifyCredentials", () => {
    it("returns the user for the right password, whatever the e-mail's case and spaces", async () => {
      const user = await newUser("giusta", "editor");
      const signedIn = await verifyCredentials(
        { email: `  ${user.email.toUpperCase()} `, password: PASSWORD },
        "10.0.0.1",
      );
      expect(signedIn).toEqual(user);
    });

    it("returns null for a wrong password and for an unknown e-mail, and counts both", async () => {
      const user = await newUser("sbagliata");
      expect(await verifyCredentials({ email: user.email, password: WRONG }, "10.0.0.2")).toBeNull();
      expect(attemptRow(`email:${user.email}`)?.failures).toBe(1);

      const ghost = freshEmail("fantasma");
      expect(await verifyCredentials({ email: ghost, password: PASSWORD }, "10.0.0.2")).toBeNull();
      expect(attemptRow(`email:${ghost}`)?.failures).toBe(1);
      expect(attemptRow("ip:10.0.0.2")?.failures).toBe(2);
    });

    it("returns null for an inactive user, even with the right password", async () => {
      const user = await newUser("disattivato");
      getDb().update(schema.users).set({ active: false }).where(eq(schema.users.id, user.id)).run();
      expect(await verifyCredentials({ email: user.email, password: PASSWORD }, null)).toBeNull();
      expect(getActiveUserById(user.id)).toBeNull();
    });
  });

  describe("rate limiting", () => {
    it("locks an e-mail after 5 failures, even for the right password, without locking others", async () => {
      const user = await newUser("bloccato");
      const other = await newUser("altro");
      for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) {
        expect(await verifyCredentials({ email: user.email, password: WRONG }, "10.0.1.1")).toBeNull();
      }

      let error: unknown;
      try {
        await verifyCredentials({ email: user.email, password: PASSWORD }, "10.0.1.99");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RateLimitedError);
      const limited = error as RateLimitedError;
      expect(limited.code).toBe("rate_limited");
      expect(limited.status).toBe(429);
      expect(limited.retryAfterSeconds).toBeGreaterThan(0);
      expect(limited.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_LIMITS.lockMs / 1000);

      // Another account from another address is not affected.
      expect(await verifyCredentials({ email: other.email, password: PASSWORD }, "10.0.1.2")).toEqual(other);
    });

    it("allows the e-mail again once the lock has passed", () => {
      const keys = { email: freshEmail("a-tempo"), ip: null };
      const t0 = Date.UTC(2030, 0, 1, 9, 0, 0);
      for (let i = 0; i < LOGIN_LIMITS.perEmail - 1; i++) recordLoginFailure(keys, t0 + i * 1000);
      expect(loginRetryAfterSeconds(keys, t0 + 5000)).toBe(0);

      const lockedAt = t0 + 10_000;
      recordLoginFailure(keys, lockedAt);
      expect(loginRetryAfterSeconds(keys, lockedAt)).toBe(LOGIN_LIMITS.lockMs / 1000);
      expect(loginRetryAfterSeconds(keys, lockedAt + LOGIN_LIMITS.lockMs - 1000)).toBe(1);
      expect(loginRetryAfterSeconds(keys, lockedAt + LOGIN_LIMITS.lockMs)).toBe(0);

      // After the lock the count starts again: one more failure does not lock it at once.
      recordLoginFailure(keys, lockedAt + LOGIN_LIMITS.lockMs + 1);
      expect(loginRetryAfterSeconds(keys, lockedAt + LOGIN_LIMITS.lockMs + 2)).toBe(0);
      expect(attemptRow(`email:${keys.email}`)?.failures).toBe(1);
    });

    it("forgets failures older than the window", () => {
      const keys = { email: freshEmail("finestra"), ip: null };
      const t0 = Date.UTC(2030, 0, 2, 9, 0, 0);
      for (let i = 0; i < LOGIN_LIMITS.perEmail - 1; i++) recordLoginFailure(keys, t0);
      recordLoginFailure(keys, t0 + LOGIN_LIMITS.windowMs);
      expect(loginRetryAfterSeconds(keys, t0 + LOGIN_LIMITS.windowMs)).toBe(0);
    });

    it("locks an address after 30 failures across accounts (password spraying)", () => {
      const ip = "10.0.2.1";
      const t0 = Date.UTC(2030, 0, 3, 9, 0, 0);
      for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
        recordLoginFailure({ email: freshEmail("spray"), ip }, t0 + i);
      }
      const fresh = { email: freshEmail("innocente"), ip };
      expect(loginRetryAfterSeconds(fresh, t0 + LOGIN_LIMITS.perIp)).toBeGreaterThan(0);
      expect(loginRetryAfterSeconds({ email: fresh.email, ip: "10.0.2.2" }, t0 + LOGIN_LIMITS.perIp)).toBe(0);
    });

    it("clears the e-mail's counter on success, but not the address's", async () => {
      const user = await newUser("ripulito");
      const ip = "10.0.3.1";
      for (let i = 0; i < LOGIN_LIMITS.perEmail - 1; i++) {
        await verifyCredentials({ email: user.email, password: WRONG }, ip);
      }
      expect(attemptRow(`email:${user.email}`)?.failures).toBe(LOGIN_LIMITS.perEmail - 1);

      expect(await verifyCredentials({ email: user.email, password: PASSWORD }, ip)).toEqual(user);
      expect(attemptRow(`email:${user.email}`)).toBeUndefined();
      expect(attemptRow(`ip:${ip}`)?.failures).toBe(LOGIN_LIMITS.perEmail - 1);

      // Four more failures would have locked the account had the counter not been cleared.
      for (let i = 0; i < LOGIN_LIMITS.perEmail - 1; i++) {
        await verifyCredentials({ email: user.email, password: WRONG }, ip);
      }
      expect(await verifyCredentials({ email: user.email, password: PASSWORD }, ip)).toEqual(user);
    });

    it("clearLoginFailures matches the e-mail case-insensitively", () => {
      const email = freshEmail("maiuscole");
      recordLoginFailure({ email, ip: null });
      expect(attemptRow(`email:${email}`)?.failures).toBe(1);
      clearLoginFailures(email.toUpperCase());
      expect(attemptRow(`email:${email}`)).toBeUndefined();
    });
  });

  describe("roleAtLeast", () => {
    it.each([
      ["agent", "agent", true],
      ["agent", "editor", false],
      ["agent", "admin", false],
      ["editor", "agent", true],
      ["editor", "editor", true],
      ["editor", "admin", false],
      ["admin", "agent", true],
      ["admin", "editor", true],
      ["admin", "admin", true],
    ] as const)("%s at least %s → %s", (role, required, expected) => {
      expect(roleAtLeast(role, required)).toBe(expected);
    });

    it("covers every role", () => {
      expect([...ROLES].sort()).toEqual(["admin", "agent", "editor"]);
    });
  });
});
