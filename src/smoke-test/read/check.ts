// The read check: both change feed endpoints read at once with the new token, each a retried step, and the `latest`
// sequence they show (the write round trip's own entries come after it).
import type { ActionError } from '../../errors.ts'
import type { DicomTarget } from '../../inputs.ts'
import { diagnoseExchange } from '../diagnose.ts'
import type { EndpointReport } from '../report.ts'
import type { CheckContext } from '../step.ts'
import { exchangeWithin, runStep } from '../step.ts'
import type { EndpointName } from './changefeed.ts'
import { CHANGEFEED_ENDPOINTS, readChangefeedAnswer } from './changefeed.ts'

export interface ReadCheck {
  endpoints: EndpointReport[]
  failure?: ActionError
  /** Unset when the check failed. */
  latestSequence?: number
}

export async function runReadCheck(
  dicom: Pick<DicomTarget, 'baseUrl' | 'waitForAccess'>,
  timing: { deadlineMs: number; startedAtMs: number },
  context: CheckContext
): Promise<ReadCheck> {
  const readEndpoint = async (name: EndpointName, path: string): Promise<EndpointReport> => {
    const url = new URL(`${dicom.baseUrl}${path}`)
    const step = await runStep(
      {
        label: `GET ${url.href}`,
        ...timing,
        attempt: async (remainingMs) => {
          const exchange = await exchangeWithin(context, { url }, remainingMs)
          return { exchange, answer: readChangefeedAnswer(name, exchange, dicom.waitForAccess) }
        },
        diagnose: diagnoseExchange
      },
      context
    )
    const { exchange, attempts } = step
    return step.ok
      ? { name, url: url.href, exchange, attempts, failure: undefined, sequence: step.value }
      : { name, url: url.href, exchange, attempts, failure: step.failure, sequence: undefined }
  }
  const endpoints = await Promise.all(CHANGEFEED_ENDPOINTS.map(({ name, path }) => readEndpoint(name, path)))
  const failure = endpoints.find((e) => e.failure)?.failure
  const latestSequence = failure ? undefined : (endpoints.find((e) => e.name === 'latest')?.sequence ?? 0)
  return { endpoints, failure, latestSequence }
}
