import type { ReactNode } from "react";
import { useAccount, useIsAuthenticated } from "@azure/msal-react";
import { SignOutButton } from "./SignOutButton";

/** The page frame: app name, who is signed in, sign-out (always offered: the server session exists). */
export function PageLayout({ children }: { children: ReactNode }) {
  const account = useAccount();
  const isAuthenticated = useIsAuthenticated();

  return (
    <>
      <header className="page-header">
        <span className="app-name">HybridSpa</span>
        {isAuthenticated && account !== null && (
          <span className="signed-in-as">{account.name ?? account.username}</span>
        )}
        <SignOutButton />
      </header>
      <main className="page-main">{children}</main>
    </>
  );
}
