import type { IPublicClientApplication } from "@azure/msal-browser";
import { MsalProvider } from "@azure/msal-react";
import type { TimelineStep } from "./auth/tokenTimeline";
import { BootstrapProvider } from "./bootstrap/BootstrapContext";
import type { Bootstrap } from "./bootstrap/bootstrapConfig";
import { HomePage } from "./pages/HomePage";
import { PageLayout } from "./ui-components/PageLayout";

export interface AppProps {
  readonly instance: IPublicClientApplication;
  readonly bootstrap: Bootstrap;
  /** Steps that happened before React rendered (returning from loginRedirect). */
  readonly initialTimeline: readonly TimelineStep[];
}

/** MsalProvider at the root, the page's bootstrap data below it, hooks further down. */
export function App({ instance, bootstrap, initialTimeline }: AppProps) {
  return (
    <MsalProvider instance={instance}>
      <BootstrapProvider bootstrap={bootstrap}>
        <PageLayout>
          <HomePage initialTimeline={initialTimeline} />
        </PageLayout>
      </BootstrapProvider>
    </MsalProvider>
  );
}
