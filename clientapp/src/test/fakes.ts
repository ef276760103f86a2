import {
  EventType,
  Logger,
  stubbedPublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type EventCallbackFunction,
  type EventMessage,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { vi } from "vitest";
import type { AppProps } from "../App";
import { startFirstToken } from "../auth/firstToken";
import type { Bootstrap } from "../bootstrap/bootstrapConfig";

/** The page origin tests run on (jsdom's default). */
export const PAGE_ORIGIN = "http://localhost:3000";

/** A bootstrap object as the server renders it in Development (docs/architecture.md). */
export function aBootstrap(overrides: Partial<Bootstrap> = {}): Bootstrap {
  return {
    clientId: "c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c",
    authority: "https://login.dev.localhost:5443/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/",
    knownAuthorities: ["login.dev.localhost:5443"],
    authorityMetadata: '{"issuer":"https://login.dev.localhost:5443/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/v2.0"}',
    redirectUri: "https://localhost:5001/",
    scopes: ["User.Read"],
    graphBaseUrl: "https://login.dev.localhost:5443/v1.0",
    spaCode: null,
    loginHint: "opaque-login-hint",
    sid: "session-id",
    bootstrapByRedirect: false,
    spaCodeRequested: true,
    silentRedirectUri: null,
    freshSpaCodeUrl: "/account/spa-code",
    sessionStatusUrl: "/account/session",
    signOut: {
      url: "/account/signout",
      antiforgeryUrl: "/account/signout/antiforgery",
    },
    pages: {
      home: "/",
      profile: "/profile",
      profileMail: "/profile/mail",
      signedOut: "/account/signed-out",
    },
    ...overrides,
  };
}

export function anAccount(overrides: Partial<AccountInfo> = {}): AccountInfo {
  return {
    homeAccountId: "87d349ed-44d7-43e1-9a83-5f2406dee5bd.6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b",
    environment: "login.dev.localhost:5443",
    tenantId: "6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b",
    username: "AdeleV@contoso.com",
    localAccountId: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
    name: "Adele Vance",
    loginHint: "opaque-login-hint",
    ...overrides,
  };
}

export function aTokenResult(overrides: Partial<AuthenticationResult> = {}): AuthenticationResult {
  const account = anAccount();
  return {
    authority: "https://login.dev.localhost:5443/6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b/",
    uniqueId: account.localAccountId,
    tenantId: account.tenantId,
    scopes: ["User.Read"],
    account,
    idToken: "id-token",
    idTokenClaims: {},
    accessToken: "access-token",
    fromCache: false,
    expiresOn: new Date(Date.now() + 3_600_000),
    tokenType: "Bearer",
    correlationId: "00000000-0000-0000-0000-000000000001",
    ...overrides,
  };
}

/**
 * A PublicClientApplication whose every method the SPA uses is a vi.fn: the MSAL boundary is what
 * the tests isolate. The active account behaves like MSAL's: set, returned, and announced to
 * event callbacks (which is how msal-react's hooks learn of it).
 */
export function aFakeMsal(accounts: AccountInfo[] = []) {
  let activeAccount: AccountInfo | null = null;
  const callbacks = new Map<string, EventCallbackFunction>();
  const fake = {
    ...stubbedPublicClientApplication,
    initialize: vi.fn(async () => {}),
    handleRedirectPromise: vi.fn(async (): Promise<AuthenticationResult | null> => null),
    getLogger: vi.fn(() => new Logger({})),
    addEventCallback: vi.fn((callback: EventCallbackFunction) => {
      const id = `callback-${callbacks.size + 1}`;
      callbacks.set(id, callback);
      return id;
    }),
    removeEventCallback: vi.fn((id: string) => {
      callbacks.delete(id);
    }),
    initializeWrapperLibrary: vi.fn(),
    getAllAccounts: vi.fn(() => accounts),
    getActiveAccount: vi.fn(() => activeAccount),
    setActiveAccount: vi.fn((account: AccountInfo | null) => {
      activeAccount = account;
      const message = { eventType: EventType.ACTIVE_ACCOUNT_CHANGED, payload: null } as unknown as EventMessage;
      for (const callback of [...callbacks.values()]) {
        callback(message);
      }
    }),
    acquireTokenByCode: vi.fn(async () => aTokenResult()),
    acquireTokenSilent: vi.fn<IPublicClientApplication["acquireTokenSilent"]>(async () => aTokenResult({ fromCache: true })),
    loginRedirect: vi.fn(async () => {}),
    acquireTokenRedirect: vi.fn(async () => {}),
    clearCache: vi.fn(async () => {}),
    ssoSilent: vi.fn(async (): Promise<AuthenticationResult> => {
      throw new Error("ssoSilent must never be called in hybrid mode: it needs a hidden iframe and third-party cookies.");
    }),
  } satisfies IPublicClientApplication;
  return fake;
}

/** A fetch that answers Graph like the emulator does; `photo: null` means the user has none (404). */
export function aGraphFetch(
  options: { me?: Record<string, unknown>; photo?: string | null; meStatus?: number; meBody?: unknown } = {},
) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.endsWith("/me/photo/$value")) {
      const photo = options.photo === undefined ? "png-bytes" : options.photo;
      return photo === null
        ? jsonResponse(404, { error: { code: "ImageNotFound", message: "The photo wasn't found." } })
        : new Response(photo, { status: 200, headers: { "Content-Type": "image/png" } });
    }
    if (url.endsWith("/me")) {
      return jsonResponse(options.meStatus ?? 200, options.meBody ?? options.me ?? aGraphUser());
    }
    return jsonResponse(404, { error: { code: "Request_ResourceNotFound", message: `No route ${url}` } });
  });
}

export function aGraphUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
    businessPhones: ["+1 425 555 0109"],
    displayName: "Adele Vance",
    givenName: "Adele",
    jobTitle: "Retail Manager",
    mail: "AdeleV@contoso.com",
    mobilePhone: "+1 425 555 0109",
    officeLocation: "18/2111",
    preferredLanguage: "en-US",
    surname: "Vance",
    userPrincipalName: "AdeleV@contoso.com",
    id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
    ...overrides,
  };
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/** The App's props as the entry (main.tsx) makes them: the first token acquisition already started, before anything renders. */
export function startedAppProps(instance: IPublicClientApplication, bootstrap: Bootstrap): AppProps {
  return { instance, bootstrap, firstToken: startFirstToken(instance, bootstrap) };
}
