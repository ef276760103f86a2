import type { AuthenticationResult } from "@azure/msal-browser";
import { InteractionRequiredAuthError } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import { aBootstrap, aFakeMsal, anAccount, aTokenResult } from "../test/fakes";
import {
  acquireFirstToken,
  chooseBootstrapStep,
  nextTask,
  pickCachedAccount,
  redeemSpaCodeOnce,
  startFirstToken,
} from "./firstToken";

const hybrid = { spaCodeRequested: true, loginHint: "opaque-login-hint", silentRedirectUri: null } as const;
const classic = {
  spaCodeRequested: false,
  loginHint: "opaque-login-hint",
  silentRedirectUri: "https://localhost:5001/account/silent-callback",
} as const;

let codeCounter = 0;
/** Each test redeems its own code: redemption is guarded per code for the page's lifetime. */
const aFreshSpaCode = () => `first-token-code-${++codeCounter}`;

describe("startFirstToken", () => {
  it("sends the SPA code without waiting for handleRedirectPromise, which it calls once, in a later task", async () => {
    const msal = aFakeMsal();
    msal.handleRedirectPromise.mockReturnValue(new Promise<AuthenticationResult | null>(() => {}));
    const code = aFreshSpaCode();

    const firstToken = startFirstToken(msal, aBootstrap({ spaCode: code }));
    await Promise.resolve(); // microtasks, like the ones MSAL builds the token request in

    expect(msal.acquireTokenByCode).toHaveBeenCalledExactlyOnceWith({ code, scopes: ["User.Read"] });
    expect(msal.handleRedirectPromise).not.toHaveBeenCalled();
    const outcome = await firstToken;
    await nextTask();
    expect(outcome).toMatchObject({ kind: "token", account: anAccount(), steps: [{ source: "spa-code", requests: 1 }] });
    expect(msal.handleRedirectPromise).toHaveBeenCalledExactlyOnceWith({ navigateToLoginRequestUrl: false });
  });

  it("redeems a SPA code without reading MSAL's account cache first: the code wins whatever is cached", async () => {
    const msal = aFakeMsal([anAccount()]);
    const code = aFreshSpaCode();

    const outcome = await startFirstToken(msal, aBootstrap({ spaCode: code }));

    expect(outcome).toMatchObject({ kind: "token", steps: [{ source: "spa-code", requests: 1 }] });
    expect(msal.acquireTokenByCode).toHaveBeenCalledExactlyOnceWith({ code, scopes: ["User.Read"] });
    expect(msal.getAllAccounts).not.toHaveBeenCalled();
    expect(msal.getActiveAccount).not.toHaveBeenCalled();
  });

  it("makes the redeemed account the active one", async () => {
    const msal = aFakeMsal();

    await startFirstToken(msal, aBootstrap({ spaCode: aFreshSpaCode() }));

    expect(msal.setActiveAccount).toHaveBeenCalledExactlyOnceWith(anAccount());
  });

  it("on return from loginRedirect, activates its account and renews from the cache: redirect, then cache", async () => {
    const msal = aFakeMsal([anAccount()]);
    msal.handleRedirectPromise.mockResolvedValue(aTokenResult());

    const outcome = await startFirstToken(msal, aBootstrap());

    expect(outcome).toMatchObject({
      kind: "token",
      steps: [
        { source: "redirect", requests: 1 },
        { source: "cache", requests: 0 },
      ],
    });
    expect(msal.setActiveAccount).toHaveBeenCalledWith(anAccount());
    expect(msal.setActiveAccount.mock.invocationCallOrder[0]).toBeLessThan(
      msal.acquireTokenSilent.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it("waits for the redirect response before choosing, when there is no SPA code", async () => {
    const msal = aFakeMsal([anAccount()]);
    let finishRedirect: (result: AuthenticationResult | null) => void = () => {};
    msal.handleRedirectPromise.mockReturnValue(new Promise((resolve) => (finishRedirect = resolve)));

    const outcome = startFirstToken(msal, aBootstrap());
    await Promise.resolve();
    expect(msal.acquireTokenSilent).not.toHaveBeenCalled();
    finishRedirect(null);

    expect(await outcome).toMatchObject({ kind: "token", steps: [{ source: "cache" }] });
  });

  it("reports a failed redirect response as a failure for the error → action table", async () => {
    const msal = aFakeMsal();
    const error = new InteractionRequiredAuthError("interaction_required", "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    msal.handleRedirectPromise.mockRejectedValue(error);

    expect(await startFirstToken(msal, aBootstrap())).toEqual({ kind: "failed", error });
  });
});

describe("acquireFirstToken", () => {
  it("asks the UI to sign in, never interactively itself, when nothing silent applies", async () => {
    const msal = aFakeMsal([]);

    expect(await acquireFirstToken(msal, aBootstrap(), null)).toEqual({ kind: "needs-sign-in" });
    expect(msal.loginRedirect).not.toHaveBeenCalled();
  });

  it("activates the account a silent renewal returns", async () => {
    const msal = aFakeMsal([anAccount()]);

    await acquireFirstToken(msal, aBootstrap(), null);

    expect(msal.setActiveAccount).toHaveBeenCalledExactlyOnceWith(anAccount());
  });

  it("turns a redemption error into a failed outcome instead of throwing", async () => {
    const msal = aFakeMsal();
    const error = new Error("network down");
    msal.acquireTokenByCode.mockRejectedValue(error);

    expect(await acquireFirstToken(msal, aBootstrap(), aFreshSpaCode())).toEqual({ kind: "failed", error });
    expect(msal.setActiveAccount).not.toHaveBeenCalled();
  });
});

describe("redeemSpaCodeOnce", () => {
  it("posts a code to /token once however many callers ask for it", async () => {
    const msal = aFakeMsal();

    const [first, second] = await Promise.all([
      redeemSpaCodeOnce(msal, "shared-code", ["User.Read"]),
      redeemSpaCodeOnce(msal, "shared-code", ["User.Read"]),
    ]);
    const later = await redeemSpaCodeOnce(msal, "shared-code", ["User.Read"]);

    expect(msal.acquireTokenByCode).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(later).toBe(first);
  });

  it("redeems a different code separately", async () => {
    const msal = aFakeMsal();
    msal.acquireTokenByCode.mockResolvedValue(aTokenResult());

    await redeemSpaCodeOnce(msal, "code-a", ["User.Read"]);
    await redeemSpaCodeOnce(msal, "code-b", ["User.Read"]);

    expect(msal.acquireTokenByCode).toHaveBeenCalledTimes(2);
  });
});

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
