import { act, screen } from "@testing-library/react";
import type { AuthenticationResult, Configuration, IPublicClientApplication } from "@azure/msal-browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BOOTSTRAP_ELEMENT_ID } from "./bootstrap/bootstrapConfig";
import { aBootstrap, aFakeMsal, aGraphFetch, anAccount, aTokenResult, PAGE_ORIGIN } from "./test/fakes";

const HOSTILE = "</script><img src=x onerror=alert(1)>";

// The entry starts the app when it is evaluated, as the page loads it. Each test evaluates it afresh in its own page, with
// MSAL's PublicClientApplication answering with the test's fake, and notes when the UI module (App.tsx) is imported.
const entry = vi.hoisted(() => ({
  msal: null as IPublicClientApplication | null,
  configurations: [] as Configuration[],
  events: [] as string[],
}));

vi.mock("@azure/msal-browser", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@azure/msal-browser")>()),
  PublicClientApplication: vi.fn(function (configuration: Configuration) {
    entry.configurations.push(configuration);
    return entry.msal;
  }),
}));

/** The page as the Razor view renders it: the JSON escaped so </script> stays inert, and #root. */
function renderServerPage(json: string) {
  document.body.innerHTML = `<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">${json}</script><div id="root"></div>`;
}

function serverEncoded(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/**
 * Evaluates the entry in the current page, as the browser does once the page's module script has arrived, and waits until
 * it has rendered (the app or the start-up error screen).
 */
async function loadEntry(msal: IPublicClientApplication) {
  entry.msal = msal;
  let rendered: () => void = () => {};
  const render = new Promise<void>((resolve) => (rendered = resolve));
  vi.resetModules();
  vi.doMock("./App", async (importOriginal) => {
    entry.events.push("UI module import started");
    const ui = await importOriginal<typeof import("./App")>();
    return {
      ...ui,
      renderApp: (...args: Parameters<typeof ui.renderApp>) => {
        ui.renderApp(...args);
        rendered();
      },
      renderStartupError: (...args: Parameters<typeof ui.renderStartupError>) => {
        ui.renderStartupError(...args);
        rendered();
      },
    };
  });
  await act(async () => {
    await import("./main");
    await render;
  });
}

describe("the entry", () => {
  beforeEach(() => {
    vi.stubGlobal("fetch", aGraphFetch());
    entry.configurations = [];
    entry.events = [];
  });

  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("creates MSAL from the bootstrap data with no discovery, sessionStorage and no broker", async () => {
    renderServerPage(serverEncoded(aBootstrap({ spaCode: "start-app-code" })));
    const msal = aFakeMsal();

    await loadEntry(msal);

    expect(entry.configurations).toHaveLength(1);
    expect(entry.configurations[0]).toMatchObject({
      auth: {
        clientId: aBootstrap().clientId,
        authority: aBootstrap().authority,
        knownAuthorities: ["login.dev.localhost:5443"],
        authorityMetadata: aBootstrap().authorityMetadata,
        redirectUri: "https://localhost:5001/",
        postLogoutRedirectUri: "https://localhost:5001/",
      },
      cache: { cacheLocation: "sessionStorage" },
      system: { allowPlatformBroker: false },
    });
    // MsalProvider calls initialize and handleRedirectPromise again; MSAL returns the first call's result.
    expect(msal.initialize).toHaveBeenCalled();
    expect(msal.handleRedirectPromise).toHaveBeenNthCalledWith(1, { navigateToLoginRequestUrl: false });
    expect(msal.acquireTokenByCode).toHaveBeenCalledExactlyOnceWith({ code: "start-app-code", scopes: ["User.Read"] });
    expect(msal.initialize.mock.invocationCallOrder[0]).toBeLessThan(msal.acquireTokenByCode.mock.invocationCallOrder[0] ?? 0);
    expect(await screen.findByText("SPA code, 1 request to the identity provider.")).toBeInTheDocument();
  });

  it("sends the token request before it loads the UI module (React DOM, msal-react, the components)", async () => {
    renderServerPage(serverEncoded(aBootstrap({ spaCode: "code-before-react" })));
    const msal = aFakeMsal();
    msal.acquireTokenByCode.mockImplementation(async () => {
      entry.events.push("token requested");
      return aTokenResult();
    });

    await loadEntry(msal);

    expect(entry.events).toEqual(["token requested", "UI module import started"]);
    expect(msal.initialize.mock.invocationCallOrder[0]).toBeLessThan(msal.acquireTokenByCode.mock.invocationCallOrder[0] ?? 0);
  });

  it("loads the UI module only once MSAL's request building (promise continuations) has reached the token request", async () => {
    renderServerPage(serverEncoded(aBootstrap({ spaCode: "code-before-ui-import" })));
    const msal = aFakeMsal();
    msal.acquireTokenByCode.mockImplementation(async () => {
      // Like MSAL between acquireTokenByCode and fetch(): a chain of awaits on settled promises, no task in between.
      for (let step = 0; step < 50; step++) {
        await Promise.resolve();
      }
      entry.events.push("token request sent");
      return aTokenResult();
    });

    await loadEntry(msal);

    expect(entry.events).toEqual(["token request sent", "UI module import started"]);
  });

  it("renders the loading state while the token request is in flight, and the profile from its answer", async () => {
    renderServerPage(serverEncoded(aBootstrap({ spaCode: "code-in-flight" })));
    const msal = aFakeMsal();
    let answer: (result: AuthenticationResult) => void = () => {};
    msal.acquireTokenByCode.mockReturnValue(new Promise((resolve) => (answer = resolve)));

    await loadEntry(msal);

    expect(screen.getByRole("status")).toHaveTextContent("Getting an access token…");
    await act(async () => answer(aTokenResult()));
    expect(await screen.findByText("Adele Vance", { selector: "h2" })).toBeInTheDocument();
    expect(msal.acquireTokenByCode).toHaveBeenCalledTimes(1);
  });

  it("on return from loginRedirect, sets the account active and starts the timeline with the redirect", async () => {
    renderServerPage(serverEncoded(aBootstrap()));
    const msal = aFakeMsal([anAccount()]);
    msal.handleRedirectPromise.mockResolvedValue(aTokenResult());

    await loadEntry(msal);

    expect(msal.setActiveAccount).toHaveBeenCalledWith(anAccount());
    expect(await screen.findByText("Redirect sign-in, 1 request to the identity provider.")).toBeInTheDocument();
  });

  it("shows an error screen, and creates no MSAL, when the bootstrap JSON is malformed", async () => {
    renderServerPage('{"clientId": "c2b7e3a9", ');

    await loadEntry(aFakeMsal());

    expect(screen.getByRole("alert")).toHaveTextContent("does not contain valid JSON");
    expect(screen.getByRole("button", { name: "Reload the page" })).toBeInTheDocument();
    expect(entry.configurations).toEqual([]);
  });

  it("shows which field is wrong when the bootstrap JSON breaks the contract", async () => {
    renderServerPage(serverEncoded({ ...aBootstrap(), clientId: 7 }));

    await loadEntry(aFakeMsal());

    expect(screen.getByRole("alert")).toHaveTextContent('"clientId" must be a non-empty string');
  });

  it("renders hostile bootstrap strings as data only: no element is injected", async () => {
    renderServerPage(
      serverEncoded({
        ...aBootstrap({ loginHint: HOSTILE, sid: HOSTILE }),
        signOut: { ...aBootstrap().signOut, antiforgeryUrl: `/account/${HOSTILE}` },
      }),
    );
    const hostileAccount = anAccount({ name: HOSTILE });
    const msal = aFakeMsal([hostileAccount]);
    msal.acquireTokenSilent.mockResolvedValue(aTokenResult({ account: hostileAccount, fromCache: true }));

    await loadEntry(msal);

    expect(await screen.findByText(HOSTILE, { selector: ".signed-in-as" })).toBeInTheDocument();
    expect(document.querySelectorAll("img")).toHaveLength(1);
    expect(document.querySelector("img")).toHaveAttribute("alt", "Photo of Adele Vance");
    expect(document.querySelectorAll("script")).toHaveLength(1);
  });

  it("isolates the signed-in name in the header (<bdi>), so a right-to-left override in it stays inside it", async () => {
    renderServerPage(serverEncoded(aBootstrap()));
    const account = anAccount({ name: "Mallory\u202Egpj.exe" });
    const msal = aFakeMsal([account]);
    msal.acquireTokenSilent.mockResolvedValue(aTokenResult({ account, fromCache: true }));

    await loadEntry(msal);

    expect((await screen.findByText("Mallory\u202Egpj.exe", { selector: ".signed-in-as" })).tagName).toBe("BDI");
  });

  it("shows the initialization failure instead of a blank page", async () => {
    renderServerPage(serverEncoded(aBootstrap()));
    const msal = aFakeMsal();
    msal.initialize.mockRejectedValue(new Error("crypto unavailable"));

    await loadEntry(msal);

    expect(screen.getByRole("alert")).toHaveTextContent("crypto unavailable");
  });
});

it("uses the page's origin to validate same-site URLs", () => {
  expect(window.location.origin).toBe(PAGE_ORIGIN);
});
