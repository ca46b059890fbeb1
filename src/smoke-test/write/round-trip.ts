// The write check: one synthetic instance stored, found, retrieved and seen in the change feed, then deleted and seen
// gone. Each step is requests through exchangeOnce under withRetry; what an answer means is in write-answers.ts, what a
// failure says in write-diagnose.ts. Once the STOW may have stored the instance, cleanup runs whatever happens next.
import type { ActionError } from '../../errors.ts'
import type { AttemptOutcome } from '../../retry.ts'
import { parseRetryAfter, withRetry } from '../../retry.ts'
import { retryReason } from '../read/changefeed.ts'
import type { DiagnosisContext } from '../diagnose.ts'
import type { DicomRequest, Exchange } from '../exchange.ts'
import { exchangeOnce, requestTimeoutMs } from '../exchange.ts'
import { stowRequestBody, syntheticInstance } from './instance.ts'
import type { WriteReport, WriteStepReport } from '../report.ts'
import type { FeedTarget, InstanceUids, WriteProblem } from './answers.ts'
import {
  feedPagePath,
  firstFeedCursor,
  readDeleteAnswer,
  readFeedPage,
  readMetadataAnswer,
  readSearchAnswer,
  readStowAnswer
} from './answers.ts'
import { cleanupFailed, diagnoseStow, diagnoseWriteCheck } from './diagnose.ts'
import type { Attempt, StepResult, WriteCheckInput } from '../write-plan.ts'
import { WRITE_STEPS, cleanupReserveMs } from '../write-plan.ts'

/** One poll of the change feed reads at most this many pages before it waits and tries again. */
const MAX_FEED_PAGES_PER_POLL = 10
const DICOM_JSON = 'application/dicom+json'

export async function runWriteCheck(input: WriteCheckInput): Promise<WriteReport> {
  const { clock, log, send, issued, proxyVariable } = input
  const { baseUrl, apiVersion, waitForAccess } = input.dicom
  const instance = await syntheticInstance({ runLabel: input.runLabel, now: new Date(clock.now()) })
  const uids: InstanceUids = instance
  const stow = stowRequestBody(instance.part10)
  const startedAt = clock.now()
  const reserveMs = cleanupReserveMs(input.timeoutMs)
  const stepsDeadline = input.deadlineMs - reserveMs
  const steps: WriteStepReport[] = []
  const exchange = (request: DicomRequest, deadlineMs: number): Promise<Exchange> =>
    exchangeOnce(send, request, issued.value, requestTimeoutMs(deadlineMs - clock.now()), clock)

  /** Runs one step under withRetry until it is done, fails, or its deadline leaves no room; records its row. */
  async function step<T>(
    title: string,
    deadlineMs: number,
    attempt: () => Promise<Attempt<T>>,
    diagnose: (last: Exchange, context: DiagnosisContext, problem: WriteProblem | undefined) => ActionError
  ): Promise<StepResult<T>> {
    const stepStart = clock.now()
    const report = await withRetry<Attempt<T>>(
      async () => {
        const last = await attempt()
        const { answer } = last
        if (answer.verdict === 'ok') return { kind: 'done', value: last }
        if (answer.verdict === 'fatal') return { kind: 'fatal', value: last }
        const reason = answer.verdict === 'pending' ? answer.reason : retryReason(last.exchange)
        const retryAfterMs = parseRetryAfter(last.exchange.retryAfter, clock.now())
        return { kind: 'transient', reason, retryAfterMs, last } satisfies AttemptOutcome<Attempt<T>>
      },
      {
        deadlineMs,
        clock,
        onRetry: (attemptNumber, reason, delayMs) =>
          log.info(
            `${title}: attempt ${attemptNumber} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`
          )
      }
    )
    const { exchange: last, answer } = report.value
    const elapsedMs = clock.now() - stepStart
    const outcome = answer.verdict === 'ok' ? 'passed' : 'failed'
    steps.push({
      title,
      outcome,
      elapsedMs,
      attempts: report.attempts,
      answer: last.errorCode ?? String(last.status ?? '')
    })
    if (answer.verdict === 'ok') return { ok: true, value: answer.value }
    const context = {
      issued,
      proxyVariable,
      nowMs: clock.now(),
      attempts: report.attempts,
      elapsedMs,
      gaveUp: report.gaveUp
    }
    const problem = answer.verdict === 'transient' ? undefined : answer.problem
    return { ok: false, failure: diagnose(last, context, problem) }
  }

  let cursor = firstFeedCursor(apiVersion, input.sequenceBefore, startedAt)
  /** Reads the feed from the cursor on until the target entry shows, or the pages run out for now. */
  async function pollFeed(target: FeedTarget, deadlineMs: number): Promise<Attempt<void>> {
    const pending = {
      verdict: 'pending',
      reason: `the ${target.action} is not in the change feed yet`,
      problem: { kind: 'not-in-feed', action: target.action }
    } as const
    let last: Exchange | undefined
    for (let page = 0; page < MAX_FEED_PAGES_PER_POLL || last === undefined; page++) {
      last = await exchange({ url: new URL(`${baseUrl}${feedPagePath(apiVersion, cursor)}`) }, deadlineMs)
      const answer = readFeedPage(last, target, cursor, waitForAccess)
      if (answer.verdict !== 'ok') return { exchange: last, answer }
      if (answer.value.found) return { exchange: last, answer: { verdict: 'ok', value: undefined } }
      if (answer.value.next === undefined) break
      cursor = answer.value.next
    }
    return { exchange: last, answer: pending }
  }

  const searchRequest: DicomRequest = {
    url: new URL(`${baseUrl}/studies?StudyInstanceUID=${encodeURIComponent(uids.studyInstanceUid)}`),
    accept: DICOM_JSON
  }
  const check = (title: string) => (last: Exchange, context: DiagnosisContext, problem: WriteProblem | undefined) =>
    diagnoseWriteCheck(title, last, context, problem)

  // 1. Store. An attempt that timed out or got a 5xx may have stored it, so cleanup runs then too.
  const attempts = { uncertain: false }
  const stored = await step(
    WRITE_STEPS.store,
    stepsDeadline,
    async () => {
      const body = { contentType: stow.contentType, bytes: stow.body }
      const last = await exchange(
        { method: 'POST', url: new URL(`${baseUrl}/studies`), accept: DICOM_JSON, body },
        stepsDeadline
      )
      const answer = readStowAnswer(last, uids, waitForAccess, attempts.uncertain)
      if (last.errorCode !== undefined || (last.status ?? 0) >= 500) attempts.uncertain = true
      return { exchange: last, answer }
    },
    diagnoseStow
  )
  let failure = stored.ok ? undefined : stored.failure
  if (stored.ok)
    log.info(
      `Stored the synthetic study ${uids.studyInstanceUid} (${instance.studyDescription}); it is deleted at the end.`
    )

  // 2–4. Find it, read it back, see it in the change feed; the first failure skips the rest but not cleanup.
  const checks: [string, () => Promise<Attempt<void>>][] = [
    [
      WRITE_STEPS.search,
      async () => {
        const last = await exchange(searchRequest, stepsDeadline)
        const answer = readSearchAnswer(last, uids.studyInstanceUid, waitForAccess)
        if (answer.verdict !== 'ok') return { exchange: last, answer }
        if (answer.value) return { exchange: last, answer: { verdict: 'ok', value: undefined } }
        return {
          exchange: last,
          answer: { verdict: 'pending', reason: 'the study is not found yet', problem: { kind: 'not-found' } }
        }
      }
    ],
    [
      WRITE_STEPS.retrieve,
      async () => {
        const { studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: instance } = uids
        const path = `/studies/${study}/series/${series}/instances/${instance}/metadata`
        const last = await exchange({ url: new URL(`${baseUrl}${path}`), accept: DICOM_JSON }, stepsDeadline)
        return { exchange: last, answer: readMetadataAnswer(last, uids, waitForAccess) }
      }
    ],
    [
      WRITE_STEPS.feedCreate,
      () =>
        pollFeed(
          { action: 'Create', sopInstanceUid: uids.sopInstanceUid, afterSequence: input.sequenceBefore },
          stepsDeadline
        )
    ]
  ]
  let skipRest = !stored.ok
  for (const [title, attempt] of checks) {
    if (skipRest) {
      steps.push({ title, outcome: 'skipped', elapsedMs: 0, attempts: 0 })
      continue
    }
    const result = await step(title, stepsDeadline, attempt, check(title))
    if (!result.ok) {
      failure = result.failure
      skipRest = true
    }
  }

  // 5–6. Cleanup: its own deadline, never earlier than the reserve from now.
  if (stored.ok || attempts.uncertain) {
    const cleanupDeadline = Math.max(input.deadlineMs, clock.now() + reserveMs)
    const deleteUrl = new URL(`${baseUrl}/studies/${uids.studyInstanceUid}`)
    const deleted = await step(
      WRITE_STEPS.delete,
      cleanupDeadline,
      async () => {
        const last = await exchange({ method: 'DELETE', url: deleteUrl, accept: DICOM_JSON }, cleanupDeadline)
        return { exchange: last, answer: readDeleteAnswer(last, waitForAccess) }
      },
      check(WRITE_STEPS.delete)
    )
    const confirmed = deleted.ok
      ? await step(
          WRITE_STEPS.confirmDelete,
          cleanupDeadline,
          async () => {
            const last = await exchange(searchRequest, cleanupDeadline)
            const search = readSearchAnswer(last, uids.studyInstanceUid, waitForAccess)
            if (search.verdict === 'ok' && !search.value)
              return { exchange: last, answer: { verdict: 'ok', value: undefined } }
            if (search.verdict !== 'ok') return { exchange: last, answer: search }
            const feed = await pollFeed(
              { action: 'Delete', sopInstanceUid: uids.sopInstanceUid, afterSequence: input.sequenceBefore },
              cleanupDeadline
            )
            return feed.answer.verdict === 'pending'
              ? { exchange: last, answer: { ...feed.answer, problem: { kind: 'still-found' } } }
              : feed
          },
          check(WRITE_STEPS.confirmDelete)
        )
      : deleted
    if (!confirmed.ok) failure = cleanupFailed(uids.studyInstanceUid, baseUrl, confirmed.failure, failure)
    if (!deleted.ok) steps.push({ title: WRITE_STEPS.confirmDelete, outcome: 'skipped', elapsedMs: 0, attempts: 0 })
  } else {
    for (const title of [WRITE_STEPS.delete, WRITE_STEPS.confirmDelete])
      steps.push({ title, outcome: 'skipped', elapsedMs: 0, attempts: 0 })
  }
  return { steps, elapsedMs: clock.now() - startedAt, studyInstanceUid: uids.studyInstanceUid, failure }
}
