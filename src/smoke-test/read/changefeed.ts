// The read check: which change feed endpoints are read, and what their answers mean. Pure.
// Each answer is read once here; a failure goes on to diagnose.ts with what the reading found.
import { isRetryableStatus } from '../../retry.ts'
import type { Exchange } from '../exchange.ts'

export const CHANGEFEED_ENDPOINTS = [
  { name: 'changefeed', path: '/changefeed?offset=0&limit=1&includeMetadata=false' },
  { name: 'latest', path: '/changefeed/latest?includeMetadata=false' }
] as const
export type EndpointName = (typeof CHANGEFEED_ENDPOINTS)[number]['name']

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH/

export function isTlsError(code: string | undefined): boolean {
  return code !== undefined && TLS_CODES.test(code)
}

// Answers that are not HTTP the client can read (undici's parser errors, both Content-Length and Transfer-Encoding, a
// bad status line or header value) or are larger than it reads: no retry makes them readable.
const PROTOCOL_CODES =
  /^(HPE_|HTTPParserError$|UND_ERR_RES_EXCEEDED_MAX_SIZE$|UND_ERR_INVALID_ARG$|UND_ERR_RES_CONTENT_LENGTH_MISMATCH$)/

export function isProtocolError(code: string | undefined): boolean {
  return code !== undefined && PROTOCOL_CODES.test(code)
}

/** What transportErrorCode makes of a proxy's refusal of the tunnel: `PROXY_<status>`. */
export const PROXY_AUTHENTICATION_REQUIRED = 'PROXY_407'

/**
 * Is this attempt finished, worth another try, or a failure no retry will fix? With wait-for-access a 403 is a role
 * assignment that has not applied yet (it can take about 10 minutes), so it is tried again until the deadline.
 */
export function classifyExchange(exchange: Exchange, waitForAccess = false): 'ok' | 'transient' | 'fatal' {
  const code = exchange.errorCode
  if (code !== undefined) {
    return isTlsError(code) || isProtocolError(code) || code === PROXY_AUTHENTICATION_REQUIRED ? 'fatal' : 'transient'
  }
  const status = exchange.status ?? 0
  if (status === 200 || status === 204) return 'ok'
  if (status === 403 && waitForAccess) return 'transient'
  return isRetryableStatus(status) ? 'transient' : 'fatal'
}

/** Why an attempt is tried again, as the log line says it. */
export function retryReason(exchange: Exchange): string {
  if (exchange.errorCode !== undefined) return exchange.errorCode
  const status = `HTTP ${exchange.status ?? '?'}`
  return exchange.status === 403 ? `${status}, waiting for the role assignment to apply` : status
}

/** A change feed entry's field, whatever its case: the service writes camelCase, the docs show PascalCase. */
export function entryField(record: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : record[key]
}

/** The service writes camelCase, the docs show PascalCase: read `sequence` either way. */
export function entrySequence(entry: unknown): number | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined
  const sequence = entryField(entry as Record<string, unknown>, 'sequence')
  return typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : undefined
}

/** The sequence a 200/204 shows (0 for an empty feed), or why its body is not a change feed. */
export function readChangefeedBody(name: EndpointName, exchange: Exchange): { sequence: number } | { problem: string } {
  const text = (exchange.body ?? '').trim()
  if (name === 'latest' && (exchange.status === 204 || text === '' || text === 'null')) return { sequence: 0 }
  if (!/\bjson\b/i.test(exchange.contentType ?? '')) return { problem: 'not-json' }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { problem: 'not-json' }
  }
  if (name === 'latest') {
    const sequence = entrySequence(body)
    return sequence === undefined ? { problem: 'an entry with a numeric sequence was expected' } : { sequence }
  }
  if (!Array.isArray(body)) return { problem: 'a JSON array of change feed entries was expected' }
  const sequences = body.map(entrySequence)
  if (sequences.some((s) => s === undefined))
    return { problem: 'every change feed entry should have a numeric sequence' }
  return { sequence: Math.max(0, ...(sequences as number[])) }
}

/** One answer, read once: a change feed with its sequence, a transient failure, or a failure to diagnose. */
export type Reading =
  | { verdict: 'ok'; sequence: number }
  | { verdict: 'transient' }
  /** `bodyProblem` is set when the status was good but the body is not a change feed. */
  | { verdict: 'fatal'; bodyProblem?: string }

export function readAnswer(name: EndpointName, exchange: Exchange, waitForAccess = false): Reading {
  const verdict = classifyExchange(exchange, waitForAccess)
  if (verdict !== 'ok') return { verdict }
  const read = readChangefeedBody(name, exchange)
  return 'sequence' in read
    ? { verdict: 'ok', sequence: read.sequence }
    : { verdict: 'fatal', bodyProblem: read.problem }
}
