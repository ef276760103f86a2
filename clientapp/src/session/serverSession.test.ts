import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browserNavigation } from "../auth/browserNavigation";
import { aFakeMsal } from "../test/fakes";
import {
  SESSION_CHANNEL_NAME,
  SessionEndedError,
  checkServerSession,
  createServerSessionWatch,
} from "./serverSession";

const urls = { statusUrl: "/account/session", signedOutPage: "/account/signed-out" };

function aSessionFetch(signedIn: boolean | (() => Response)) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    void init;
    if (String(input) !== "/account/session") {
      return new Response(null, { status: 404 });
    }
    return typeof signedIn === "boolean" ? Response.json({ signedIn }) : signedIn();
  });
}

/** Resolves once the channel's next message has been delivered (BroadcastChannel delivers asynchronously). */
function nextMessage(channel: BroadcastChannel): Promise<unknown> {
  return new Promise((resolve) => {
    channel.addEventListener("message", (event) => resolve(event.data), { once: true });
  });
}

describe("the server session check", () => {
  it("asks same-origin, never from a cache, and never follows a redirect to sign in", async () => {
    const send = aSessionFetch(true);

    await checkServerSession(urls.statusUrl, send);

    expect(send).toHaveBeenCalledWith("/account/session", {
      credentials: "same-origin",
      cache: "no-store",
      redirect: "error",
      headers: { Accept: "application/json" },
    });
  });

  it.each([
    ["signed in", () => Response.json({ signedIn: true }), "signed-in"],
    ["signed out", () => Response.json({ signedIn: false }), "signed-out"],
    ["a 503 page", () => new Response("<html>", { status: 503 }), "unknown"],
    ["JSON of another shape", () => Response.json({ signedIn: "no" }), "unknown"],
    ["not JSON", () => new Response("<html>"), "unknown"],
  ])("reads %s as %s", async (_, answer, expected) => {
    expect(await checkServerSession(urls.statusUrl, aSessionFetch(answer))).toBe(expected);
  });

  it("reads a network failure as unknown", async () => {
    const send = vi.fn(() => Promise.reject(new TypeError("Failed to fetch")));

    expect(await checkServerSession(urls.statusUrl, send)).toBe("unknown");
  });
});

describe("the server session watch", () => {
  let assign: ReturnType<typeof vi.spyOn>;
  let otherTab: BroadcastChannel;

  beforeEach(() => {
    assign = vi.spyOn(browserNavigation, "assign").mockImplementation(() => {});
    otherTab = new BroadcastChannel(SESSION_CHANNEL_NAME);
  });

  afterEach(() => {
    otherTab.close();
    vi.restoreAllMocks();
  });

  it("lets a Graph call go ahead while the server holds the session", async () => {
    const msal = aFakeMsal();
    const watch = createServerSessionWatch({ instance: msal, urls, send: aSessionFetch(true) });

    await watch.assertSignedIn();

    expect(msal.clearCache).not.toHaveBeenCalled();
    expect(assign).not.toHaveBeenCalled();
  });

  it("lets a Graph call go ahead when the server cannot say (an outage does not sign anyone out)", async () => {
    const watch = createServerSessionWatch({ instance: aFakeMsal(), urls, send: aSessionFetch(() => new Response(null, { status: 503 })) });

    await expect(watch.assertSignedIn()).resolves.toBeUndefined();
  });

  it("refuses the call once the session ended, clears MSAL's cache, tells the other tabs and shows the signed-out page", async () => {
    const msal = aFakeMsal();
    const watch = createServerSessionWatch({ instance: msal, urls, send: aSessionFetch(false) });
    const told = nextMessage(otherTab);

    await expect(watch.assertSignedIn()).rejects.toBeInstanceOf(SessionEndedError);

    expect(msal.clearCache).toHaveBeenCalledTimes(1);
    expect(assign).toHaveBeenCalledWith("/account/signed-out");
    expect(await told).toEqual({ type: "signed-out" });
  });

  it("never uses the tab's tokens again after the session ended, without asking the server again", async () => {
    const send = aSessionFetch(false);
    const watch = createServerSessionWatch({ instance: aFakeMsal(), urls, send });
    await expect(watch.assertSignedIn()).rejects.toBeInstanceOf(SessionEndedError);

    await expect(watch.assertSignedIn()).rejects.toBeInstanceOf(SessionEndedError);

    expect(send).toHaveBeenCalledTimes(1);
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it("asks the server once for concurrent Graph calls", async () => {
    const send = aSessionFetch(true);
    const watch = createServerSessionWatch({ instance: aFakeMsal(), urls, send });

    await Promise.all([watch.assertSignedIn(), watch.assertSignedIn()]);

    expect(send).toHaveBeenCalledTimes(1);
  });

  it("ends the tab when another tab says the session ended, without asking the server", async () => {
    const msal = aFakeMsal();
    const send = aSessionFetch(true);
    const watch = createServerSessionWatch({ instance: msal, urls, send });
    const stop = watch.listen(window);
    const ended = vi.waitFor(() => expect(assign).toHaveBeenCalledWith("/account/signed-out"));

    otherTab.postMessage({ type: "signed-out" });
    await ended;
    stop();

    expect(msal.clearCache).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
    await expect(watch.assertSignedIn()).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("ignores other messages on the channel", async () => {
    const msal = aFakeMsal();
    const watch = createServerSessionWatch({ instance: msal, urls, send: aSessionFetch(true) });
    const stop = watch.listen(window);
    const listener = new BroadcastChannel(SESSION_CHANNEL_NAME);
    const delivered = nextMessage(listener);

    otherTab.postMessage({ type: "hello" });
    await delivered;
    listener.close();
    stop();

    expect(msal.clearCache).not.toHaveBeenCalled();
    expect(assign).not.toHaveBeenCalled();
  });

  it("asks the server when the tab is shown again or the window gets focus", async () => {
    const send = aSessionFetch(false);
    const watch = createServerSessionWatch({ instance: aFakeMsal(), urls, send });
    const stop = watch.listen(window);

    document.dispatchEvent(new Event("visibilitychange"));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("/account/signed-out"));
    window.dispatchEvent(new Event("focus"));
    stop();

    expect(send).toHaveBeenCalled();
  });

  it("stops listening when told to", async () => {
    const send = aSessionFetch(false);
    const watch = createServerSessionWatch({ instance: aFakeMsal(), urls, send });

    watch.listen(window)();
    window.dispatchEvent(new Event("focus"));
    document.dispatchEvent(new Event("visibilitychange"));
    await Promise.resolve();

    expect(send).not.toHaveBeenCalled();
  });
});
