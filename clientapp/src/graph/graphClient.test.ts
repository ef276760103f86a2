import { CacheLookupPolicy, InteractionRequiredAuthError, ServerError } from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { ResourceChallengeError } from "../auth/resourceChallenge";
import { aFakeMsal, aGraphFetch, aGraphUser, anAccount, aTokenResult } from "../test/fakes";
import { SessionEndedError } from "../session/serverSession";
import { createGraphClient, GraphError } from "./graphClient";

function aClient(fetch: typeof globalThis.fetch, graphBaseUrl = "https://login.dev.localhost:5443/v1.0") {
  const msal = aFakeMsal([anAccount()]);
  const client = createGraphClient({ instance: msal, account: anAccount(), scopes: ["User.Read"], graphBaseUrl, fetch });
  return { msal, client };
}

describe("the Graph client", () => {
  it("asks acquireTokenSilent for a token on every call and sends it as the bearer", async () => {
    const fetch = aGraphFetch();
    const { msal, client } = aClient(fetch);
    msal.acquireTokenSilent
      .mockResolvedValueOnce(aTokenResult({ accessToken: "first-token" }))
      .mockResolvedValueOnce(aTokenResult({ accessToken: "second-token" }));

    await client.getMe();
    await client.getMyPhoto();

    expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({
      account: anAccount(),
      scopes: ["User.Read"],
      cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
    });
    expect(fetch).toHaveBeenNthCalledWith(1, "https://login.dev.localhost:5443/v1.0/me", {
      headers: { Authorization: "Bearer first-token" },
    });
    expect(fetch).toHaveBeenNthCalledWith(2, "https://login.dev.localhost:5443/v1.0/me/photo/$value", {
      headers: { Authorization: "Bearer second-token" },
    });
  });

  it("takes no token and calls nothing once the server's session has ended", async () => {
    const fetch = aGraphFetch();
    const msal = aFakeMsal([anAccount()]);
    const ended = new SessionEndedError("You were signed out elsewhere.");
    const client = createGraphClient({
      instance: msal,
      account: anAccount(),
      scopes: ["User.Read"],
      graphBaseUrl: "https://login.dev.localhost:5443/v1.0",
      fetch,
      ensureSignedIn: () => Promise.reject(ended),
    });

    await expect(client.getMe()).rejects.toBe(ended);
    await expect(client.getMyPhoto()).rejects.toBe(ended);

    expect(msal.acquireTokenSilent).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("joins the base URL without doubling the slash", async () => {
    const fetch = aGraphFetch();
    const { client } = aClient(fetch, "https://graph.microsoft.com/v1.0/");

    await client.getMe();

    expect(fetch).toHaveBeenCalledWith("https://graph.microsoft.com/v1.0/me", expect.anything());
  });

  it("returns the typed /me profile, nulls preserved", async () => {
    const { client } = aClient(aGraphFetch({ me: aGraphUser({ jobTitle: null, businessPhones: [] }) }));

    expect(await client.getMe()).toEqual({
      id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
      displayName: "Adele Vance",
      givenName: "Adele",
      surname: "Vance",
      jobTitle: null,
      mail: "AdeleV@contoso.com",
      userPrincipalName: "AdeleV@contoso.com",
      officeLocation: "18/2111",
      mobilePhone: "+1 425 555 0109",
      businessPhones: [],
      preferredLanguage: "en-US",
    });
  });

  it("returns the photo bytes", async () => {
    const { client } = aClient(aGraphFetch({ photo: "png-bytes" }));

    expect(await (await client.getMyPhoto())?.text()).toBe("png-bytes");
  });

  it("returns no photo when Graph answers 404", async () => {
    const { client } = aClient(aGraphFetch({ photo: null }));

    expect(await client.getMyPhoto()).toBeNull();
  });

  it("turns Graph's error envelope into a GraphError with its code and message", async () => {
    const { client } = aClient(
      aGraphFetch({
        meStatus: 401,
        meBody: { error: { code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." } },
      }),
    );

    const error = await client.getMe().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      status: 401,
      code: "InvalidAuthenticationToken",
      message: "Access token has expired or is not yet valid.",
    });
  });

  it("describes a non-JSON error by its status", async () => {
    const fetch = async () => new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" });
    const { client } = aClient(fetch);

    await expect(client.getMe()).rejects.toMatchObject({ status: 502, code: "HTTP 502" });
  });

  it("does not call Graph when no token can be had", async () => {
    const fetch = aGraphFetch();
    const { msal, client } = aClient(fetch);
    msal.acquireTokenSilent.mockRejectedValue(new Error("no token"));

    await expect(client.getMe()).rejects.toThrow("no token");
    expect(fetch).not.toHaveBeenCalled();
  });

  describe("on a 401", () => {
    const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
    const challenge = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${btoa(CLAIMS)}"`;
    const unauthorized = (wwwAuthenticate: string | null) =>
      new Response(JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "Continuous access evaluation resulted in challenge." } }), {
        status: 401,
        headers: wwwAuthenticate === null ? {} : { "WWW-Authenticate": wwwAuthenticate },
      });
    /** Graph answering `first` to the first /me, then as usual. */
    const graphAnswering = (first: Response) => {
      const usual = aGraphFetch();
      return vi.fn<typeof fetch>().mockResolvedValueOnce(first).mockImplementation(usual);
    };

    it("a claims challenge: asks acquireTokenSilent again with the claims and calls Graph once more", async () => {
      const fetch = graphAnswering(unauthorized(challenge));
      const { msal, client } = aClient(fetch);
      msal.acquireTokenSilent
        .mockResolvedValueOnce(aTokenResult({ accessToken: "revoked-token" }))
        .mockResolvedValueOnce(aTokenResult({ accessToken: "token-with-claims" }));

      expect(await client.getMe()).toMatchObject({ displayName: "Adele Vance" });

      expect(msal.acquireTokenSilent).toHaveBeenNthCalledWith(2, {
        account: anAccount(),
        scopes: ["User.Read"],
        cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
        claims: CLAIMS,
      });
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(fetch).toHaveBeenLastCalledWith("https://login.dev.localhost:5443/v1.0/me", {
        headers: { Authorization: "Bearer token-with-claims" },
      });
    });

    it("a claims challenge only interaction can satisfy: rejects with the claims for the redirect, Graph not called again", async () => {
      const fetch = graphAnswering(unauthorized(challenge));
      const { msal, client } = aClient(fetch);
      msal.acquireTokenSilent
        .mockResolvedValueOnce(aTokenResult())
        .mockRejectedValueOnce(new InteractionRequiredAuthError("interaction_required", "AADSTS50076: MFA required."));

      const error = await client.getMe().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ResourceChallengeError);
      expect(error).toMatchObject({ challenge: { kind: "claims", claims: CLAIMS }, retried: true });
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it("a claims challenge whose retry finds the refresh token revoked (invalid_grant): rejects with the claims for the redirect", async () => {
      const fetch = graphAnswering(unauthorized(challenge));
      const { msal, client } = aClient(fetch);
      msal.acquireTokenSilent
        .mockResolvedValueOnce(aTokenResult())
        .mockRejectedValueOnce(new ServerError("invalid_grant", "AADSTS50173: The provided grant has expired due to it being revoked."));

      const error = await client.getMe().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ResourceChallengeError);
      expect(error).toMatchObject({ challenge: { kind: "claims", claims: CLAIMS }, retried: true });
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it("a claims challenge again after the retry: rejects after two calls, never a third", async () => {
      const fetch = vi.fn<typeof globalThis.fetch>(async () => unauthorized(challenge));
      const { msal, client } = aClient(fetch);

      await expect(client.getMe()).rejects.toMatchObject({ challenge: { kind: "claims" }, retried: true });
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
    });

    it("a malformed claims challenge: rejects at once, without asking for a token with it", async () => {
      const fetch = graphAnswering(unauthorized('Bearer error="insufficient_claims", claims="%%%"'));
      const { msal, client } = aClient(fetch);

      await expect(client.getMe()).rejects.toMatchObject({ challenge: { kind: "malformed-claims" } });
      expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(1);
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it("no claims challenge: calls Graph once more with a freshly refreshed token", async () => {
      const fetch = graphAnswering(unauthorized('Bearer error="invalid_token"'));
      const { msal, client } = aClient(fetch);

      expect(await client.getMe()).toMatchObject({ displayName: "Adele Vance" });
      expect(msal.acquireTokenSilent).toHaveBeenLastCalledWith(expect.objectContaining({ forceRefresh: true }));
      expect(fetch).toHaveBeenCalledTimes(2);
    });
  });
});
