import "./styles.css";
import { PublicClientApplication } from "@azure/msal-browser";
import type { AppProps } from "./App";
import { createMsalConfiguration } from "./authConfig";
import { nextTask, startFirstToken } from "./auth/firstToken";
import { readBootstrap } from "./bootstrap/bootstrapConfig";

/** The id of the element the server renders for React to mount into. */
const ROOT_ELEMENT_ID = "root";

/**
 * Boots the SPA from the server-rendered page, token first: validate the bootstrap data, create and initialize MSAL,
 * start the first token acquisition (the SPA code's redemption), let it reach fetch(), and only then load React and render
 * — the loading state while the request is in flight, the profile when it answers. A failure before that still renders an
 * error screen. React and the components are the UI chunk (App.tsx), imported here only, and only then.
 */
async function startApp(doc: Document): Promise<void> {
  const container = doc.getElementById(ROOT_ELEMENT_ID);
  if (container === null) {
    throw new Error(`The page has no #${ROOT_ELEMENT_ID} element to render into.`);
  }
  let props: AppProps;
  try {
    const bootstrap = readBootstrap(doc, doc.defaultView?.location.origin ?? "");
    const instance = new PublicClientApplication(createMsalConfiguration(bootstrap));
    await instance.initialize();
    props = { instance, bootstrap, firstToken: startFirstToken(instance, bootstrap) };
  } catch (error) {
    (await import("./App")).renderStartupError(container, error);
    return;
  }
  await nextTask();
  (await import("./App")).renderApp(container, props);
}

void startApp(document);
