import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PublicClientApplication, type Configuration, type IPublicClientApplication } from "@azure/msal-browser";
import { App } from "./App";
import { createMsalConfiguration, HANDLE_REDIRECT_OPTIONS } from "./authConfig";
import { browserNavigation } from "./auth/browserNavigation";
import { describeAuthError } from "./auth/errorActions";
import { measure, type TimelineStep } from "./auth/tokenTimeline";
import { BootstrapError, readBootstrap } from "./bootstrap/bootstrapConfig";
import { ErrorScreen } from "./ui-components/ErrorScreen";

/** The id of the element the server renders for React to mount into. */
export const ROOT_ELEMENT_ID = "root";

const createPublicClientApplication = (configuration: Configuration): IPublicClientApplication =>
  new PublicClientApplication(configuration);

/**
 * Boots the SPA from the server-rendered page: validate the bootstrap data, create and initialize
 * MSAL, finish a loginRedirect if this page load is its return, then render. Any failure before
 * React's tree exists still renders an error screen.
 */
export async function startApp(
  doc: Document,
  createInstance: (configuration: Configuration) => IPublicClientApplication = createPublicClientApplication,
): Promise<void> {
  const container = doc.getElementById(ROOT_ELEMENT_ID);
  if (container === null) {
    throw new Error(`The page has no #${ROOT_ELEMENT_ID} element to render into.`);
  }
  const root = createRoot(container);
  const showStartupError = (error: unknown) =>
    root.render(
      <StrictMode>
        <main className="page-main">
          <ErrorScreen
            title="This page could not start"
            details={error instanceof BootstrapError ? { message: error.message } : describeAuthError(error)}
            onRetry={() => browserNavigation.reload()}
          />
        </main>
      </StrictMode>,
    );

  try {
    const bootstrap = readBootstrap(doc, doc.defaultView?.location.origin ?? "");
    const instance = createInstance(createMsalConfiguration(bootstrap));
    await instance.initialize();
    const initialTimeline: TimelineStep[] = [];
    const { value: redirectResult, durationMs } = await measure(() =>
      instance.handleRedirectPromise(HANDLE_REDIRECT_OPTIONS),
    );
    if (redirectResult !== null) {
      if (redirectResult.account !== null) {
        instance.setActiveAccount(redirectResult.account);
      }
      initialTimeline.push({ source: "redirect", requests: 1, durationMs });
    }
    root.render(
      <StrictMode>
        <App instance={instance} bootstrap={bootstrap} initialTimeline={initialTimeline} />
      </StrictMode>,
    );
  } catch (error) {
    showStartupError(error);
  }
}
