// The runner cancels a step (a user's cancel, timeout-minutes, a newer run with cancel-in-progress) with SIGINT, then
// SIGTERM 7.5 s later, then a kill of the tree 2.5 s after that (actions/runner ProcessInvoker.cs). Node's default is
// to exit at once on either signal, with no finally and no cleanup: this turns them into an abort signal the stages
// watch, and says how long is left before the kill, so the cleanup can use that time and no more.
import { ActionError } from './errors.ts'

/** After SIGINT the runner kills the step's tree at 10 s; the cleanup ends by this, leaving time to print. */
export const AFTER_SIGINT_MS = 8500
/** A SIGTERM that comes first (another canceller) is followed by the kill 2.5 s later. */
export const AFTER_SIGTERM_MS = 2000

export interface Cancellation {
  /** Aborts at the first SIGINT or SIGTERM; its reason is the signal's name. */
  signal: AbortSignal
  /** The signal that came first, once one has. */
  readonly by: NodeJS.Signals | undefined
  /** When whatever still runs after the cancel must be done, before the runner's kill (ms since the epoch). */
  readonly deadlineMs: number | undefined
  /** Stops listening, so the process ends as Node would again. */
  dispose(): void
}

/** The cleanup deadline a cancel by `by` at `atMs` leaves (pure). */
export function deadlineAfter(by: NodeJS.Signals, atMs: number): number {
  return atMs + (by === 'SIGINT' ? AFTER_SIGINT_MS : AFTER_SIGTERM_MS)
}

/** Listens for the runner's SIGINT and SIGTERM from now on. Later signals only shorten the deadline. */
export function listenForCancel(now: () => number = Date.now): Cancellation {
  const controller = new AbortController()
  let by: NodeJS.Signals | undefined
  let deadlineMs: number | undefined
  const onSignal = (name: NodeJS.Signals): void => {
    const deadline = deadlineAfter(name, now())
    deadlineMs = deadlineMs === undefined ? deadline : Math.min(deadlineMs, deadline)
    if (by !== undefined) return
    by = name
    controller.abort(name)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    get by() {
      return by
    },
    get deadlineMs() {
      return deadlineMs
    },
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}

/** The one line of a cancelled step: where it was, and what became of what it had started. */
export function cancelled(by: NodeJS.Signals, during: string, outcome: string): ActionError {
  return new ActionError(
    'cancelled',
    `The step was cancelled (${by}) ${during}; ${outcome}.`,
    'Nothing to do if the cancel was meant (a cancel, timeout-minutes, or a newer run with concurrency: ' +
      'cancel-in-progress); otherwise re-run the job.'
  )
}

/** Settles (rejects with the signal's reason) once `signal` aborts; never settles otherwise. */
export function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = (): void => reject(new CancelledSignal(String(signal.reason)))
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
  })
}

/** What a stage rejects with when it stopped for a cancel; main.ts turns it into the one cancelled line. */
export class CancelledSignal extends Error {
  readonly by: string
  constructor(by: string) {
    super(`cancelled by ${by}`)
    this.name = 'CancelledSignal'
    this.by = by
  }
}
