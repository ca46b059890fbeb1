// The runner cancels a step (a user's cancel, timeout-minutes, a newer run with cancel-in-progress) with SIGINT, then
// SIGTERM 7.5 s later, then a kill of the tree 2.5 s after that (actions/runner ProcessInvoker.cs). Node's default is
// to exit at once on either signal, with no finally and no cleanup: this turns them into an abort signal the stages
// watch, and says how long is left before the kill, so the cleanup can use that time and no more.
import { ActionError } from './errors.ts'

/** After SIGINT the runner kills the step's tree at 10 s; the cleanup ends by this, leaving time to print. */
export const AFTER_SIGINT_MS = 8500
/** A SIGTERM that comes first (another canceller) is followed by the kill 2.5 s later. */
export const AFTER_SIGTERM_MS = 2000

/** What the stages watch: the abort signal, which signal it was, and the time left before the runner's kill. */
export interface CancelWatch {
  /** Aborts at the first SIGINT or SIGTERM; its reason is the signal's name. */
  signal: AbortSignal
  /** The signal that came first, once one has. */
  readonly by: NodeJS.Signals | undefined
  /** When whatever still runs after the cancel must be done, before the runner's kill (ms since the epoch). */
  readonly deadlineMs: number | undefined
}

export interface Cancellation extends CancelWatch {
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

/** Resolves with the signal's name once `signal` aborts (at once if it has); never settles otherwise. */
export function whenAborted(signal: AbortSignal): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const abort = (): void => resolve(signal.reason as NodeJS.Signals)
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
  })
}

/** What `work` gives; or, when the runner cancels the step first, the cancel (after `stop`, if given). */
export async function unlessCancelled<T>(
  work: Promise<T>,
  cancel: Cancellation,
  stage: string,
  outcome: string,
  stop?: () => Promise<void>
): Promise<T> {
  work.catch(() => undefined) // a failure after the cancel is not the step's
  const first = await Promise.race([work.then((value) => ({ value })), whenAborted(cancel.signal)])
  if (typeof first !== 'string') return first.value
  await stop?.()
  throw cancelled(first, stage, outcome)
}

/**
 * For the cleanup after a cancel: a watch that aborts not at the cancel but at its deadline, so the DELETE and its
 * confirmation use the time left before the runner's kill, and not a moment longer.
 */
export function untilCancelDeadline(
  watch: CancelWatch | undefined,
  now: () => number = Date.now
): CancelWatch | undefined {
  if (watch === undefined) return undefined
  const controller = new AbortController()
  const arm = (): void => {
    const timer = setTimeout(() => controller.abort(watch.by), Math.max(0, (watch.deadlineMs ?? now()) - now()))
    timer.unref()
  }
  if (watch.signal.aborted) arm()
  else watch.signal.addEventListener('abort', arm, { once: true })
  return {
    signal: controller.signal,
    get by() {
      return watch.by
    },
    get deadlineMs() {
      return watch.deadlineMs
    }
  }
}
