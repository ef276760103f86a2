/**
 * Resolves in a later task. MSAL's acquireTokenByCode reaches fetch() through promise continuations only (microtasks), so
 * once a task has passed the token request has left: what the request does not need waits for this (the UI chunk's import,
 * whose start-up and parse on a second thread, which a two-core machine shares, used to land before the fetch()).
 * A message rather than setTimeout: browsers hold back timers in a tab opened in the background, by up to a second.
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
