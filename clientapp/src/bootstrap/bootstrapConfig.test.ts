import { describe, expect, it } from "vitest";
import { aBootstrap, PAGE_ORIGIN } from "../test/fakes";
import { BOOTSTRAP_ELEMENT_ID, BootstrapError, parseBootstrap, readBootstrap } from "./bootstrapConfig";

const HOSTILE = "</script><img src=x onerror=alert(1)>";

function pageWith(elementHtml: string): Document {
  const doc = document.implementation.createHTMLDocument("page");
  doc.body.innerHTML = elementHtml;
  return doc;
}

/** The JSON exactly as the server's encoder writes it: <, >, &, ' and " inside strings as \u003C etc. */
function serverEncoded(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof BootstrapError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error("expected a BootstrapError");
}

describe("readBootstrap", () => {
  it("reads the contract's JSON from the script element the server renders", () => {
    const expected = aBootstrap({ spaCode: "spa-code-1" });
    const doc = pageWith(
      `<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">${serverEncoded(expected)}</script>`,
    );

    expect(readBootstrap(doc, PAGE_ORIGIN)).toEqual(expected);
  });

  it("blanks the SPA code in the element once it has read it, and keeps every other field", () => {
    const served = aBootstrap({ spaCode: "spa-code-1" });
    const doc = pageWith(`<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">${serverEncoded(served)}</script>`);

    expect(readBootstrap(doc, PAGE_ORIGIN).spaCode).toBe("spa-code-1");

    const element = doc.getElementById(BOOTSTRAP_ELEMENT_ID)!;
    expect(element.textContent).not.toContain("spa-code-1");
    expect(JSON.parse(element.textContent)).toEqual({ ...served, spaCode: null });
    expect(readBootstrap(doc, PAGE_ORIGIN)).toEqual({ ...served, spaCode: null });
  });

  it("keeps hostile strings as data: an escaped </script> decodes to the literal text", () => {
    const hostile = aBootstrap({ loginHint: HOSTILE, spaCode: HOSTILE });
    const doc = pageWith(
      `<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">${serverEncoded(hostile)}</script>`,
    );

    const bootstrap = readBootstrap(doc, PAGE_ORIGIN);

    expect(bootstrap.loginHint).toBe(HOSTILE);
    expect(bootstrap.spaCode).toBe(HOSTILE);
    expect(doc.querySelector("img")).toBeNull();
  });

  it("rejects malformed JSON with a clear error", () => {
    const doc = pageWith(`<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">{"clientId": </script>`);

    expect(problemsOf(() => readBootstrap(doc, PAGE_ORIGIN))).toEqual([
      `#${BOOTSTRAP_ELEMENT_ID} does not contain valid JSON`,
    ]);
  });

  it("rejects a page without the bootstrap element", () => {
    expect(problemsOf(() => readBootstrap(pageWith("<div></div>"), PAGE_ORIGIN))).toEqual([
      `the element #${BOOTSTRAP_ELEMENT_ID} is missing`,
    ]);
  });

  it("rejects a bootstrap element that is not a JSON script block", () => {
    const doc = pageWith(`<div id="${BOOTSTRAP_ELEMENT_ID}">{}</div>`);

    expect(problemsOf(() => readBootstrap(doc, PAGE_ORIGIN))[0]).toMatch(/application\/json/);
  });
});

describe("parseBootstrap", () => {
  it("accepts the Development defaults of docs/architecture.md", () => {
    expect(parseBootstrap(JSON.parse(JSON.stringify(aBootstrap())), PAGE_ORIGIN)).toEqual(aBootstrap());
  });

  it("rejects something that is not an object", () => {
    expect(problemsOf(() => parseBootstrap(["clientId"], PAGE_ORIGIN))).toEqual([
      "the bootstrap data must be a JSON object",
    ]);
  });

  it("reports every missing or wrongly typed field at once", () => {
    const json: Record<string, unknown> = { ...aBootstrap() };
    delete json.clientId;
    json.scopes = "User.Read";
    json.spaCode = 42;
    json.bootstrapByRedirect = "false";
    json.signOut = { url: "/account/signout" };

    expect(problemsOf(() => parseBootstrap(json, PAGE_ORIGIN))).toEqual([
      '"clientId" must be a non-empty string',
      '"scopes" must be a non-empty array of strings',
      '"spaCode" must be a non-empty string or null',
      '"bootstrapByRedirect" must be true or false',
      '"signOut.antiforgeryUrl" must be a non-empty string',
    ]);
  });

  it("rejects a missing signOut object", () => {
    const json: Record<string, unknown> = { ...aBootstrap() };
    delete json.signOut;

    expect(problemsOf(() => parseBootstrap(json, PAGE_ORIGIN))).toContain('"signOut" must be an object');
  });

  it("accepts the classic bootstrap's same-origin silent redirect URI and refuses another origin's", () => {
    const classic = { ...aBootstrap(), spaCodeRequested: false, silentRedirectUri: `${PAGE_ORIGIN}/account/silent-callback` };

    expect(parseBootstrap(classic, PAGE_ORIGIN)).toMatchObject({ spaCodeRequested: false, silentRedirectUri: classic.silentRedirectUri });
    expect(problemsOf(() => parseBootstrap({ ...classic, silentRedirectUri: "https://evil.example/cb" }, PAGE_ORIGIN))).toEqual([
      '"silentRedirectUri" must be a URL on this site',
    ]);
  });

  it("requires https for the authority, the redirect URI and Graph", () => {
    const json = { ...aBootstrap(), authority: "http://login.dev.localhost:5443/t/", graphBaseUrl: "javascript:alert(1)" };

    expect(problemsOf(() => parseBootstrap(json, PAGE_ORIGIN))).toEqual([
      '"authority" must be an absolute https URL',
      '"graphBaseUrl" must be an absolute https URL',
    ]);
  });

  it.each([
    ["another origin", "https://evil.example/account/spa-code"],
    ["a protocol-relative URL", "//evil.example/account/spa-code"],
    ["a script URL", "javascript:alert(1)"],
  ])("refuses to navigate or post to %s", (_, url) => {
    const json = { ...aBootstrap(), freshSpaCodeUrl: url, signOut: { ...aBootstrap().signOut, url } };

    expect(problemsOf(() => parseBootstrap(json, PAGE_ORIGIN))).toEqual([
      '"freshSpaCodeUrl" must be a URL on this site',
      '"signOut.url" must be a URL on this site',
    ]);
  });

  it("accepts an absolute URL on the page's own origin", () => {
    const bootstrap = parseBootstrap({ ...aBootstrap(), freshSpaCodeUrl: `${PAGE_ORIGIN}/account/spa-code` }, PAGE_ORIGIN);

    expect(bootstrap.freshSpaCodeUrl).toBe(`${PAGE_ORIGIN}/account/spa-code`);
  });

  it("allows null for the fields the server leaves out", () => {
    const bootstrap = parseBootstrap(
      { ...aBootstrap(), spaCode: null, loginHint: null, sid: null, authorityMetadata: null },
      PAGE_ORIGIN,
    );

    expect(bootstrap).toMatchObject({ spaCode: null, loginHint: null, sid: null, authorityMetadata: null });
  });
});
