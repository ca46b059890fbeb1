// The change feed as the read check reads it: which endpoints, and what their answers mean. Pure.
// Each answer is read once here; a failure goes on to diagnose.ts with what the reading found.
import type { Answer, Exchange } from '../exchange.ts'
import { classifyExchange, fieldOf } from '../exchange.ts'

export const CHANGEFEED_ENDPOINTS = [
  { name: 'changefeed', path: '/changefeed?offset=0&limit=1&includeMetadata=false' },
  { name: 'latest', path: '/changefeed/latest?includeMetadata=false' }
] as const
export type EndpointName = (typeof CHANGEFEED_ENDPOINTS)[number]['name']

/** A feed with nothing in it yet answers 204, an empty body or `null`, by endpoint and version. */
export function isEmptyFeed(exchange: Exchange): boolean {
  const text = (exchange.body ?? '').trim()
  return exchange.status === 204 || text === '' || text === 'null'
}

/** An entry's `sequence`, in whichever case the service wrote it. */
export function entrySequence(entry: unknown): number | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined
  const sequence = fieldOf(entry as Record<string, unknown>, 'sequence')
  return typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : undefined
}

/** The sequence a 200/204 shows (0 for an empty feed), or why its body is not a change feed. */
export function readChangefeedBody(name: EndpointName, exchange: Exchange): { sequence: number } | { problem: string } {
  if (name === 'latest' && isEmptyFeed(exchange)) return { sequence: 0 }
  if (!/\bjson\b/i.test(exchange.contentType ?? '')) return { problem: 'not-json' }
  let body: unknown
  try {
    body = JSON.parse((exchange.body ?? '').trim())
  } catch {
    return { problem: 'not-json' }
  }
  if (name === 'latest') {
    const sequence = entrySequence(body)
    return sequence === undefined ? { problem: 'an entry with a numeric sequence was expected' } : { sequence }
  }
  if (!Array.isArray(body)) return { problem: 'a JSON array of change feed entries was expected' }
  const sequences = body.map(entrySequence)
  if (sequences.some((s) => s === undefined)) {
    return { problem: 'every change feed entry should have a numeric sequence' }
  }
  return { sequence: Math.max(0, ...(sequences as number[])) }
}

/**
 * One answer, read once: a change feed with its sequence, a transient failure, or a failure to diagnose. A fatal
 * answer's `problem` is set when the status was good but the body is not a change feed.
 */
export function readChangefeedAnswer(name: EndpointName, exchange: Exchange, waitForAccess = false): Answer<number> {
  const verdict = classifyExchange(exchange, waitForAccess)
  if (verdict !== 'ok') return { verdict }
  const read = readChangefeedBody(name, exchange)
  return 'sequence' in read ? { verdict: 'ok', value: read.sequence } : { verdict: 'fatal', problem: read.problem }
}
