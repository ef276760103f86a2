import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import schema from "../../../contracts/bootstrap.schema.json";
import { aBootstrap, PAGE_ORIGIN } from "../test/fakes";
import { BootstrapError, parseBootstrap } from "./bootstrapConfig";

// contracts/bootstrap.schema.json is the contract's single source; the server's JSON is held to it by
// tests/HybridSpa.Web.Tests/Contracts/ContractSchemaTests.cs, the SPA's types are generated from it (scripts/contracts.mjs),
// and this file holds the SPA's run-time validator to it.
const matchesSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const topLevelFields = Object.keys(schema.properties);
const signOutFields = Object.keys(schema.properties.signOut.properties);
const pageFields = Object.keys(schema.properties.pages.properties);

/** A valid bootstrap as plain JSON, with one field replaced (or removed, for undefined). */
function bootstrapWith(path: string, value: unknown): Record<string, unknown> {
  const json = JSON.parse(JSON.stringify(aBootstrap({ spaCode: "spa-code" }))) as Record<string, unknown>;
  const [field, nested] = path.split(".") as [string, string | undefined];
  const target = nested === undefined ? json : (json[field] as Record<string, unknown>);
  const key = nested ?? field;
  if (value === undefined) {
    delete target[key];
  } else {
    target[key] = value;
  }
  return json;
}

function spaAccepts(json: unknown): boolean {
  try {
    parseBootstrap(json, PAGE_ORIGIN);
    return true;
  } catch (error) {
    if (error instanceof BootstrapError) {
      return false;
    }
    throw error;
  }
}

const everyField = [
  ...topLevelFields,
  ...signOutFields.map((field) => `signOut.${field}`),
  ...pageFields.map((field) => `pages.${field}`),
];

describe("the SPA's bootstrap validator and contracts/bootstrap.schema.json", () => {
  it("agree that the test fixtures are valid bootstraps (hybrid, classic, nothing optional present)", () => {
    const fixtures = [
      aBootstrap({ spaCode: "spa-code" }),
      aBootstrap({ spaCodeRequested: false, silentRedirectUri: `${PAGE_ORIGIN}/account/silent-callback` }),
      aBootstrap({ spaCode: null, loginHint: null, sid: null, authorityMetadata: null }),
    ];

    for (const fixture of fixtures) {
      expect(matchesSchema(JSON.parse(JSON.stringify(fixture))), JSON.stringify(matchesSchema.errors)).toBe(true);
      expect(spaAccepts(fixture)).toBe(true);
    }
  });

  it("name the same fields: the SPA reads exactly the schema's properties", () => {
    const bootstrap = parseBootstrap(bootstrapWith("spaCode", "spa-code"), PAGE_ORIGIN);

    expect(Object.keys(bootstrap).sort()).toEqual([...topLevelFields].sort());
    expect(Object.keys(bootstrap.signOut).sort()).toEqual([...signOutFields].sort());
    expect(Object.keys(bootstrap.pages).sort()).toEqual([...pageFields].sort());
  });

  it.each(everyField)("both reject a bootstrap without %s, and the SPA names it", (field) => {
    const json = bootstrapWith(field, undefined);

    expect(matchesSchema(json)).toBe(false);
    expect(() => parseBootstrap(json, PAGE_ORIGIN)).toThrow(`"${field}"`);
  });

  it.each(everyField)("both reject %s of the wrong type", (field) => {
    const json = bootstrapWith(field, 42);

    expect(matchesSchema(json)).toBe(false);
    expect(spaAccepts(json)).toBe(false);
  });

  it.each(everyField)("agree whether %s may be null", (field) => {
    const json = bootstrapWith(field, null);

    expect(spaAccepts(json)).toBe(matchesSchema(json));
  });

  it.each(everyField.filter((field) => field !== "knownAuthorities"))("both reject an empty %s", (field) => {
    const json = bootstrapWith(field, field === "scopes" ? [] : "");

    expect(matchesSchema(json)).toBe(false);
    expect(spaAccepts(json)).toBe(false);
  });

  it("both reject a field the contract does not have", () => {
    const json = bootstrapWith("theme", "dark");

    expect(matchesSchema(json)).toBe(false);
    expect(spaAccepts(json)).toBe(false);
  });
});
