import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import schema from "../../../contracts/session-status.schema.json";
import { isSessionStatus } from "./serverSession";

// contracts/session-status.schema.json is the answer's single source; the server's answer is held to it by
// tests/HybridSpa.Web.Tests/Contracts/ContractSchemaTests.cs, and this file holds the SPA's check to it.
const matchesSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe("the SPA's session status check and contracts/session-status.schema.json", () => {
  it.each([true, false])("agree that {signedIn: %s} is valid", (signedIn) => {
    expect(matchesSchema({ signedIn })).toBe(true);
    expect(isSessionStatus({ signedIn })).toBe(true);
  });

  it.each([
    ["an empty object", {}],
    ["signedIn as a string", { signedIn: "true" }],
    ["signedIn null", { signedIn: null }],
    ["a field the contract does not have", { signedIn: true, user: "adele" }],
    ["an array", [{ signedIn: true }]],
    ["null", null],
  ])("both reject %s", (_, json) => {
    expect(matchesSchema(json)).toBe(false);
    expect(isSessionStatus(json)).toBe(false);
  });
});
