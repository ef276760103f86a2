import { describe, expect, it } from "vitest";
import { anAccount } from "../test/fakes";
import { chooseBootstrapStep, pickCachedAccount } from "./tokenBootstrapDecision";

const hybrid = { spaCodeRequested: true, loginHint: "opaque-login-hint", silentRedirectUri: null } as const;
const classic = {
  spaCodeRequested: false,
  loginHint: "opaque-login-hint",
  silentRedirectUri: "https://localhost:5001/account/silent-callback",
} as const;

describe("chooseBootstrapStep", () => {
  it("redeems the SPA code when the server rendered one, even with a cached account", () => {
    expect(chooseBootstrapStep({ ...hybrid, spaCode: "code", cachedAccount: anAccount() })).toEqual({
      kind: "redeem-spa-code",
      code: "code",
    });
  });

  it("renews silently for the cached account when there is no code", () => {
    const account = anAccount();

    expect(chooseBootstrapStep({ ...hybrid, spaCode: null, cachedAccount: account })).toEqual({ kind: "silent", account });
  });

  it("signs in with loginRedirect when there is neither a code nor a cached account", () => {
    expect(chooseBootstrapStep({ ...hybrid, spaCode: null, cachedAccount: null })).toEqual({ kind: "login-redirect" });
  });

  describe("when the server requested no SPA code (the classic bootstrap)", () => {
    it("signs the server's user in again with ssoSilent through the silent redirect page", () => {
      expect(chooseBootstrapStep({ ...classic, spaCode: null, cachedAccount: null })).toEqual({
        kind: "sso-silent",
        loginHint: "opaque-login-hint",
        redirectUri: "https://localhost:5001/account/silent-callback",
      });
    });

    it("still prefers the cached account (a reload needs no iframe)", () => {
      const account = anAccount();

      expect(chooseBootstrapStep({ ...classic, spaCode: null, cachedAccount: account })).toEqual({ kind: "silent", account });
    });

    it("signs in with loginRedirect when the server knows no login hint", () => {
      expect(chooseBootstrapStep({ ...classic, loginHint: null, spaCode: null, cachedAccount: null })).toEqual({
        kind: "login-redirect",
      });
    });
  });
});

describe("pickCachedAccount", () => {
  const adele = anAccount();
  const megan = anAccount({ homeAccountId: "m.t", username: "MeganB@contoso.com", loginHint: "megan-hint" });

  it("prefers the active account", () => {
    expect(pickCachedAccount(megan, [adele, megan], "opaque-login-hint")).toBe(megan);
  });

  it("takes the only cached account", () => {
    expect(pickCachedAccount(null, [adele], null)).toBe(adele);
  });

  it("matches the server's login hint when several accounts are cached", () => {
    expect(pickCachedAccount(null, [adele, megan], "MEGAN-HINT")).toBe(megan);
  });

  it("matches the login hint against the username too", () => {
    expect(pickCachedAccount(null, [adele, megan], "meganb@contoso.com")).toBe(megan);
  });

  it("picks none when several accounts are cached and none matches", () => {
    expect(pickCachedAccount(null, [adele, megan], "someone-else")).toBeNull();
    expect(pickCachedAccount(null, [adele, megan], null)).toBeNull();
  });

  it("picks none from an empty cache", () => {
    expect(pickCachedAccount(null, [], "opaque-login-hint")).toBeNull();
  });
});
