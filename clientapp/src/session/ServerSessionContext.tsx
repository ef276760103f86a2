import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { useMsal } from "@azure/msal-react";
import { useBootstrap } from "../bootstrap/BootstrapContext";
import { createServerSessionWatch, type ServerSessionWatch } from "./serverSession";

const ServerSessionContext = createContext<ServerSessionWatch | null>(null);

/** Watches the server's session for the components below (Graph calls ask it first) while the page is open. */
export function ServerSessionProvider({ children }: { children: ReactNode }) {
  const { instance } = useMsal();
  const { sessionStatusUrl, pages } = useBootstrap();
  const watch = useMemo(
    () => createServerSessionWatch({ instance, urls: { statusUrl: sessionStatusUrl, signedOutPage: pages.signedOut } }),
    [instance, sessionStatusUrl, pages.signedOut],
  );
  useEffect(() => watch.listen(window), [watch]);
  return <ServerSessionContext.Provider value={watch}>{children}</ServerSessionContext.Provider>;
}

/** The page's session watch; only valid below a ServerSessionProvider. */
export function useServerSession(): ServerSessionWatch {
  const watch = useContext(ServerSessionContext);
  if (watch === null) {
    throw new Error("useServerSession must be used below a ServerSessionProvider.");
  }
  return watch;
}
