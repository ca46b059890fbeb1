// The round trip's plan (pure): what it is given, its steps as the summary names them, and the share of the time kept
// for cleanup.
import type { ActionError } from '../errors.ts'
import type { DicomTarget } from '../inputs.ts'
import type { Log } from '../log.ts'
import type { RetryClock } from '../retry.ts'
import type { IssuedToken } from '../token.ts'
import type { Exchange, SendRequest } from './exchange.ts'
import type { Answer, WriteProblem } from './write-answers.ts'

export const WRITE_STEPS = {
  store: 'Store (STOW-RS)',
  search: 'Search (QIDO-RS)',
  retrieve: 'Retrieve metadata (WADO-RS)',
  feedCreate: 'Change feed lists the Create',
  delete: 'Delete the study',
  confirmDelete: 'Change feed or search shows it deleted'
} as const

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

export interface WriteCheckInput {
  send: SendRequest
  dicom: Pick<DicomTarget, 'baseUrl' | 'apiVersion' | 'waitForAccess'>
  issued: IssuedToken
  /** The variable of the proxy the requests go through, for messages. */
  proxyVariable?: string
  /** The `latest` sequence the read check saw: the round trip's entries come after it. */
  sequenceBefore: number
  deadlineMs: number
  timeoutMs: number
  runLabel?: string
  log: Log
  clock: RetryClock
}

export interface Attempt<T> {
  exchange: Exchange
  answer: Answer<T> | { verdict: 'pending'; reason: string; problem: WriteProblem }
}
export type StepResult<T> = { ok: true; value: T } | { ok: false; failure: ActionError }

/**
 * "run 123 attempt 2, owner/repo" from the runner's variables, or undefined when the runner does not say which run.
 * The run comes first: StudyDescription holds 64 characters, and what is cut must be the repository's end, not the
 * run ID (11 digits today) that finds the run.
 */
export function runLabelFrom(env: Record<string, string | undefined>): string | undefined {
  const repository = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (!repository || !runId) return undefined
  const attempt = env.GITHUB_RUN_ATTEMPT
  return `run ${runId}${attempt ? ` attempt ${attempt}` : ''}, ${repository}`
}
