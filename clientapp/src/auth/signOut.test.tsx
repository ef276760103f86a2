import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { aBootstrap, aFakeMsal, aGraphFetch, anAccount, startedAppProps } from "../test/fakes";
import { recordFreshSpaCodeAttempt, canAttemptFreshSpaCode } from "./freshSpaCodeGuard";
import { signOut } from "./signOut";

describe("sign-out", () => {
  let submit: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    submit = vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => {});
  });

  it("clears MSAL's browser cache before posting the form to the server", async () => {
    const msal = aFakeMsal();

    await signOut(msal, aBootstrap().signOut, document);

    expect(msal.clearCache).toHaveBeenCalledTimes(1);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(msal.clearCache.mock.invocationCallOrder[0]).toBeLessThan(submit.mock.invocationCallOrder[0] ?? 0);
  });

  it("posts a form with the antiforgery field to the server's sign-out URL", async () => {
    await signOut(aFakeMsal(), aBootstrap().signOut, document);

    const form = submit.mock.contexts[0] as HTMLFormElement;
    expect(form.method).toBe("post");
    expect(form.getAttribute("action")).toBe("/account/signout");
    expect(Object.fromEntries(new FormData(form))).toEqual({ __RequestVerificationToken: "antiforgery-token-value" });
  });

  it("forgets the fresh-SPA-code loop guard, so the next user starts fresh", async () => {
    recordFreshSpaCodeAttempt(sessionStorage, Date.now());

    await signOut(aFakeMsal(), aBootstrap().signOut, document);

    expect(canAttemptFreshSpaCode(sessionStorage, Date.now())).toBe(true);
  });

  it("still signs out at the server when MSAL cannot clear its cache", async () => {
    const msal = aFakeMsal();
    msal.clearCache.mockRejectedValue(new Error("storage unavailable"));

    await signOut(msal, aBootstrap().signOut, document);

    expect(submit).toHaveBeenCalledTimes(1);
  });

  it("keeps a hostile antiforgery token as a field value, not markup", async () => {
    const hostile = '"><img src=x onerror=alert(1)>';

    await signOut(aFakeMsal(), { ...aBootstrap().signOut, antiforgeryToken: hostile }, document);

    const form = submit.mock.contexts[0] as HTMLFormElement;
    expect(form.querySelector("input")?.value).toBe(hostile);
    expect(form.querySelector("img")).toBeNull();
  });

  it("the Sign out button clears the cache, then submits, once", async () => {
    vi.stubGlobal("fetch", aGraphFetch());
    const msal = aFakeMsal([anAccount()]);
    render(<App {...startedAppProps(msal, aBootstrap())} />);

    await userEvent.click(screen.getByRole("button", { name: "Sign out" }));

    await vi.waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(msal.clearCache.mock.invocationCallOrder[0]).toBeLessThan(submit.mock.invocationCallOrder[0] ?? 0);
    expect(screen.getByRole("button", { name: "Signing out…" })).toBeDisabled();
  });
});
