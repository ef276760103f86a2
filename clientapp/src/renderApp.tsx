import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, type AppProps } from "./App";
import { browserNavigation } from "./auth/browserNavigation";
import { describeAuthError } from "./auth/errorActions";
import { BootstrapError } from "./bootstrap/bootstrapConfig";
import { ErrorScreen } from "./ui-components/ErrorScreen";

// The UI half of the bundle (React DOM, msal-react, the components). startApp imports it only once the first token
// request is on its way, so evaluating it never delays that request.

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
