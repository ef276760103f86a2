import type { IPublicClientApplication } from "@azure/msal-browser";
import { MsalProvider } from "@azure/msal-react";
import type { FirstTokenOutcome } from "./auth/firstToken";
import { BootstrapProvider } from "./bootstrap/BootstrapContext";
import type { Bootstrap } from "./bootstrap/bootstrapConfig";
import { HomePage } from "./pages/HomePage";
import { ServerSessionProvider } from "./session/ServerSessionContext";
import { PageLayout } from "./ui-components/PageLayout";

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
