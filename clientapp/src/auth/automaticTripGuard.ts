/** Remembers, in sessionStorage, when the SPA last left the page on its own, so it never loops between pages. */
export interface AutomaticTripGuard {
  /** Whether another automatic trip may start now; false when storage is unavailable (no loop can be ruled out). */
  readonly canAttempt: (storage: Storage, now: number) => boolean;
  /** Remembers that a trip started now. */
  readonly record: (storage: Storage, now: number) => void;
  /** Forgets the last trip (on sign-out, so the next user starts fresh). */
  readonly forget: (storage: Storage) => void;
}

/** At most one automatic trip per `minIntervalMs`, remembered under `key`. */
export function automaticTripGuard(key: string, minIntervalMs: number): AutomaticTripGuard {
  return {
    canAttempt: (storage, now) => {
      try {
        const lastAttemptAt = Number(storage.getItem(key));
        return !Number.isFinite(lastAttemptAt) || lastAttemptAt <= 0 || now - lastAttemptAt >= minIntervalMs;
      } catch {
        return false;
      }
    },
    record: (storage, now) => {
      try {
        storage.setItem(key, String(now));
      } catch {
        // Storage unavailable: canAttempt already answers false, so there is no loop to guard.
      }
    },
    forget: (storage) => {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing was stored.
      }
    },
  };
}
