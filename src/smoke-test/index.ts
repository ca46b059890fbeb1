// The smoke test: read the change feed with the new token, both endpoints at once on the connection opened while az
// ran, retrying what a retry can fix until the deadline, and report what each endpoint saw. With smoke-test: write, the
// round trip (write.ts, loaded only then, and dcmjs with it) follows on the same connection.
import { DEFAULT_RESOURCE, isOtherAzureAudience } from '../dicom-service.ts'
import { ActionError } from '../errors.ts'
import type { DicomTarget } from '../inputs.ts'
import type { Log } from '../log.ts'
import type { AttemptOutcome, RetryClock } from '../retry.ts'
import { parseRetryAfter, systemClock, withRetry } from '../retry.ts'
import type { IssuedToken } from '../token.ts'
import type { EndpointName, Reading } from './read/changefeed.ts'
import { CHANGEFEED_ENDPOINTS, readAnswer, retryReason } from './read/changefeed.ts'
import type { DicomConnection } from './connection.ts'

// main.ts opens the connection through this module, so the smoke test loads as one chunk (exchange.ts is shared).
export { openDicomConnection } from './connection.ts'
import { diagnoseExchange } from './diagnose.ts'
import type { Exchange, SendRequest } from './exchange.ts'
import { exchangeOnce, requestTimeoutMs, transportErrorCode } from './exchange.ts'
import type { EndpointReport, SmokeTestReport, WriteReport } from './report.ts'

export async function runSmokeTest(input: {
  /** Opened while az ran; if that failed, the smoke test fails with the reason, and the token outputs stand. */
  connection: Promise<DicomConnection>
  dicom: Pick<DicomTarget, 'baseUrl' | 'host' | 'apiVersion' | 'smokeTest' | 'waitForAccess'>
  timeoutMs: number
  /** Names the workflow run in the synthetic study (runLabelFrom). */
  runLabel?: string
  issued: IssuedToken
  log: Log
  clock?: RetryClock
}): Promise<SmokeTestReport> {
  const clock = input.clock ?? systemClock
  const startedAt = clock.now()
  const deadlineMs = startedAt + input.timeoutMs
  const audience = input.issued.claims.audience
  if (isOtherAzureAudience(audience)) {
    const failure = new ActionError(
      'wrong-audience',
      `The token az issued is for another Azure service (audience '${audience ?? ''}'), so it was not sent to ` +
        `${input.dicom.host}.`,
      `Leave the 'resource' input at its default (${DEFAULT_RESOURCE}) for the smoke test.`
    )
    return { passed: false, failure, endpoints: [], elapsedMs: clock.now() - startedAt }
  }
  let send: SendRequest
  let proxyVariable: string | undefined
  try {
    ;({ send, proxyVariable } = await input.connection)
  } catch (error) {
    const failure =
      error instanceof ActionError
        ? error
        : new ActionError(
            'smoke-network',
            `Could not prepare a connection to ${input.dicom.host} (${transportErrorCode(error)}).`,
            "Check dicom-url and the runner's network and proxy settings."
          )
    return { passed: false, failure, endpoints: [], elapsedMs: clock.now() - startedAt }
  }

  const readEndpoint = async (name: EndpointName, path: string): Promise<EndpointReport> => {
    const url = new URL(`${input.dicom.baseUrl}${path}`)
    const report = await withRetry<{ exchange: Exchange; reading: Reading }>(
      async (_attempt, remainingMs) => {
        const exchange = await exchangeOnce(send, { url }, input.issued.value, requestTimeoutMs(remainingMs), clock)
        const reading = readAnswer(name, exchange, input.dicom.waitForAccess)
        if (reading.verdict !== 'transient')
          return { kind: reading.verdict === 'ok' ? 'done' : 'fatal', value: { exchange, reading } }
        return {
          kind: 'transient',
          reason: retryReason(exchange),
          retryAfterMs: parseRetryAfter(exchange.retryAfter, clock.now()),
          last: { exchange, reading }
        } satisfies AttemptOutcome<{ exchange: Exchange; reading: Reading }>
      },
      {
        deadlineMs,
        clock,
        onRetry: (attempt, reason, delayMs) =>
          input.log.info(
            `GET ${url.href}: attempt ${attempt} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`
          )
      }
    )
    const { exchange, reading } = report.value
    const failure =
      reading.verdict === 'ok'
        ? undefined
        : diagnoseExchange(
            exchange,
            {
              issued: input.issued,
              proxyVariable,
              nowMs: clock.now(),
              attempts: report.attempts,
              elapsedMs: clock.now() - startedAt,
              gaveUp: report.gaveUp
            },
            reading.verdict === 'fatal' ? reading.bodyProblem : undefined
          )
    const sequence = reading.verdict === 'ok' ? reading.sequence : undefined
    return { name, url: url.href, exchange, attempts: report.attempts, failure, sequence }
  }

  const endpoints = await Promise.all(CHANGEFEED_ENDPOINTS.map(({ name, path }) => readEndpoint(name, path)))
  const readFailure = endpoints.find((e) => e.failure)?.failure
  const latestSequence = readFailure ? undefined : (endpoints.find((e) => e.name === 'latest')?.sequence ?? 0)
  let write: WriteReport | undefined
  if (input.dicom.smokeTest === 'write' && latestSequence !== undefined) {
    const { runWriteCheck } = await import('./write/round-trip.ts')
    const { timeoutMs, issued, log, runLabel } = input
    write = await runWriteCheck({
      send,
      proxyVariable,
      dicom: input.dicom,
      issued,
      sequenceBefore: latestSequence,
      deadlineMs,
      timeoutMs,
      runLabel,
      log,
      clock
    })
  }
  const failure = readFailure ?? write?.failure
  return {
    passed: failure === undefined,
    failure,
    latestSequence: failure ? undefined : latestSequence,
    endpoints,
    write,
    elapsedMs: clock.now() - startedAt
  }
}
