import { StrictMode } from "react";
import { InteractionRequiredAuthError, ServerError } from "@azure/msal-browser";
import { render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { browserNavigation } from "../auth/browserNavigation";
import { canRedirectWithClaims } from "../auth/claimsRedirect";
import { aBootstrap, aFakeMsal, aGraphFetch, anAccount, aTokenResult, startedAppProps } from "../test/fakes";

const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
const CAE_CHALLENGE = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${btoa(CLAIMS)}"`;

/** Graph as it answers once the user's session was revoked: 401 with the challenge until a token carries the claims. */
function graphAfterRevocation(wwwAuthenticate = CAE_CHALLENGE) {
  const usual = aGraphFetch();
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const authorization = new Headers(init?.headers).get("Authorization");
    if (authorization !== "Bearer token-with-claims") {
      return new Response(JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "Continuous access evaluation resulted in challenge." } }), {
        status: 401,
        headers: { "Content-Type": "application/json", "WWW-Authenticate": wwwAuthenticate },
      });
    }
    return usual(input);
  });
}

/** MSAL as it answers when the claims need MFA: the cached (revoked) token silently, interaction required for the claims. */
function onlyInteractionAddsClaims(msal: ReturnType<typeof aFakeMsal>) {
  msal.acquireTokenSilent.mockImplementation(async (request) => {
    if (request.claims !== undefined) {
      throw new InteractionRequiredAuthError("interaction_required", "AADSTS50076: multi-factor authentication required.");
    }
    return aTokenResult({ accessToken: "revoked-token" });
  });
}

function renderApp(msal: ReturnType<typeof aFakeMsal>) {
  return render(
    <StrictMode>
      <App {...startedAppProps(msal, aBootstrap())} />
    </StrictMode>,
  );
}

describe("a Graph claims challenge (CAE revocation, Conditional Access) on the home page", () => {
  let assign: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    assign = vi.spyOn(browserNavigation, "assign").mockImplementation(() => {});
  });

  it("renews silently with the challenge's claims and shows the profile, without leaving the page", async () => {
    vi.stubGlobal("fetch", graphAfterRevocation());
    const msal = aFakeMsal([anAccount()]);
    msal.acquireTokenSilent.mockImplementation(async (request) =>
      aTokenResult({ accessToken: request.claims === CLAIMS ? "token-with-claims" : "revoked-token" }),
    );

    renderApp(msal);

    expect(await screen.findByText("Adele Vance", { selector: "h2" })).toBeInTheDocument();
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ claims: CLAIMS }));
    expect(msal.acquireTokenRedirect).not.toHaveBeenCalled();
    expect(assign).not.toHaveBeenCalled();
  });

  it("when only interaction can add the claims: acquireTokenRedirect with the claims and the login hint, once", async () => {
    vi.stubGlobal("fetch", graphAfterRevocation());
    const msal = aFakeMsal([anAccount()]);
    onlyInteractionAddsClaims(msal);

    renderApp(msal);

    await waitFor(() => expect(msal.acquireTokenRedirect).toHaveBeenCalledTimes(1));
    expect(msal.acquireTokenRedirect).toHaveBeenCalledWith({
      account: anAccount(),
      scopes: ["User.Read"],
      claims: CLAIMS,
      loginHint: "opaque-login-hint",
    });
    expect(await screen.findByText("Signing you in again for Microsoft Graph…")).toBeInTheDocument();
    expect(screen.queryByText(/could not be reached/)).not.toBeInTheDocument();
    expect(canRedirectWithClaims(sessionStorage, Date.now())).toBe(false);
  });

  it("when the identity provider keeps asking after that redirect: the error card, no second redirect", async () => {
    vi.stubGlobal("fetch", graphAfterRevocation());
    const msal = aFakeMsal([anAccount()]);
    onlyInteractionAddsClaims(msal);
    renderApp(msal);
    await waitFor(() => expect(msal.acquireTokenRedirect).toHaveBeenCalledTimes(1));

    // The page after the redirect, which Graph challenges again.
    renderApp(msal);

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading")).toHaveTextContent("Your access token could not be obtained");
    expect(alert).toHaveTextContent("keeps asking");
    expect(alert).toHaveTextContent("insufficient_claims");
    expect(within(alert).getByRole("button")).toHaveTextContent("Try again");
    expect(msal.acquireTokenRedirect).toHaveBeenCalledTimes(1);
  });

  it("a malformed claims value: the error card, never a token request with it or a redirect", async () => {
    vi.stubGlobal("fetch", graphAfterRevocation('Bearer error="insufficient_claims", claims="not-json-at-all"'));
    const msal = aFakeMsal([anAccount()]);

    renderApp(msal);

    expect(await screen.findByRole("alert")).toHaveTextContent("invalid_claims_challenge");
    expect(msal.acquireTokenSilent).not.toHaveBeenCalledWith(expect.objectContaining({ claims: expect.anything() as unknown }));
    expect(msal.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it("a spent refresh token during a Graph call gets a fresh SPA code, instead of a Graph failure", async () => {
    vi.stubGlobal("fetch", aGraphFetch());
    const msal = aFakeMsal([anAccount()]);
    msal.acquireTokenSilent
      .mockResolvedValueOnce(aTokenResult({ fromCache: true }))
      .mockRejectedValue(new ServerError("invalid_grant", "", "AADSTS700084: The refresh token has expired.", "", "700084", 400));

    renderApp(msal);

    await waitFor(() => expect(assign).toHaveBeenCalledWith("/account/spa-code"));
    expect(screen.queryByText(/Microsoft Graph/, { selector: "h2" })).not.toBeInTheDocument();
  });
});

describe("after the claims redirect returns", () => {
  it("puts back where the user was", async () => {
    window.history.replaceState(null, "", "/?view=profile#photo");
    vi.stubGlobal("fetch", graphAfterRevocation());
    const msal = aFakeMsal([anAccount()]);
    onlyInteractionAddsClaims(msal);
    renderApp(msal);
    await waitFor(() => expect(msal.acquireTokenRedirect).toHaveBeenCalledTimes(1));

    // The identity provider sends the browser back to the redirect URI with the response, which MSAL handles.
    window.history.replaceState(null, "", "/");
    msal.handleRedirectPromise.mockResolvedValue(aTokenResult({ accessToken: "token-with-claims" }));
    msal.acquireTokenSilent.mockResolvedValue(aTokenResult({ accessToken: "token-with-claims", fromCache: true }));
    renderApp(msal);

    expect(await screen.findAllByText("Adele Vance", { selector: "h2" })).not.toHaveLength(0);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe("/?view=profile#photo");
    window.history.replaceState(null, "", "/");
  });
});
