import { InteractionRequiredAuthError } from "@azure/msal-browser";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { TokenErrorOutcome } from "../auth/useTokenErrorAction";
import { BootstrapProvider } from "../bootstrap/BootstrapContext";
import { createGraphClient } from "../graph/graphClient";
import { aBootstrap, aFakeMsal, aGraphFetch, aGraphUser, anAccount } from "../test/fakes";
import { SessionEndedError } from "../session/serverSession";
import { ProfileCard } from "./ProfileCard";

function renderProfile(
  fetch: typeof globalThis.fetch,
  msal = aFakeMsal([anAccount()]),
  onTokenError = vi.fn(async (): Promise<TokenErrorOutcome> => ({ kind: "redirecting" })),
) {
  const graph = createGraphClient({
    instance: msal,
    account: anAccount(),
    scopes: ["User.Read"],
    graphBaseUrl: "https://login.dev.localhost:5443/v1.0",
    fetch,
  });
  const view = render(
    <BootstrapProvider bootstrap={aBootstrap()}>
      <ProfileCard graph={graph} onTokenError={onTokenError} />
    </BootstrapProvider>,
  );
  return { ...view, onTokenError };
}

describe("ProfileCard", () => {
  it("shows a loading state, then the /me fields", async () => {
    renderProfile(aGraphFetch());

    expect(screen.getByRole("status")).toHaveTextContent("Loading your profile");
    expect(await screen.findByRole("heading", { name: "Adele Vance" })).toBeInTheDocument();
    for (const text of ["Retail Manager", "18/2111", "+1 425 555 0109", "en-US", "87d349ed-44d7-43e1-9a83-5f2406dee5bd"]) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    }
    expect(screen.getAllByText("AdeleV@contoso.com")).toHaveLength(2);
  });

  it("shows the photo from /me/photo/$value through an object URL", async () => {
    renderProfile(aGraphFetch({ photo: "png-bytes" }));

    const photo = await screen.findByRole("img", { name: "Photo of Adele Vance" });
    expect(photo).toHaveAttribute("src", "blob:http://localhost:3000/photo");
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
  });

  it("revokes the object URL when it goes away", async () => {
    const { unmount } = renderProfile(aGraphFetch());
    await screen.findByRole("img", { name: "Photo of Adele Vance" });

    unmount();

    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:http://localhost:3000/photo");
  });

  it("shows a placeholder with the initials when Graph has no photo (404)", async () => {
    renderProfile(aGraphFetch({ photo: null }));

    const placeholder = await screen.findByRole("img", { name: "No photo for Adele Vance" });
    expect(placeholder).toHaveTextContent("AV");
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });

  it("renders hostile profile strings as text only", async () => {
    const hostile = "</script><img src=x onerror=alert(1)>";
    const { container } = renderProfile(aGraphFetch({ me: aGraphUser({ displayName: hostile, jobTitle: hostile }), photo: null }));

    expect(await screen.findByRole("heading", { name: hostile })).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
  });

  it("says the user was signed out elsewhere, instead of a Graph or token error, when the server's session ended", async () => {
    const onTokenError = vi.fn(async (): Promise<TokenErrorOutcome> => ({ kind: "redirecting" }));
    const graph = createGraphClient({
      instance: aFakeMsal([anAccount()]),
      account: anAccount(),
      scopes: ["User.Read"],
      graphBaseUrl: "https://login.dev.localhost:5443/v1.0",
      fetch: aGraphFetch(),
      ensureSignedIn: () => Promise.reject(new SessionEndedError("You were signed out elsewhere.")),
    });
    render(
      <BootstrapProvider bootstrap={aBootstrap()}>
        <ProfileCard graph={graph} onTokenError={onTokenError} />
      </BootstrapProvider>,
    );

    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("You were signed out elsewhere"));
    expect(onTokenError).not.toHaveBeenCalled();
  });

  it("shows Graph's error code and message with a Retry that calls Graph again", async () => {
    const fetch = aGraphFetch({
      meStatus: 401,
      meBody: { error: { code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." } },
    });
    renderProfile(fetch);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("InvalidAuthenticationToken");
    expect(alert).toHaveTextContent("Access token has expired or is not yet valid.");

    fetch.mockImplementation(aGraphFetch());
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));

    expect(await screen.findByRole("heading", { name: "Adele Vance" })).toBeInTheDocument();
    expect(vi.mocked(fetch).mock.calls.length).toBeGreaterThan(2);
  });

  it("Graph not answering: says Graph cannot be reached and what to do, never only \"Failed to fetch\"", async () => {
    renderProfile(vi.fn<typeof fetch>().mockRejectedValue(new TypeError("Failed to fetch")));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading")).toHaveTextContent("Microsoft Graph cannot be reached");
    expect(alert).toHaveTextContent("You are still signed in: check your connection, then try again.");
    expect(within(alert).getByRole("button")).toHaveTextContent("Try again");
  });

  it("hands a token error to the error → action table's caller instead of calling it a Graph failure", async () => {
    const msal = aFakeMsal([anAccount()]);
    const tokenError = new InteractionRequiredAuthError("interaction_required", "AADSTS50076: MFA required.");
    msal.acquireTokenSilent.mockRejectedValue(tokenError);
    const fetch = aGraphFetch();

    const { onTokenError } = renderProfile(fetch, msal);

    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Signing you in again for Microsoft Graph"));
    await waitFor(() => expect(onTokenError).toHaveBeenCalledWith(tokenError));
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.queryByText(/Microsoft Graph cannot be reached/)).not.toBeInTheDocument();
  });

  it("shows the token error card with its one remedy when nothing automatic can help, and Try again calls Graph again", async () => {
    const msal = aFakeMsal([anAccount()]);
    msal.acquireTokenSilent.mockRejectedValueOnce(new Error("no token")).mockRejectedValueOnce(new Error("no token"));
    const onTokenError = vi.fn(
      async (): Promise<TokenErrorOutcome> => ({
        kind: "show-error",
        details: { aadstsCode: null, errorCode: "insufficient_claims", correlationId: null, message: "Graph keeps asking." },
      }),
    );

    renderProfile(aGraphFetch(), msal, onTokenError);

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading")).toHaveTextContent("Your access token could not be obtained");
    expect(alert).toHaveTextContent("insufficient_claims");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Adele Vance" })).toBeInTheDocument();
  });
});
