// Deleting the synthetic study, and seeing it gone: what the round trip's cleanup does when it is cancelled, and what
// the post step does with the study a killed main step left. Requests through exchangeOnce under withRetry, bounded
// by one deadline; the answers are read in write-answers.ts.
import type { ActionError } from '../errors.ts'
import type { Log } from '../log.ts'
import type { AttemptOutcome, RetryClock } from '../retry.ts'
import { parseRetryAfter, withRetry } from '../retry.ts'
import type { IssuedToken } from '../token.ts'
import { retryReason } from './changefeed.ts'
import type { Exchange, SendRequest } from './exchange.ts'
import { exchangeOnce, requestTimeoutMs } from './exchange.ts'
import type { Answer } from './write-answers.ts'
import { readDeleteAnswer, readSearchAnswer } from './write-answers.ts'
import { diagnoseWriteCheck } from './write-diagnose.ts'
import { WRITE_STEPS } from './write-plan.ts'

/** A study UID as the action makes them (2.25.<decimal>); anything else in the state is not ours to delete. */
export const STUDY_UID = /^2\.25\.\d{1,39}$/

export interface StudyCleanup {
  send: SendRequest
  baseUrl: string
  studyInstanceUid: string
  issued: IssuedToken
  waitForAccess: boolean
  deadlineMs: number
  clock: RetryClock
  log: Log
  /** Aborts the request in flight and stops retrying (the runner's kill is near). */
  signal?: AbortSignal
}

/** DELETE {base}/studies/{uid}, then a search that no longer finds it: undefined when done, else why not. */
export async function deleteStudy(input: StudyCleanup): Promise<ActionError | undefined> {
  const url = (path: string): URL => new URL(`${input.baseUrl}${path}`)
  const uid = input.studyInstanceUid
  const deleted = await retried(input, WRITE_STEPS.delete, async (exchange) => {
    const last = await exchange({ method: 'DELETE', url: url(`/studies/${uid}`), accept: 'application/dicom+json' })
    return { last, answer: readDeleteAnswer(last, input.waitForAccess) }
  })
  if (deleted) return deleted
  return retried(input, WRITE_STEPS.confirmDelete, async (exchange) => {
    const search = url(`/studies?StudyInstanceUID=${encodeURIComponent(uid)}`)
    const last = await exchange({ url: search, accept: 'application/dicom+json' })
    const answer = readSearchAnswer(last, uid, input.waitForAccess)
    if (answer.verdict !== 'ok') return { last, answer }
    if (!answer.value) return { last, answer: { verdict: 'ok', value: undefined } }
    return { last, answer: { verdict: 'transient', reason: 'the study is still found' } }
  })
}

interface Seen {
  last: Exchange
  answer: Answer<void>
}

type Attempt = (
  exchange: (request: Parameters<typeof exchangeOnce>[1]) => Promise<Exchange>
) => Promise<{ last: Exchange; answer: Answer<void> }>

async function retried(input: StudyCleanup, title: string, attempt: Attempt): Promise<ActionError | undefined> {
  const { clock, deadlineMs } = input
  const started = clock.now()
  const exchange = (request: Parameters<typeof exchangeOnce>[1]): Promise<Exchange> =>
    exchangeOnce(input.send, request, input.issued.value, requestTimeoutMs(deadlineMs - clock.now()), clock)
  const report = await withRetry<Seen>(
    async (): Promise<AttemptOutcome<Seen>> => {
      const { last, answer } = await attempt(exchange)
      if (answer.verdict === 'ok') return { kind: 'done', value: { last, answer } }
      if (answer.verdict === 'fatal' || input.signal?.aborted) return { kind: 'fatal', value: { last, answer } }
      const reason = answer.reason === '' ? retryReason(last) : answer.reason
      return {
        kind: 'transient',
        reason,
        retryAfterMs: parseRetryAfter(last.retryAfter, clock.now()),
        last: { last, answer }
      }
    },
    {
      deadlineMs,
      clock,
      onRetry: (n, reason, delayMs) =>
        input.log.info(`${title}: attempt ${n} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`)
    }
  )
  const { last, answer } = report.value
  if (answer.verdict === 'ok') return undefined
  const context = {
    issued: input.issued,
    nowMs: clock.now(),
    attempts: report.attempts,
    elapsedMs: clock.now() - started,
    gaveUp: report.gaveUp
  }
  const problem =
    answer.verdict === 'fatal' ? answer.problem : last.status === 200 ? { kind: 'still-found' as const } : undefined
  return diagnoseWriteCheck(title, last, context, problem)
}
