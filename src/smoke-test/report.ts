// What the smoke test found, as the outputs and the job summary read it. Types only.
import type { ActionError } from '../errors.ts'
import type { EndpointName } from './changefeed.ts'
import type { Exchange } from './exchange.ts'

export interface EndpointReport {
  name: EndpointName
  url: string
  exchange: Exchange
  attempts: number
  sequence?: number
  failure?: ActionError
}

export interface SmokeTestReport {
  passed: boolean
  latestSequence?: number
  endpoints: EndpointReport[]
  failure?: ActionError
  elapsedMs: number
}
