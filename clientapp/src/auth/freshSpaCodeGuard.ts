import { automaticTripGuard } from "./automaticTripGuard";

/** At most one automatic trip to the server's fresh-SPA-code endpoint in this window. */
export const FRESH_SPA_CODE_MIN_INTERVAL_MS = 5 * 60 * 1000;

/**
 * If the last trip was recent and the new code failed again, going round once more would loop; the error screen shows
 * instead.
 */
const guard = automaticTripGuard("hybridspa.freshSpaCode.lastAttemptAt", FRESH_SPA_CODE_MIN_INTERVAL_MS);

/** Whether the SPA may navigate to the fresh-SPA-code endpoint now. */
export const canAttemptFreshSpaCode = guard.canAttempt;
/** Remembers that an automatic trip started now. */
export const recordFreshSpaCodeAttempt = guard.record;
/** Forgets the last trip (on sign-out, so the next user starts fresh). */
export const forgetFreshSpaCodeAttempts = guard.forget;
