import { describe, expect, it } from "vitest";
import { extractText } from "../../src/extract/stages.ts";

/** The states the text's "central government" phrases were taken to be, in order. */
function centralGovernments(text: string): string[] {
  const doc = extractText(text);
  return doc.mentions
    .filter((m) => m.rule === "central-government")
    .map((m) => doc.entities.get(m.entity).country ?? "");
}

describe("central governments", () => {
  it("are the state the text's places lie within", () => {
    expect(
      centralGovernments(
        "Voters in Gagauzia backed closer ties with Russia. The central government had tried to stop the vote.",
      ),
    ).toEqual(["MDA"]);
  });

  it("are no state when the places lie within different states", () => {
    expect(
      centralGovernments(
        "Gagauzia and Catalonia held votes. The central government had tried to stop the vote.",
      ),
    ).toEqual([]);
  });

  it("are no state a seceded state left", () => {
    expect(
      centralGovernments("South Sudan marked its independence. The central government in Juba raised taxes."),
    ).toEqual([]);
  });

  it("are left to a state the phrase names", () => {
    expect(
      centralGovernments("Kurdistan voted on Monday. The central government of Iraq called it illegal."),
    ).toEqual([]);
  });
});
