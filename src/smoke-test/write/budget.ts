// The round trip's share of timeout-seconds (pure): what cleanup keeps for itself, and what a write needs before it
// starts, so one is never sent without the time to delete what it stored.
import { ActionError } from '../../errors.ts'

/**
 * Cleanup's reserve: the steps before cleanup stop this long before the deadline, so the DELETE and its confirmation
 * always get time, also after a step spent its retries. A quarter of timeout-seconds, at most 15 s (a DELETE takes well
 * under a second). Should the deadline have passed anyway, cleanup still gets the reserve from when it starts: a study
 * left behind is worse than a step that overruns timeout-seconds by a few seconds.
 */
export const CLEANUP_RESERVE_SHARE = 0.25
export const MAX_CLEANUP_RESERVE_MS = 15_000
export function cleanupReserveMs(timeoutMs: number): number {
  return Math.min(MAX_CLEANUP_RESERVE_MS, Math.round(timeoutMs * CLEANUP_RESERVE_SHARE))
}

/** The least the steps before cleanup need (a STOW, a search, a metadata read, a feed read take well under 1 s each). */
export const MIN_WRITE_STEPS_MS = 2000

/** How much time the round trip needs when it starts: its steps' least, and cleanup's reserve. */
export function writeTimeNeededMs(timeoutMs: number): number {
  return MIN_WRITE_STEPS_MS + cleanupReserveMs(timeoutMs)
}

/** The read check left too little of the deadline for a write and its cleanup: nothing is stored rather than risked. */
export function noTimeForWrite(leftMs: number, timeoutMs: number): ActionError {
  const neededMs = writeTimeNeededMs(timeoutMs)
  const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(1)
  return new ActionError(
    'write-no-time',
    `The read check left ${seconds(leftMs)} s of timeout-seconds (${timeoutMs / 1000} s), too little for the ` +
      `write round trip and its cleanup; nothing was stored.`,
    `Raise timeout-seconds by at least ${Math.ceil((neededMs - leftMs) / 1000)} s (the round trip needs ` +
      `${seconds(neededMs)} s when it starts, a quarter of timeout-seconds of it, up to 15 s, for cleanup).`
  )
}
