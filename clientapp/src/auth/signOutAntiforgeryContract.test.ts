import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import schema from "../../../contracts/signout-antiforgery.schema.json";
import { isSignOutAntiforgery } from "./signOut";

// contracts/signout-antiforgery.schema.json is the answer's single source; the server's answer is held to it by
// tests/HybridSpa.Web.Tests/Contracts/ContractSchemaTests.cs, and this file holds the SPA's check to it.
const matchesSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const fields = Object.keys(schema.properties);
const VALID = { field: "__RequestVerificationToken", token: "CfDJ8-token" };

function answerWith(field: string, value: unknown): Record<string, unknown> {
  const json: Record<string, unknown> = { ...VALID };
  if (value === undefined) {
    delete json[field];
  } else {
    json[field] = value;
  }
  return json;
}

describe("the SPA's sign-out antiforgery check and contracts/signout-antiforgery.schema.json", () => {
  it("agree that the server's answer is valid", () => {
    expect(matchesSchema(VALID)).toBe(true);
    expect(isSignOutAntiforgery(VALID)).toBe(true);
  });

  it.each(fields)("both reject an answer without %s", (field) => {
    expect(matchesSchema(answerWith(field, undefined))).toBe(false);
    expect(isSignOutAntiforgery(answerWith(field, undefined))).toBe(false);
  });

  it.each(fields.flatMap((field) => [[field, ""], [field, 42], [field, null]] as const))("both reject %s = %j", (field, value) => {
    expect(matchesSchema(answerWith(field, value))).toBe(false);
    expect(isSignOutAntiforgery(answerWith(field, value))).toBe(false);
  });

  it.each([["a field the contract does not have", answerWith("expires", "soon")], ["an array", [VALID]], ["null", null]])(
    "both reject %s",
    (_, json) => {
      expect(matchesSchema(json)).toBe(false);
      expect(isSignOutAntiforgery(json)).toBe(false);
    },
  );
});
