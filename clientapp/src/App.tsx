import type { IPublicClientApplication } from "@azure/msal-browser";
import { MsalProvider } from "@azure/msal-react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { browserNavigation } from "./auth/browserNavigation";
import { describeAuthError } from "./auth/errorActions";
import type { FirstTokenOutcome } from "./auth/firstToken";
import { BootstrapProvider } from "./bootstrap/BootstrapContext";
import { BootstrapError, type Bootstrap } from "./bootstrap/bootstrapConfig";
import { HomePage } from "./pages/HomePage";
import { ServerSessionProvider } from "./session/ServerSessionContext";
import { ErrorScreen } from "./ui-components/ErrorScreen";
import { PageLayout } from "./ui-components/PageLayout";

// The UI half of the bundle (React DOM, msal-react, the components). The entry (main.tsx) imports it only once the first
// token request is on its way, so evaluating it never delays that request.

export interface AppProps {
  readonly instance: IPublicClientApplication;
  readonly bootstrap: Bootstrap;
  /** The first token, which start-up began acquiring before React rendered (auth/firstToken.ts). */
  readonly firstToken: Promise<FirstTokenOutcome>;
}

/** MsalProvider at the root, the page's bootstrap data below it, hooks further down. */
export function App({ instance, bootstrap, firstToken }: AppProps) {
  return (
    <MsalProvider instance={instance}>
      <BootstrapProvider bootstrap={bootstrap}>
        <ServerSessionProvider>
          <PageLayout>
            <HomePage firstToken={firstToken} />
          </PageLayout>
        </ServerSessionProvider>
      </BootstrapProvider>
    </MsalProvider>
  );
}

/** Renders the app into the server's #root. */
export function renderApp(container: HTMLElement, props: AppProps): void {
  createRoot(container).render(
    <StrictMode>
      <App {...props} />
    </StrictMode>,
  );
}

/** Renders why the page could not start (bad bootstrap data, MSAL failing to initialize) instead of a blank page. */
export function renderStartupError(container: HTMLElement, error: unknown): void {
  createRoot(container).render(
    <StrictMode>
      <main className="page-main">
        <ErrorScreen
          title="This page could not start"
          details={error instanceof BootstrapError ? { message: error.message } : describeAuthError(error)}
          action={{ label: "Reload the page", onAction: () => browserNavigation.reload() }}
        />
      </main>
    </StrictMode>,
  );
}
