import { createContext, useContext, type ReactNode } from "react";
import type { Bootstrap } from "./bootstrapConfig";

const BootstrapContext = createContext<Bootstrap | null>(null);

/** Makes the validated bootstrap data available to the components below. */
export function BootstrapProvider({ bootstrap, children }: { bootstrap: Bootstrap; children: ReactNode }) {
  return <BootstrapContext.Provider value={bootstrap}>{children}</BootstrapContext.Provider>;
}

/** The page's bootstrap data; only valid below a BootstrapProvider. */
export function useBootstrap(): Bootstrap {
  const bootstrap = useContext(BootstrapContext);
  if (bootstrap === null) {
    throw new Error("useBootstrap must be used below a BootstrapProvider.");
  }
  return bootstrap;
}
