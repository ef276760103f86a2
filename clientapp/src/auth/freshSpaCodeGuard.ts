const LAST_ATTEMPT_KEY = "hybridspa.freshSpaCode.lastAttemptAt";

/** At most one automatic trip to the server's fresh-SPA-code endpoint in this window. */
export const FRESH_SPA_CODE_MIN_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Whether the SPA may navigate to the fresh-SPA-code endpoint now. If the last trip was recent and
 * the new code failed again, going round once more would loop; show the error instead.
 */
export function canAttemptFreshSpaCode(storage: Storage, now: number): boolean {
  try {
    const lastAttemptAt = Number(storage.getItem(LAST_ATTEMPT_KEY));
    return !Number.isFinite(lastAttemptAt) || lastAttemptAt <= 0 || now - lastAttemptAt >= FRESH_SPA_CODE_MIN_INTERVAL_MS;
  } catch {
    return false;
  }
}

/** Remembers that an automatic trip started now. */
export function recordFreshSpaCodeAttempt(storage: Storage, now: number): void {
  try {
    storage.setItem(LAST_ATTEMPT_KEY, String(now));
  } catch {
    // Storage unavailable: canAttemptFreshSpaCode already answers false, so there is no loop to guard.
  }
}

/** Forgets the last trip (on sign-out, so the next user starts fresh). */
export function forgetFreshSpaCodeAttempts(storage: Storage): void {
  try {
    storage.removeItem(LAST_ATTEMPT_KEY);
  } catch {
    // Nothing was stored.
  }
}
