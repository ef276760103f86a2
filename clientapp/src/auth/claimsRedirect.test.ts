import { afterEach, describe, expect, it } from "vitest";
import { aFakeMsal, anAccount } from "../test/fakes";
import {
  canRedirectWithClaims,
  CLAIMS_REDIRECT_MIN_INTERVAL_MS,
  forgetClaimsRedirects,
  redirectWithClaims,
  returnToWhereTheUserWas,
} from "./claimsRedirect";

const CLAIMS = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';

describe("the claims-challenge redirect", () => {
  afterEach(() => {
    window.history.replaceState(null, "", "/");
  });

  it("calls acquireTokenRedirect with the account, scopes, claims and login hint", async () => {
    const msal = aFakeMsal([anAccount()]);

    await redirectWithClaims(msal, { account: anAccount(), scopes: ["User.Read"], claims: CLAIMS, loginHint: "opaque-login-hint" }, window);

    expect(msal.acquireTokenRedirect).toHaveBeenCalledWith({
      account: anAccount(),
      scopes: ["User.Read"],
      claims: CLAIMS,
      loginHint: "opaque-login-hint",
    });
  });

  it("allows one redirect per interval, so an identity provider that keeps asking cannot make a loop", async () => {
    const before = Date.now();
    expect(canRedirectWithClaims(sessionStorage, before)).toBe(true);

    await redirectWithClaims(aFakeMsal(), { account: anAccount(), scopes: ["User.Read"], claims: CLAIMS, loginHint: null }, window);

    expect(canRedirectWithClaims(sessionStorage, Date.now())).toBe(false);
    expect(canRedirectWithClaims(sessionStorage, Date.now() + CLAIMS_REDIRECT_MIN_INTERVAL_MS)).toBe(true);
    forgetClaimsRedirects(sessionStorage);
    expect(canRedirectWithClaims(sessionStorage, Date.now())).toBe(true);
  });

  it("comes back to the path, query and fragment the user was on, once", async () => {
    window.history.replaceState(null, "", "/profile?tab=mail#latest");
    await redirectWithClaims(aFakeMsal(), { account: anAccount(), scopes: ["User.Read"], claims: CLAIMS, loginHint: null }, window);
    window.history.replaceState(null, "", "/");

    returnToWhereTheUserWas(window);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe("/profile?tab=mail#latest");

    window.history.replaceState(null, "", "/");
    returnToWhereTheUserWas(window);
    expect(window.location.pathname).toBe("/");
  });

  it.each(["//evil.example/phish", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"])(
    "never goes to another origin (%s stored)",
    (stored) => {
      sessionStorage.setItem("hybridspa.claimsRedirect.returnTo", stored);

      returnToWhereTheUserWas(window);

      expect(window.location.href).toBe(`${window.location.origin}/`);
      expect(sessionStorage.getItem("hybridspa.claimsRedirect.returnTo")).toBeNull();
    },
  );
});
