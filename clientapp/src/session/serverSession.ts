import type { IPublicClientApplication } from "@azure/msal-browser";
import { browserNavigation } from "../auth/browserNavigation";
import type { HybridSpaSessionStatus } from "../bootstrap/contract.generated";

/** The server's URLs the watch uses, from the bootstrap (the server's own route constants). */
export interface ServerSessionUrls {
  /** The session check, answering contracts/session-status.schema.json. */
  readonly statusUrl: string;
  /** Where a tab whose session ended goes: the server's signed-out page (which also sends Clear-Site-Data). */
  readonly signedOutPage: string;
}

/** The channel on which the tabs of this browser tell each other that the session ended. */
export const SESSION_CHANNEL_NAME = "hybridspa.session";

const SIGNED_OUT_MESSAGE = { type: "signed-out" } as const;

/** What the server said about this browser's session; "unknown" when it could not say (offline, 503). */
export type ServerSessionState = "signed-in" | "signed-out" | "unknown";

/** The server no longer holds this tab's session: nothing may be called with its tokens. */
export class SessionEndedError extends Error {
  override readonly name = "SessionEndedError";
}

/** Asks the server whether the cookie still holds a session (ended by a sign-out elsewhere, or expired). */
export async function checkServerSession(statusUrl: string, send?: typeof fetch): Promise<ServerSessionState> {
  try {
    const response = await (send ?? fetch)(statusUrl, {
      credentials: "same-origin",
      cache: "no-store",
      redirect: "error",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) {
      return "unknown";
    }
    const body: unknown = await response.json();
    if (isSessionStatus(body)) {
      return body.signedIn ? "signed-in" : "signed-out";
    }
    return "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * Whether the server's answer is contracts/session-status.schema.json: one boolean and nothing else (held to the schema by
 * sessionStatusContract.test.ts).
 */
export function isSessionStatus(value: unknown): value is HybridSpaSessionStatus {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const { signedIn, ...unknown } = value as Record<string, unknown>;
  return typeof signedIn === "boolean" && Object.keys(unknown).length === 0;
}

export interface ServerSessionWatchOptions {
  readonly instance: IPublicClientApplication;
  readonly urls: ServerSessionUrls;
  readonly send?: typeof fetch;
  /** The channel to this browser's other tabs; null where BroadcastChannel does not exist. */
  readonly openChannel?: () => BroadcastChannel | null;
}

/** Notices that the server's session ended, and then ends this tab's: MSAL's cache cleared, the signed-out page shown. */
export interface ServerSessionWatch {
  /** Resolves while the server holds the session (or cannot say); otherwise ends this tab and rejects with SessionEndedError. */
  readonly assertSignedIn: () => Promise<void>;
  /** Starts listening (tab shown again, window focused, other tabs); returns the function that stops it. */
  readonly listen: (target: Window) => () => void;
}

const defaultChannel = () => (typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(SESSION_CHANNEL_NAME));

/**
 * A session the identity provider ends elsewhere (front-channel logout) is only known to the server, so the tab asks it
 * before every Graph call and when it comes back into view; the first tab to learn it tells the others. Concurrent checks
 * share one request.
 */
export function createServerSessionWatch({
  instance,
  urls,
  send,
  openChannel = defaultChannel,
}: ServerSessionWatchOptions): ServerSessionWatch {
  let ended = false;
  let pending: Promise<ServerSessionState> | null = null;

  const endTab = async (tellOtherTabs: boolean) => {
    if (ended) {
      return;
    }
    ended = true;
    try {
      await instance.clearCache();
    } catch {
      // The signed-out page's Clear-Site-Data empties the storage too.
    }
    if (tellOtherTabs) {
      const channel = openChannel();
      channel?.postMessage(SIGNED_OUT_MESSAGE);
      channel?.close();
    }
    browserNavigation.assign(urls.signedOutPage);
  };

  const check = async (): Promise<ServerSessionState> => {
    pending ??= checkServerSession(urls.statusUrl, send).finally(() => {
      pending = null;
    });
    const state = await pending;
    if (state === "signed-out") {
      await endTab(true);
    }
    return state;
  };

  return {
    assertSignedIn: async () => {
      if (ended || (await check()) === "signed-out") {
        throw new SessionEndedError("You were signed out elsewhere.");
      }
    },
    listen: (target) => {
      const onVisible = () => {
        if (target.document.visibilityState === "visible") {
          void check();
        }
      };
      const onFocus = () => void check();
      const channel = openChannel();
      const onMessage = (event: MessageEvent) => {
        const data: unknown = event.data;
        if (typeof data === "object" && data !== null && (data as Record<string, unknown>).type === SIGNED_OUT_MESSAGE.type) {
          void endTab(false);
        }
      };
      target.document.addEventListener("visibilitychange", onVisible);
      target.addEventListener("focus", onFocus);
      channel?.addEventListener("message", onMessage);
      return () => {
        target.document.removeEventListener("visibilitychange", onVisible);
        target.removeEventListener("focus", onFocus);
        channel?.removeEventListener("message", onMessage);
        channel?.close();
      };
    },
  };
}
