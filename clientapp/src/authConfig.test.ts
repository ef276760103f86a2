import { PublicClientApplication } from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { createMsalConfiguration } from "./authConfig";
import { aBootstrap } from "./test/fakes";

const AUTHORITY_METADATA = JSON.stringify({
  issuer: "https://login.dev.localhost:5443/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/v2.0",
  authorization_endpoint: "https://login.dev.localhost:5443/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/oauth2/v2.0/authorize",
  token_endpoint: "https://login.dev.localhost:5443/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/oauth2/v2.0/token",
  end_session_endpoint: "https://login.dev.localhost:5443/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/oauth2/v2.0/logout",
  jwks_uri: "https://login.dev.localhost:5443/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/discovery/v2.0/keys",
});

describe("the MSAL configuration", () => {
  it("is accepted by the real msal-browser, which then initializes without any network request", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const instance = new PublicClientApplication(
      createMsalConfiguration(aBootstrap({ authorityMetadata: AUTHORITY_METADATA })),
    );

    await instance.initialize();
    expect(await instance.handleRedirectPromise({ navigateToLoginRequestUrl: false })).toBeNull();

    expect(instance.getConfiguration().auth).toMatchObject({
      authority: aBootstrap().authority,
      knownAuthorities: ["login.dev.localhost:5443"],
      postLogoutRedirectUri: "https://localhost:5001/",
      clientCapabilities: ["CP1"],
    });
    expect(instance.getConfiguration().cache.cacheLocation).toBe("sessionStorage");
    expect(instance.getConfiguration().system.allowPlatformBroker).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
    expect(document.querySelector("iframe")).toBeNull();
  });

  it("lets only the classic bootstrap read the silent iframe's URL (legacy polling, no script on the callback page)", () => {
    expect(createMsalConfiguration(aBootstrap()).system?.enableLegacyPolling).toBeUndefined();
    expect(createMsalConfiguration(aBootstrap({ spaCodeRequested: false })).system?.enableLegacyPolling).toBe(true);
  });
});
