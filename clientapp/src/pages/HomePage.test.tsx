import { StrictMode } from "react";
import { CacheLookupPolicy, InteractionRequiredAuthError, ServerError } from "@azure/msal-browser";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { browserNavigation } from "../auth/browserNavigation";
import { recordFreshSpaCodeAttempt } from "../auth/freshSpaCodeGuard";
import type { Bootstrap } from "../bootstrap/bootstrapConfig";
import { aBootstrap, aFakeMsal, aGraphFetch, anAccount, aTokenResult, startedAppProps } from "../test/fakes";

const CORRELATION_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
let codeCounter = 0;
/** Each test redeems its own code: redemption is guarded per code for the page's lifetime. */
const aFreshSpaCode = () => `spa-code-${++codeCounter}`;

function renderApp(instance: ReturnType<typeof aFakeMsal>, bootstrap: Bootstrap) {
  return render(
    <StrictMode>
      <App {...startedAppProps(instance, bootstrap)} />
    </StrictMode>,
  );
}

function spentGrant(aadsts: string): ServerError {
  return new ServerError("invalid_grant", CORRELATION_ID, `AADSTS${aadsts}: spent.`, "", aadsts, 400);
}

describe("token bootstrap", () => {
  let assign: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    vi.stubGlobal("fetch", aGraphFetch());
    assign = vi.spyOn(browserNavigation, "assign").mockImplementation(() => {});
  });

  it("redeems the SPA code exactly once under StrictMode and makes its account active", async () => {
    const msal = aFakeMsal();
    const code = aFreshSpaCode();

    renderApp(msal, aBootstrap({ spaCode: code }));

    expect(await screen.findByText("Adele Vance", { selector: "h2" })).toBeInTheDocument();
    expect(msal.acquireTokenByCode).toHaveBeenCalledTimes(1);
    expect(msal.acquireTokenByCode).toHaveBeenCalledWith({ code, scopes: ["User.Read"] });
    expect(msal.setActiveAccount).toHaveBeenCalledWith(anAccount());
    expect(msal.ssoSilent).not.toHaveBeenCalled();
  });

  it("says the token came from the SPA code in one request", async () => {
    renderApp(aFakeMsal(), aBootstrap({ spaCode: aFreshSpaCode() }));

    expect(await screen.findByText("SPA code, 1 request to the identity provider.")).toBeInTheDocument();
    const timeline = screen.getByRole("region", { name: "How this token was obtained" });
    expect(within(timeline).getByRole("listitem")).toHaveTextContent(/SPA code · 1 request · \d+ ms/);
  });

  it("renews silently for the cached account without a code, never with an iframe-capable policy", async () => {
    const account = anAccount();
    const msal = aFakeMsal([account]);

    renderApp(msal, aBootstrap());

    expect(await screen.findByText("Cache, no request to the identity provider.")).toBeInTheDocument();
    expect(msal.acquireTokenByCode).not.toHaveBeenCalled();
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({
      account,
      scopes: ["User.Read"],
      cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
    });
  });

  it("reports a refresh-token renewal as one request", async () => {
    const msal = aFakeMsal([anAccount()]);
    msal.acquireTokenSilent.mockResolvedValue(aTokenResult({ fromCache: false }));

    renderApp(msal, aBootstrap());

    expect(await screen.findByText("Refresh token, 1 request to the identity provider.")).toBeInTheDocument();
  });

  it("signs in with loginRedirect and the login hint when there is no code and no cached account", async () => {
    const msal = aFakeMsal([]);

    renderApp(msal, aBootstrap());

    await waitFor(() => expect(msal.loginRedirect).toHaveBeenCalledWith({ scopes: ["User.Read"], loginHint: "opaque-login-hint" }));
    expect(screen.getByRole("status")).toHaveTextContent("Signing you in again…");
  });

  it("signs in with loginRedirect when the server could not get a SPA code (bootstrapByRedirect)", async () => {
    const msal = aFakeMsal([]);

    renderApp(msal, aBootstrap({ bootstrapByRedirect: true, loginHint: null }));

    await waitFor(() => expect(msal.loginRedirect).toHaveBeenCalledWith({ scopes: ["User.Read"] }));
  });

  describe("classic bootstrap (the server requested no SPA code)", () => {
    /** Each test signs in its own user: the silent sign-in is shared per login hint for the page's lifetime. */
    const classic = (loginHint: string) =>
      aBootstrap({
        loginHint,
        spaCodeRequested: false,
        bootstrapByRedirect: true,
        silentRedirectUri: "https://localhost:5001/account/silent-callback",
      });

    it("signs the server's user in again with ssoSilent through the silent redirect page", async () => {
      const msal = aFakeMsal([]);
      msal.ssoSilent.mockResolvedValue(aTokenResult());

      renderApp(msal, classic("classic-hint-1"));

      expect(await screen.findByText("Hidden iframe, 1 request to the identity provider.")).toBeInTheDocument();
      expect(msal.ssoSilent).toHaveBeenCalledTimes(1);
      expect(msal.ssoSilent).toHaveBeenCalledWith({
        loginHint: "classic-hint-1",
        redirectUri: "https://localhost:5001/account/silent-callback",
        scopes: ["User.Read"],
      });
      expect(msal.setActiveAccount).toHaveBeenCalledWith(anAccount());
      expect(msal.loginRedirect).not.toHaveBeenCalled();
    });

    it("falls back to loginRedirect with the hint when the iframe cannot sign in (third-party cookies blocked)", async () => {
      const msal = aFakeMsal([]);
      msal.ssoSilent.mockRejectedValue(
        new InteractionRequiredAuthError("login_required", CORRELATION_ID, "AADSTS50058: no session in this context"),
      );

      renderApp(msal, classic("classic-hint-2"));

      await waitFor(() =>
        expect(msal.loginRedirect).toHaveBeenCalledWith({ scopes: ["User.Read"], loginHint: "classic-hint-2" }),
      );
      expect(msal.ssoSilent).toHaveBeenCalledTimes(1);
      expect(assign).not.toHaveBeenCalled();
    });
  });

  describe("when redemption or renewal fails", () => {
    it("interaction required → loginRedirect with the login hint so the same user returns", async () => {
      const msal = aFakeMsal();
      msal.acquireTokenByCode.mockRejectedValue(
        new InteractionRequiredAuthError("invalid_grant", CORRELATION_ID, "AADSTS65001: consent", "consent_required"),
      );

      renderApp(msal, aBootstrap({ spaCode: aFreshSpaCode() }));

      await waitFor(() =>
        expect(msal.loginRedirect).toHaveBeenCalledWith({ scopes: ["User.Read"], loginHint: "opaque-login-hint" }),
      );
      expect(msal.loginRedirect).toHaveBeenCalledTimes(1);
      expect(assign).not.toHaveBeenCalled();
    });

    it("AADSTS54005 (code already redeemed) → top-level navigation to the fresh-SPA-code endpoint", async () => {
      const msal = aFakeMsal();
      msal.acquireTokenByCode.mockRejectedValue(spentGrant("54005"));

      renderApp(msal, aBootstrap({ spaCode: aFreshSpaCode() }));

      await waitFor(() => expect(assign).toHaveBeenCalledWith("/account/spa-code"));
      expect(assign).toHaveBeenCalledTimes(1);
      expect(msal.loginRedirect).not.toHaveBeenCalled();
      expect(screen.getByRole("status")).toHaveTextContent("Renewing your session with the server…");
    });

    it("AADSTS700084 (SPA refresh token past 24 h) → top-level navigation to the fresh-SPA-code endpoint", async () => {
      const msal = aFakeMsal([anAccount()]);
      msal.acquireTokenSilent.mockRejectedValue(spentGrant("700084"));

      renderApp(msal, aBootstrap());

      await waitFor(() => expect(assign).toHaveBeenCalledWith("/account/spa-code"));
      expect(document.querySelector("iframe")).toBeNull();
    });

    it("a spent grant right after an automatic trip → error screen instead of a loop", async () => {
      recordFreshSpaCodeAttempt(sessionStorage, Date.now());
      const msal = aFakeMsal([anAccount()]);
      msal.acquireTokenSilent.mockRejectedValue(spentGrant("700084"));

      renderApp(msal, aBootstrap());

      expect(await screen.findByRole("alert")).toHaveTextContent("AADSTS700084");
      expect(assign).not.toHaveBeenCalled();
    });

    it("a spent grant on the error card: says the sign-in expired and offers Sign in again, which fetches a new SPA code", async () => {
      recordFreshSpaCodeAttempt(sessionStorage, Date.now());
      const msal = aFakeMsal([anAccount()]);
      msal.acquireTokenSilent.mockRejectedValue(spentGrant("700084"));

      renderApp(msal, aBootstrap());

      expect(await screen.findByRole("alert")).toHaveTextContent("Your sign-in to this app has expired in this browser.");
      await userEvent.click(screen.getByRole("button", { name: "Sign in again" }));

      expect(assign).toHaveBeenCalledWith("/account/spa-code");
    });

    it("any other error → error screen with the AADSTS code, correlation id and a Retry that renews silently", async () => {
      const msal = aFakeMsal();
      msal.acquireTokenByCode.mockRejectedValue(
        new ServerError("invalid_request", CORRELATION_ID, "AADSTS9002326: Cross-origin token redemption…", "", "9002326", 400),
      );

      renderApp(msal, aBootstrap({ spaCode: aFreshSpaCode() }));

      const alert = await screen.findByRole("alert");
      expect(alert).toHaveTextContent("AADSTS9002326");
      expect(alert).toHaveTextContent(CORRELATION_ID);
      expect(alert).toHaveTextContent("Cross-origin token redemption…");

      msal.getAllAccounts.mockReturnValue([anAccount()]);
      await userEvent.click(screen.getByRole("button", { name: "Try again" }));

      expect(await screen.findByText("Cache, no request to the identity provider.")).toBeInTheDocument();
      expect(msal.acquireTokenByCode).toHaveBeenCalledTimes(1);
      expect(msal.acquireTokenSilent).toHaveBeenCalled();
    });

    it("a failing loginRedirect → error screen, not a blank page", async () => {
      const msal = aFakeMsal([]);
      msal.loginRedirect.mockRejectedValue(new ServerError("interaction_in_progress", CORRELATION_ID, "Interaction is in progress."));

      renderApp(msal, aBootstrap());

      expect(await screen.findByRole("alert")).toHaveTextContent("Interaction is in progress.");
    });
  });

  it("shows a loading state while the token is being acquired", async () => {
    const msal = aFakeMsal();
    let finish: () => void = () => {};
    msal.acquireTokenByCode.mockReturnValue(
      new Promise((resolve) => {
        finish = () => resolve(aTokenResult());
      }),
    );

    renderApp(msal, aBootstrap({ spaCode: aFreshSpaCode() }));

    expect(screen.getByRole("status")).toHaveTextContent("Getting an access token…");
    await act(async () => finish());
    expect(await screen.findByText("Adele Vance", { selector: "h2" })).toBeInTheDocument();
  });

  it("calls loginRedirect only once msal-react reports no interaction in progress, and then once", async () => {
    const msal = aFakeMsal([]);
    let finishRedirectHandling: (result: null) => void = () => {};
    // MsalProvider stays in InteractionStatus.Startup until its handleRedirectPromise settles.
    msal.handleRedirectPromise.mockReturnValue(new Promise((resolve) => (finishRedirectHandling = resolve)));
    const needsSignIn = Promise.resolve({ kind: "needs-sign-in" } as const);

    render(
      <StrictMode>
        <App instance={msal} bootstrap={aBootstrap()} firstToken={needsSignIn} />
      </StrictMode>,
    );

    expect(await screen.findByText("Signing you in again…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeDisabled();
    expect(msal.loginRedirect).not.toHaveBeenCalled();
    await act(async () => finishRedirectHandling(null));
    await waitFor(() => expect(msal.loginRedirect).toHaveBeenCalledTimes(1));
    expect(screen.getByRole("button", { name: "Sign out" })).toBeEnabled();
  });
});

describe("navigation", () => {
  beforeEach(() => {
    vi.stubGlobal("fetch", aGraphFetch());
  });

  it("links to the pages the bootstrap names, the paths the server declares its routes with", async () => {
    const pages = { home: "/app/", profile: "/app/me", profileMail: "/app/me/mail", signedOut: "/app/bye" };

    renderApp(aFakeMsal(), aBootstrap({ pages }));

    const navigation = within(await screen.findByRole("navigation", { name: "Main" }));
    expect(navigation.getByRole("link", { name: "Home" })).toHaveAttribute("href", pages.home);
    expect(navigation.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
    expect(navigation.getByRole("link", { name: "Profile" })).toHaveAttribute("href", pages.profile);
    expect(navigation.getByRole("link", { name: "Mail" })).toHaveAttribute("href", pages.profileMail);
    expect(screen.getByRole("link", { name: "HybridSpa" })).toHaveAttribute("href", pages.home);
  });
});
