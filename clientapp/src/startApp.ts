import { PublicClientApplication, type Configuration, type IPublicClientApplication } from "@azure/msal-browser";
import type { AppProps } from "./App";
import { createMsalConfiguration } from "./authConfig";
import { nextTask, startFirstToken } from "./auth/firstToken";
import { readBootstrap } from "./bootstrap/bootstrapConfig";

/** The id of the element the server renders for React to mount into. */
export const ROOT_ELEMENT_ID = "root";

/** What startApp needs from the UI module (App.tsx), which it loads only after the token request has left. */
export interface UserInterface {
  renderApp(container: HTMLElement, props: AppProps): void;
  renderStartupError(container: HTMLElement, error: unknown): void;
}

const createPublicClientApplication = (configuration: Configuration): IPublicClientApplication =>
  new PublicClientApplication(configuration);

const loadUserInterface = (): Promise<UserInterface> => import("./App");

/**
 * Boots the SPA from the server-rendered page, token first: validate the bootstrap data, create and initialize MSAL,
 * start the first token acquisition (the SPA code's redemption), let it reach fetch(), and only then load React and render
 * — the loading state while the request is in flight, the profile when it answers. A failure before that still renders an
 * error screen.
 */
export async function startApp(
  doc: Document,
  createInstance: (configuration: Configuration) => IPublicClientApplication = createPublicClientApplication,
  loadUi: () => Promise<UserInterface> = loadUserInterface,
): Promise<void> {
  const container = doc.getElementById(ROOT_ELEMENT_ID);
  if (container === null) {
    throw new Error(`The page has no #${ROOT_ELEMENT_ID} element to render into.`);
  }
  let props: AppProps;
  try {
    const bootstrap = readBootstrap(doc, doc.defaultView?.location.origin ?? "");
    const instance = createInstance(createMsalConfiguration(bootstrap));
    await instance.initialize();
    props = { instance, bootstrap, firstToken: startFirstToken(instance, bootstrap) };
  } catch (error) {
    (await loadUi()).renderStartupError(container, error);
    return;
  }
  await nextTask();
  (await loadUi()).renderApp(container, props);
}
