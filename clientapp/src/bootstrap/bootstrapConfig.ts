import type { HybridSpaBootstrap } from "./contract.generated";

/** The id of the `<script type="application/json">` element the server renders (docs/architecture.md). */
export const BOOTSTRAP_ELEMENT_ID = "hybridspa-bootstrap";

/**
 * Everything the SPA learns from the server-rendered page. The type is generated from contracts/bootstrap.schema.json
 * (contract.generated.ts); parseBootstrap below checks the same rules at run time, held to the schema by bootstrapContract.test.ts.
 */
export type Bootstrap = HybridSpaBootstrap;

/** Where the server's sign-out endpoint is, and where to ask for the antiforgery field its form needs. */
export type SignOutConfig = Bootstrap["signOut"];

/** The page's bootstrap data is missing or malformed; the message says which field and why. */
export class BootstrapError extends Error {
  override readonly name = "BootstrapError";
  constructor(readonly problems: readonly string[]) {
    super(`The page's bootstrap data is invalid: ${problems.join("; ")}.`);
  }
}

/**
 * Finds the bootstrap element in the page, parses its JSON and validates it. The single-use SPA code is then blanked in the
 * element (spaCode: null), so nothing that reads the page later — an extension, a saved copy — finds it there.
 */
export function readBootstrap(doc: Document, pageOrigin: string): Bootstrap {
  const element = doc.getElementById(BOOTSTRAP_ELEMENT_ID);
  if (element === null) {
    throw new BootstrapError([`the element #${BOOTSTRAP_ELEMENT_ID} is missing`]);
  }
  if (!(element instanceof HTMLScriptElement) || element.type !== "application/json") {
    throw new BootstrapError([`#${BOOTSTRAP_ELEMENT_ID} must be a <script type="application/json"> element`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(element.textContent);
  } catch {
    throw new BootstrapError([`#${BOOTSTRAP_ELEMENT_ID} does not contain valid JSON`]);
  }
  if (isRecord(json) && json.spaCode != null) {
    element.textContent = JSON.stringify({ ...json, spaCode: null });
  }
  return parseBootstrap(json, pageOrigin);
}

/**
 * Validates untrusted JSON against the bootstrap contract. Every field is checked for presence and
 * type, all problems are reported at once, and URLs the SPA navigates or posts to must be same-origin.
 */
export function parseBootstrap(json: unknown, pageOrigin: string): Bootstrap {
  if (!isRecord(json)) {
    throw new BootstrapError(["the bootstrap data must be a JSON object"]);
  }
  const fields = new FieldReader(json, "");
  const signOutFields = fields.object("signOut");
  const pageFields = fields.object("pages");
  const bootstrap: Bootstrap = {
    clientId: fields.string("clientId"),
    authority: fields.httpsUrl("authority"),
    knownAuthorities: fields.stringArray("knownAuthorities", { allowEmpty: true }),
    authorityMetadata: fields.nullableString("authorityMetadata"),
    redirectUri: fields.httpsUrl("redirectUri"),
    scopes: fields.stringArray("scopes", { allowEmpty: false }),
    graphBaseUrl: fields.httpsUrl("graphBaseUrl"),
    spaCode: fields.nullableString("spaCode"),
    loginHint: fields.nullableString("loginHint"),
    sid: fields.nullableString("sid"),
    bootstrapByRedirect: fields.boolean("bootstrapByRedirect"),
    spaCodeRequested: fields.boolean("spaCodeRequested"),
    silentRedirectUri: fields.nullableSameOriginUrl("silentRedirectUri", pageOrigin),
    freshSpaCodeUrl: fields.sameOriginUrl("freshSpaCodeUrl", pageOrigin),
    sessionStatusUrl: fields.sameOriginUrl("sessionStatusUrl", pageOrigin),
    signOut: {
      url: signOutFields.sameOriginUrl("url", pageOrigin),
      antiforgeryUrl: signOutFields.sameOriginUrl("antiforgeryUrl", pageOrigin),
    },
    pages: {
      home: pageFields.sameOriginUrl("home", pageOrigin),
      profile: pageFields.sameOriginUrl("profile", pageOrigin),
      profileMail: pageFields.sameOriginUrl("profileMail", pageOrigin),
      signedOut: pageFields.sameOriginUrl("signedOut", pageOrigin),
    },
  };
  const problems = [fields, signOutFields, pageFields].flatMap((reader) => [...reader.problems, ...reader.unknownFields()]);
  if (problems.length > 0) {
    throw new BootstrapError(problems);
  }
  return bootstrap;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads typed fields from one JSON object, collecting a problem (and a placeholder) for each bad one. */
class FieldReader {
  readonly problems: string[] = [];
  private readonly read = new Set<string>();

  constructor(
    private readonly source: Record<string, unknown>,
    private readonly prefix: string,
  ) {}

  /** Fields the contract does not have: the server and the SPA disagree about it (contracts/bootstrap.schema.json). */
  unknownFields(): string[] {
    return Object.keys(this.source)
      .filter((name) => !this.read.has(name))
      .map((name) => `"${this.prefix}${name}" is not part of the bootstrap contract`);
  }

  string(name: string): string {
    const value = this.value(name);
    if (typeof value === "string" && value.length > 0) {
      return value;
    }
    return this.fail(name, "must be a non-empty string", "");
  }

  nullableString(name: string): string | null {
    const value = this.value(name);
    if (value === null || (typeof value === "string" && value.length > 0)) {
      return value;
    }
    return this.fail(name, "must be a non-empty string or null", null);
  }

  boolean(name: string): boolean {
    const value = this.value(name);
    return typeof value === "boolean" ? value : this.fail(name, "must be true or false", false);
  }

  stringArray(name: string, { allowEmpty }: { allowEmpty: boolean }): string[] {
    const value = this.value(name);
    if (
      Array.isArray(value) &&
      (allowEmpty || value.length > 0) &&
      value.every((item): item is string => typeof item === "string" && item.length > 0)
    ) {
      return value;
    }
    const expected = allowEmpty ? "an array of strings" : "a non-empty array of strings";
    return this.fail(name, `must be ${expected}`, []);
  }

  httpsUrl(name: string): string {
    const value = this.string(name);
    if (value !== "" && tryParseUrl(value)?.protocol !== "https:") {
      return this.fail(name, "must be an absolute https URL", "");
    }
    return value;
  }

  /** A path on this origin ("/account/spa-code") or an absolute URL with the page's origin. */
  sameOriginUrl(name: string, pageOrigin: string): string {
    const value = this.string(name);
    if (value !== "" && !isSameOrigin(value, pageOrigin)) {
      return this.fail(name, "must be a URL on this site", "");
    }
    return value;
  }

  nullableSameOriginUrl(name: string, pageOrigin: string): string | null {
    return this.value(name) === null ? null : this.sameOriginUrl(name, pageOrigin);
  }

  object(name: string): FieldReader {
    const value = this.value(name);
    if (isRecord(value)) {
      return new FieldReader(value, `${this.prefix}${name}.`);
    }
    this.fail(name, "must be an object", undefined);
    return new FieldReader({}, `${this.prefix}${name}.`);
  }

  private value(name: string): unknown {
    this.read.add(name);
    return this.source[name];
  }

  private fail<T>(name: string, expectation: string, placeholder: T): T {
    this.problems.push(`"${this.prefix}${name}" ${expectation}`);
    return placeholder;
  }
}

function isSameOrigin(url: string, pageOrigin: string): boolean {
  if (url.startsWith("//") || url.startsWith("/\\")) {
    return false;
  }
  const resolved = tryParseUrl(url, pageOrigin);
  return resolved !== null && resolved.origin === pageOrigin;
}

function tryParseUrl(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}
