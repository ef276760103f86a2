import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { aBootstrap, aFakeMsal, aGraphFetch, anAccount, startedAppProps } from "../test/fakes";
import { recordFreshSpaCodeAttempt, canAttemptFreshSpaCode } from "./freshSpaCodeGuard";
import { signOut, SignOutError } from "./signOut";

const ANTIFORGERY = { field: "__RequestVerificationToken", token: "antiforgery-token-value" };

function anAntiforgeryFetch(answer: () => Response | Promise<Response> = () => Response.json(ANTIFORGERY)) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    void init;
    return String(input) === aBootstrap().signOut.antiforgeryUrl
      ? answer()
      : Response.json({ error: { code: "Request_ResourceNotFound" } }, { status: 404 });
  });
}

describe("sign-out", () => {
  let submit: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    submit = vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => {});
  });

  it("asks the server for the antiforgery token, same-origin and never from a cache", async () => {
    const send = anAntiforgeryFetch();

    await signOut(aFakeMsal(), aBootstrap().signOut, document, send);

    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith("/account/signout/antiforgery", {
      credentials: "same-origin",
      cache: "no-store",
      redirect: "error",
      headers: { Accept: "application/json" },
    });
  });

  it("clears MSAL's browser cache after getting the token and before posting the form", async () => {
    const msal = aFakeMsal();
    const send = anAntiforgeryFetch();

    await signOut(msal, aBootstrap().signOut, document, send);

    expect(msal.clearCache).toHaveBeenCalledTimes(1);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(send.mock.invocationCallOrder[0]).toBeLessThan(msal.clearCache.mock.invocationCallOrder[0] ?? 0);
    expect(msal.clearCache.mock.invocationCallOrder[0]).toBeLessThan(submit.mock.invocationCallOrder[0] ?? 0);
  });

  it("posts a form with the server's antiforgery field to the sign-out URL", async () => {
    await signOut(aFakeMsal(), aBootstrap().signOut, document, anAntiforgeryFetch());

    const form = submit.mock.contexts[0] as HTMLFormElement;
    expect(form.method).toBe("post");
    expect(form.getAttribute("action")).toBe("/account/signout");
    expect(Object.fromEntries(new FormData(form))).toEqual({ __RequestVerificationToken: "antiforgery-token-value" });
  });

  it.each([
    ["the network fails", () => Promise.reject(new TypeError("Failed to fetch")), "could not be reached"],
    ["the server answers 503", () => Response.json({ error: "unavailable" }, { status: 503 }), "HTTP 503"],
    ["the answer is not JSON", () => new Response("<html>", { status: 200 }), "not understood"],
    ["the token is missing", () => Response.json({ field: "__RequestVerificationToken" }), "not understood"],
  ])("when %s, rejects with a SignOutError and signs nothing out", async (_, answer, message) => {
    const msal = aFakeMsal();
    recordFreshSpaCodeAttempt(sessionStorage, Date.now());

    const outcome = signOut(msal, aBootstrap().signOut, document, anAntiforgeryFetch(answer));

    await expect(outcome).rejects.toBeInstanceOf(SignOutError);
    await expect(outcome).rejects.toThrow(message);
    expect(msal.clearCache).not.toHaveBeenCalled();
    expect(canAttemptFreshSpaCode(sessionStorage, Date.now())).toBe(false);
    expect(submit).not.toHaveBeenCalled();
  });

  it("forgets the fresh-SPA-code loop guard, so the next user starts fresh", async () => {
    recordFreshSpaCodeAttempt(sessionStorage, Date.now());

    await signOut(aFakeMsal(), aBootstrap().signOut, document, anAntiforgeryFetch());

    expect(canAttemptFreshSpaCode(sessionStorage, Date.now())).toBe(true);
  });

  it("still signs out at the server when MSAL cannot clear its cache", async () => {
    const msal = aFakeMsal();
    msal.clearCache.mockRejectedValue(new Error("storage unavailable"));

    await signOut(msal, aBootstrap().signOut, document, anAntiforgeryFetch());

    expect(submit).toHaveBeenCalledTimes(1);
  });

  it("keeps a hostile antiforgery token as a field value, not markup", async () => {
    const hostile = '"><img src=x onerror=alert(1)>';

    await signOut(aFakeMsal(), aBootstrap().signOut, document, anAntiforgeryFetch(() => Response.json({ ...ANTIFORGERY, token: hostile })));

    const form = submit.mock.contexts[0] as HTMLFormElement;
    expect(form.querySelector("input")?.value).toBe(hostile);
    expect(form.querySelector("img")).toBeNull();
  });

  it("the Sign out button clears the cache, then submits, once", async () => {
    const graph = aGraphFetch();
    const antiforgery = anAntiforgeryFetch();
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).startsWith("/account/") ? antiforgery(input, init) : graph(input),
    );
    const msal = aFakeMsal([anAccount()]);
    render(<App {...startedAppProps(msal, aBootstrap())} />);

    await userEvent.click(screen.getByRole("button", { name: "Sign out" }));

    await vi.waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(msal.clearCache.mock.invocationCallOrder[0]).toBeLessThan(submit.mock.invocationCallOrder[0] ?? 0);
    expect(screen.getByRole("button", { name: "Signing out…" })).toBeDisabled();
  });

  it("the Sign out button says why when the server cannot sign out, and can be pressed again", async () => {
    const graph = aGraphFetch();
    vi.stubGlobal("fetch", (input: RequestInfo | URL) =>
      String(input).startsWith("/account/") ? Promise.reject(new TypeError("Failed to fetch")) : graph(input),
    );
    const msal = aFakeMsal([anAccount()]);
    render(<App {...startedAppProps(msal, aBootstrap())} />);

    await userEvent.click(screen.getByRole("button", { name: "Sign out" }));

    expect(await screen.findByText(/could not be reached to sign out/)).toHaveAttribute("role", "alert");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeEnabled();
    expect(msal.clearCache).not.toHaveBeenCalled();
    expect(submit).not.toHaveBeenCalled();
  });
});
