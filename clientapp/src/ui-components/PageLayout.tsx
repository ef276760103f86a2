import type { ReactNode } from "react";
import { useAccount, useIsAuthenticated } from "@azure/msal-react";
import { SignOutButton } from "./SignOutButton";

/**
 * The page frame: app name, who is signed in, sign-out (always offered: the server session exists). The name is the
 * user's own choice, so it is isolated (<bdi>): a right-to-left override in it cannot reorder the text around it.
 */
export function PageLayout({ children }: { children: ReactNode }) {
  const account = useAccount();
  const isAuthenticated = useIsAuthenticated();

  return (
    <>
      <header className="page-header">
        <span className="app-name">HybridSpa</span>
        {isAuthenticated && account !== null && (
          <bdi className="signed-in-as">{account.name ?? account.username}</bdi>
        )}
        <SignOutButton />
      </header>
      <main className="page-main">{children}</main>
    </>
  );
}
