import { describe, expect, it } from "vitest";
import { restoredFromNumber, restoreNote, versionStatus } from "./status";

const ev = (
  action: Parameters<typeof versionStatus>[0][number]["action"],
  comment: string | null = null,
) => ({
  action,
  comment,
});

describe("versionStatus", () => {
  it("reads the latest event that concerns the content", () => {
    expect(versionStatus([]).label).toBe("Bozza");
    expect(versionStatus([ev("save")]).label).toBe("Bozza");
    expect(versionStatus([ev("save"), ev("submit")]).label).toBe("In revisione");
    expect(versionStatus([ev("save"), ev("submit"), ev("send_back", "Manca il prezzo")]).label).toBe(
      "Rimandata",
    );
    expect(versionStatus([ev("save"), ev("submit"), ev("approve")]).label).toBe("Pubblicata");
    expect(versionStatus([ev("publish")])).toEqual({ status: "published", label: "Pubblicata" });
  });

  it("does not let archiving change a version's status", () => {
    expect(versionStatus([ev("publish"), ev("archive"), ev("unarchive")]).label).toBe("Pubblicata");
  });

  it("names the version a restore came from", () => {
    expect(versionStatus([ev("save", restoreNote(3)), ev("restore", restoreNote(3))])).toEqual({
      status: "restore",
      label: "Ripristino di v3",
    });
    expect(versionStatus([ev("restore", "altro")]).label).toBe("Ripristino");
  });

  it("reads back only the note it writes", () => {
    expect(restoredFromNumber(restoreNote(12))).toBe(12);
    expect(restoredFromNumber("Ripristinata la versione 2 e corretta")).toBeNull();
    expect(restoredFromNumber(null)).toBeNull();
  });
});
