// The read check: which change feed endpoints are read, and what their answers mean. Pure.
// Each answer is read once here; a failure goes on to diagnose.ts with what the reading found.
import { isRetryableStatus } from '../retry.ts'
import type { Exchange } from './exchange.ts'

export const CHANGEFEED_ENDPOINTS = [
  { name: 'changefeed', path: '/changefeed?offset=0&limit=1&includeMetadata=false' },
  { name: 'latest', path: '/changefeed/latest?includeMetadata=false' }
] as const
export type EndpointName = (typeof CHANGEFEED_ENDPOINTS)[number]['name']

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH/

export function isTlsError(code: string | undefined): boolean {
  return code !== undefined && TLS_CODES.test(code)
}

/** Is this attempt finished, worth another try, or a failure no retry will fix? */
export function classifyExchange(exchange: Exchange): 'ok' | 'transient' | 'fatal' {
  if (exchange.errorCode !== undefined) return isTlsError(exchange.errorCode) ? 'fatal' : 'transient'
  const status = exchange.status ?? 0
  if (status === 200 || status === 204) return 'ok'
  return isRetryableStatus(status) ? 'transient' : 'fatal'
}

function findKey(record: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : record[key]
}

/** The service writes camelCase, the docs show PascalCase: read `sequence` either way. */
export function entrySequence(entry: unknown): number | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined
  const sequence = findKey(entry as Record<string, unknown>, 'sequence')
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
  if (sequences.some((s) => s === undefined)) return { problem: 'every change feed entry should have a numeric sequence' }
  return { sequence: Math.max(0, ...(sequences as number[])) }
}

/** One answer, read once: a change feed with its sequence, a transient failure, or a failure to diagnose. */
export type Reading =
  | { verdict: 'ok'; sequence: number }
  | { verdict: 'transient' }
  /** `bodyProblem` is set when the status was good but the body is not a change feed. */
  | { verdict: 'fatal'; bodyProblem?: string }

export function readAnswer(name: EndpointName, exchange: Exchange): Reading {
  const verdict = classifyExchange(exchange)
  if (verdict !== 'ok') return { verdict }
  const read = readChangefeedBody(name, exchange)
  return 'sequence' in read ? { verdict: 'ok', sequence: read.sequence } : { verdict: 'fatal', bodyProblem: read.problem }
}
