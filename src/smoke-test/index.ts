// The smoke test, and the entry of its chunk: main.ts loads it while az runs and opens the connection through it, so
// the whole read check loads at once. It reads the change feed with the new token on that connection (read/), and
// with smoke-test: write the round trip follows on the same connection (write/, loaded only then, and dcmjs with it).
import type { CancelWatch } from '../cancellation.ts'
import { cancelled } from '../cancellation.ts'
import { DEFAULT_RESOURCE, isOtherAzureAudience } from '../dicom-service.ts'
import { ActionError } from '../errors.ts'
import type { DicomTarget } from '../inputs.ts'
import type { Log } from '../log.ts'
import type { RetryClock } from '../retry.ts'
import { systemClock } from '../retry.ts'
import type { IssuedToken } from '../token.ts'
import type { DicomConnection } from './connection.ts'
import { transportErrorCode } from './exchange.ts'
import { runReadCheck } from './read/check.ts'
import type { ReadCheck } from './read/check.ts'
import type { SmokeTestReport, WriteReport } from './report.ts'
import type { CheckContext } from './step.ts'
import { isCancelled } from './step.ts'
import { noTimeForWrite, writeTimeNeededMs } from './write/budget.ts'

export { openDicomConnection } from './connection.ts'

export interface SmokeTestInput {
  /** Opened while az ran; if that failed, the smoke test fails with the reason, and the token outputs stand. */
  connection: Promise<DicomConnection>
  dicom: Pick<DicomTarget, 'baseUrl' | 'host' | 'apiVersion' | 'smokeTest' | 'waitForAccess'>
  timeoutMs: number
  /** Names the workflow run in the synthetic study (runLabelFrom). */
  runLabel?: string
  issued: IssuedToken
  log: Log
  clock?: RetryClock
  /** The runner's cancel: the checks stop at once, and the write round trip cleans up before the runner's kill. */
  cancel?: CancelWatch
  /** Keeps the synthetic study's UID for the post step before its STOW; '' once its delete is confirmed. */
  keepStudy?: (studyInstanceUid: string) => void
}

export async function runSmokeTest(input: SmokeTestInput): Promise<SmokeTestReport> {
  const clock = input.clock ?? systemClock
  const startedAt = clock.now()
  const deadlineMs = startedAt + input.timeoutMs
  const failed = (failure: ActionError): SmokeTestReport => {
    return { passed: false, failure, endpoints: [], elapsedMs: clock.now() - startedAt }
  }
  const otherAudience = refuseOtherAudience(input.issued, input.dicom.host)
  if (otherAudience) return failed(otherAudience)
  const connection = await input.connection.catch((error: unknown) => connectionFailure(error, input.dicom.host))
  if (connection instanceof ActionError) return failed(connection)

  const { send, proxyVariable } = connection
  const context: CheckContext = {
    send,
    proxyVariable,
    issued: input.issued,
    clock,
    log: input.log,
    cancel: input.cancel
  }
  const read = await runReadCheck(input.dicom, { deadlineMs, startedAtMs: startedAt }, context)
  const readMs = clock.now() - startedAt
  const { failure, write } = await afterRead(input, read, { deadlineMs, context })
  return {
    passed: failure === undefined,
    failure,
    latestSequence: read.latestSequence,
    endpoints: read.endpoints,
    write,
    readMs,
    elapsedMs: clock.now() - startedAt
  }
}

/**
 * After the read check: the cancel, if it came; else with smoke-test: write the round trip, unless the read check left
 * too little time for it and its cleanup.
 */
async function afterRead(
  input: SmokeTestInput,
  read: ReadCheck,
  { deadlineMs, context }: { deadlineMs: number; context: CheckContext }
): Promise<{ failure?: ActionError; write?: WriteReport }> {
  if (isCancelled(context)) {
    const by = input.cancel?.by ?? 'SIGINT'
    return { failure: cancelled(by, 'during the read check of the smoke test', 'nothing was written') }
  }
  if (read.failure || read.latestSequence === undefined || input.dicom.smokeTest !== 'write') return read
  const leftMs = deadlineMs - context.clock.now()
  if (leftMs < writeTimeNeededMs(input.timeoutMs)) return { failure: noTimeForWrite(leftMs, input.timeoutMs) }
  const write = await writeCheck(input, { sequenceBefore: read.latestSequence, deadlineMs }, context)
  return { failure: write.failure, write }
}

/** A token for another Azure service is a credential for that service: it is never sent to dicom-url. */
function refuseOtherAudience(issued: IssuedToken, host: string): ActionError | undefined {
  const { audience } = issued.claims
  if (!isOtherAzureAudience(audience)) return undefined
  return new ActionError(
    'wrong-audience',
    `The token az issued is for another Azure service (audience '${audience ?? ''}'), so it was not sent to ${host}.`,
    `Leave the 'resource' input at its default (${DEFAULT_RESOURCE}) for the smoke test.`
  )
}

function connectionFailure(error: unknown, host: string): ActionError {
  if (error instanceof ActionError) return error
  return new ActionError(
    'smoke-network',
    `Could not prepare a connection to ${host} (${transportErrorCode(error)}).`,
    "Check dicom-url and the runner's network and proxy settings."
  )
}

/** The round trip, loaded only now: it brings dcmjs. */
async function writeCheck(
  input: SmokeTestInput,
  after: { sequenceBefore: number; deadlineMs: number },
  context: CheckContext
): Promise<WriteReport> {
  const { runWriteCheck } = await import('./write/round-trip.ts')
  const { dicom, timeoutMs, runLabel, keepStudy } = input
  return runWriteCheck({ dicom, ...after, timeoutMs, runLabel, keepStudy }, context)
}
