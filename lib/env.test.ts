import { afterEach, describe, expect, it } from "vitest";
import { getEnv, isDemo, publicBaseUrl, resetEnvCache } from "./env";

const saved = { ...process.env };

function withEnv(vars: Record<string, string | undefined>) {
  for (const key of ["NODE_ENV", "SPORTELLO_DEMO", "PORT", "SPORTELLO_PUBLIC_URL", "MEILI_URL"])
    delete process.env[key];
  Object.assign(process.env, vars);
  resetEnvCache();
}

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("env", () => {
  it("is a demo by default and not in production unless asked", () => {
    withEnv({});
    expect(isDemo()).toBe(true);
    withEnv({ NODE_ENV: "production" });
    expect(isDemo()).toBe(false);
    withEnv({ NODE_ENV: "production", SPORTELLO_DEMO: "1" });
    expect(isDemo()).toBe(true);
    withEnv({ SPORTELLO_DEMO: "0" });
    expect(isDemo()).toBe(false);
  });

  it("treats empty variables as unset and applies defaults", () => {
    withEnv({ MEILI_URL: "", PORT: "" });
    expect(getEnv().MEILI_URL).toBeUndefined();
    expect(getEnv().PORT).toBe(3000);
    expect(publicBaseUrl()).toBe("http://localhost:3000");
  });

  it("refuses invalid values with the variable's name", () => {
    withEnv({ PORT: "eighty" });
    expect(() => getEnv()).toThrow(/PORT/);
    withEnv({ SPORTELLO_PUBLIC_URL: "https://help.example.com/" });
    expect(publicBaseUrl()).toBe("https://help.example.com");
  });
});
