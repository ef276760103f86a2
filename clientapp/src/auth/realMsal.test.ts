import { PublicClientApplication, ServerError } from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { acquireTokenSilently, createMsalConfiguration } from "../authConfig";
import { aBootstrap } from "../test/fakes";
import { decideErrorAction } from "./errorActions";
import { acquireFirstToken, redeemSpaCodeOnce } from "./firstToken";
import { signOut } from "./signOut";

// These run the real msal-browser 5 against a fake /token endpoint, to pin down what the unit tests
// assume about it: the hybrid redemption's request, and how AADSTS54005 arrives.
const TENANT = "6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b";
const CLIENT = "c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c";
const OID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
const BASE = `https://login.dev.localhost:5443/${TENANT}`;
const METADATA = JSON.stringify({
  issuer: `${BASE}/v2.0`,
  authorization_endpoint: `${BASE}/oauth2/v2.0/authorize`,
  token_endpoint: `${BASE}/oauth2/v2.0/token`,
  end_session_endpoint: `${BASE}/oauth2/v2.0/logout`,
  jwks_uri: `${BASE}/discovery/v2.0/keys`,
});

const base64Url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const now = () => Math.floor(Date.now() / 1000);

function tokenResponse(expiresIn = 3600): Response {
  const idToken = [
    base64Url({ alg: "RS256", typ: "JWT" }),
    base64Url({
      aud: CLIENT, iss: `${BASE}/v2.0`, iat: now(), nbf: now(), exp: now() + 3600, oid: OID, tid: TENANT,
      sub: "sub", name: "Adele Vance", preferred_username: "AdeleV@contoso.com", login_hint: "opaque-login-hint",
    }),
    "signature",
  ].join(".");
  return Response.json({
    token_type: "Bearer", scope: "User.Read openid profile", expires_in: expiresIn, ext_expires_in: expiresIn,
    access_token: "graph-access-token", refresh_token: "spa-refresh-token", id_token: idToken,
    client_info: base64Url({ uid: OID, utid: TENANT }),
  });
}

function invalidGrant(aadsts: number, text: string): Response {
  return Response.json(
    { error: "invalid_grant", error_description: `AADSTS${aadsts}: ${text}`, error_codes: [aadsts] },
    { status: 400 },
  );
}

function codeAlreadyRedeemed(): Response {
  return Response.json(
    {
      error: "invalid_grant",
      error_description: "AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token. Trace ID: 1 Correlation ID: 2 Timestamp: 3",
      error_codes: [54005],
      correlation_id: "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    },
    { status: 400 },
  );
}

async function anInitializedMsal() {
  const instance = new PublicClientApplication(createMsalConfiguration(aBootstrap({ authorityMetadata: METADATA })));
  await instance.initialize();
  return instance;
}

describe("with the real msal-browser", () => {
  it("redeems the SPA code with one cross-origin POST (no redirect_uri, no verifier), then serves silent calls from cache", async () => {
    const fetch = vi.fn(async () => tokenResponse());
    vi.stubGlobal("fetch", fetch);
    const instance = await anInitializedMsal();

    const [first, second] = await Promise.all([
      redeemSpaCodeOnce(instance, "real-msal-code", ["User.Read"]),
      redeemSpaCodeOnce(instance, "real-msal-code", ["User.Read"]),
    ]);

    expect(second).toBe(first);
    expect(await acquireFirstToken(instance, aBootstrap({ authorityMetadata: METADATA }), "real-msal-code")).toMatchObject({
      kind: "token",
      steps: [{ source: "spa-code", requests: 1 }],
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(new RegExp(`^${BASE}/oauth2/v2.0/token\\?`));
    const body = new URLSearchParams(String(init.body));
    expect(body.get("code")).toBe("real-msal-code");
    expect(body.get("grant_type")).toBe("authorization_code");
    expect(body.has("redirect_uri")).toBe(false);
    expect(body.has("code_verifier")).toBe(false);
    expect(instance.getActiveAccount()).toMatchObject({ username: "AdeleV@contoso.com", loginHint: "opaque-login-hint" });

    const silent = await acquireTokenSilently(instance, instance.getActiveAccount()!, ["User.Read"]);
    expect(silent).toMatchObject({ fromCache: true, accessToken: "graph-access-token" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("answers a claims challenge with the refresh token, skipping the cached token, the claims merged with CP1 (xms_cc)", async () => {
    const fetch = vi.fn(async () => tokenResponse());
    vi.stubGlobal("fetch", fetch);
    const instance = await anInitializedMsal();
    await redeemSpaCodeOnce(instance, "real-msal-claims-code", ["User.Read"]);
    const account = instance.getAllAccounts()[0]!;
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';

    const renewed = await acquireTokenSilently(instance, account, ["User.Read"], { claims });

    expect(renewed.fromCache).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(2);
    const [redemptionUrl, redemption] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const redemptionBody = new URLSearchParams(String(redemption.body));
    expect(JSON.parse(redemptionBody.get("claims") ?? "null")).toMatchObject({ access_token: { xms_cc: { values: ["CP1"] } } });
    expect(redemptionUrl).toMatch(/token\?/);
    const body = new URLSearchParams(String((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].body));
    expect(body.get("grant_type")).toBe("refresh_token");
    expect(JSON.parse(body.get("claims") ?? "null")).toMatchObject({
      access_token: { nbf: { essential: true, value: "1604106651" }, xms_cc: { values: ["CP1"] } },
    });
  });

  it("reports a reused code (AADSTS54005) as a ServerError, which the table sends to the fresh-SPA-code endpoint", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => codeAlreadyRedeemed()));
    const instance = await anInitializedMsal();

    const error = await redeemSpaCodeOnce(instance, "reused-code", ["User.Read"]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ServerError);
    // Typed as a string, but msal-browser passes error_codes[0] through as the JSON number.
    expect(error).toMatchObject({ errorCode: "invalid_grant", errorNo: 54005 });
    expect(decideErrorAction(error, { bootstrapByRedirect: false, freshSpaCodeAllowed: true, claimsRedirectAllowed: true })).toEqual({
      kind: "fresh-spa-code",
    });
  });

  it("when the SPA refresh token has expired (AADSTS700084) fails without a hidden iframe, towards a fresh SPA code", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(tokenResponse(0))
      .mockResolvedValue(invalidGrant(700084, "The refresh token was issued to a single page app (SPA)…"));
    vi.stubGlobal("fetch", fetch);
    const instance = await anInitializedMsal();
    const createElement = vi.spyOn(document, "createElement");
    const { result } = await redeemSpaCodeOnce(instance, "code-with-short-lived-token", ["User.Read"]);

    const error = await acquireTokenSilently(instance, result.account, ["User.Read"]).catch((e: unknown) => e);

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(new URLSearchParams(String((fetch.mock.calls[1] as [string, RequestInit])[1].body)).get("grant_type")).toBe(
      "refresh_token",
    );
    expect(createElement).not.toHaveBeenCalledWith("iframe");
    expect(document.querySelector("iframe")).toBeNull();
    expect(decideErrorAction(error, { bootstrapByRedirect: false, freshSpaCodeAllowed: true, claimsRedirectAllowed: true })).toEqual({
      kind: "fresh-spa-code",
    });
  });

  it("signs out with MSAL's own clearCache and leaves no MSAL entry in the page's storage", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => tokenResponse()));
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => {});
    const instance = await anInitializedMsal();
    await acquireFirstToken(instance, aBootstrap({ authorityMetadata: METADATA }), "code-before-sign-out");
    sessionStorage.setItem("unrelated", "kept");
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith("msal."))).not.toEqual([]);

    await signOut(instance, aBootstrap().signOut, document, async () =>
      Response.json({ field: "__RequestVerificationToken", token: "antiforgery-token-value" }),
    );

    expect(Object.keys(sessionStorage)).toEqual(["unrelated"]);
    expect(Object.keys(localStorage)).toEqual([]);
    expect(instance.getAllAccounts()).toEqual([]);
  });
});
