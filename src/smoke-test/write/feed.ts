// The change feed, polled for the round trip's own entries: which page to ask for next, what a page shows, and the
// poll that reads pages from where the last one stopped. Pure but for the poll, which is handed its requests.
import type { ApiVersion } from '../../dicom-service.ts'
import type { Exchange } from '../exchange.ts'
import { classifyExchange, fieldOf } from '../exchange.ts'
import { isEmptyFeed } from '../read/changefeed.ts'
import type { Answer } from './answers.ts'
import { parseJson } from './answers.ts'

/** v1 pages by sequence number (offset is a sequence, limit a span); v2 by rows inside a time window. */
export const FEED_PAGE_LIMIT: Record<ApiVersion, number> = { 'v1.0-prerelease': 100, v1: 100, v2: 200 }
/**
 * v2's window opens this long before the STOW's answer on the service's own clock (its Date header, which has whole
 * seconds and is written after the entry): the entry's timestamp is at most the STOW's own time earlier.
 */
export const FEED_WINDOW_MARGIN_MS = 5000
/** Without a usable Date header the runner's clock is all there is: then the window opens this long before the write. */
export const FEED_WINDOW_SKEW_MS = 10 * 60_000
/** One poll of the change feed reads at most this many pages before it waits and tries again. */
export const MAX_FEED_PAGES_PER_POLL = 10

export interface FeedCursor {
  /** v1: the sequence to read after; v2: rows of the window already read. */
  offset: number
  /** v2 only: the window's start, ISO 8601 with its zone, as v2 requires. */
  startTime?: string
}

/** What the STOW's answer says of the service's clock: its Date header, and how long the STOW took. */
export interface StowClock {
  date?: string
  latencyMs: number
}

/**
 * Where to read the feed from after the STOW: v1 after the sequence seen before the write; v2 from the STOW's time on
 * the service's clock (its answer's Date, less the STOW's latency and a margin), or, without a usable Date, from well
 * before the write on the runner's clock.
 */
export function firstFeedCursor(
  apiVersion: ApiVersion,
  sequenceBefore: number,
  writeStartedAtMs: number,
  stow?: StowClock
): FeedCursor {
  if (apiVersion !== 'v2') return { offset: sequenceBefore }
  const serverMs = stow?.date === undefined ? NaN : Date.parse(stow.date)
  const startMs = Number.isNaN(serverMs)
    ? writeStartedAtMs - FEED_WINDOW_SKEW_MS
    : serverMs - (stow?.latencyMs ?? 0) - FEED_WINDOW_MARGIN_MS
  return { offset: 0, startTime: new Date(startMs).toISOString() }
}

/** The newest entry: the round trip's own entry usually is it, which saves paging a busy feed. */
export const LATEST_FEED_PATH = '/changefeed/latest?includeMetadata=false'

/** Whether a /changefeed/latest answer is the target entry itself. */
export function latestIsTarget(exchange: Exchange, target: FeedTarget): boolean {
  if (exchange.status !== 200) return false
  const entry = parseJson(exchange)
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false
  return isTargetEntry(entry as Record<string, unknown>, target)
}

export function feedPagePath(apiVersion: ApiVersion, cursor: FeedCursor): string {
  const query = new URLSearchParams({ offset: String(cursor.offset), limit: String(FEED_PAGE_LIMIT[apiVersion]) })
  if (cursor.startTime !== undefined) query.set('startTime', cursor.startTime)
  query.set('includeMetadata', 'false')
  return `/changefeed?${query.toString()}`
}

export interface FeedTarget {
  action: 'Create' | 'Delete'
  sopInstanceUid: string
  /** Only entries after the `latest` sequence seen before the write count. */
  afterSequence: number
}

function isTargetEntry(entry: Record<string, unknown>, target: FeedTarget): boolean {
  const sequence = fieldOf(entry, 'sequence')
  return (
    typeof sequence === 'number' &&
    sequence > target.afterSequence &&
    fieldOf(entry, 'sopInstanceUid') === target.sopInstanceUid &&
    String(fieldOf(entry, 'action')).toLowerCase() === target.action.toLowerCase()
  )
}

/** One page of the feed: whether it has the target entry, and where the next page starts (undefined: no more yet). */
export function readFeedPage(
  exchange: Exchange,
  target: FeedTarget,
  cursor: FeedCursor,
  waitForAccess: boolean
): Answer<{ found: boolean; next?: FeedCursor }> {
  const verdict = classifyExchange(exchange, waitForAccess)
  if (verdict !== 'ok') return { verdict }
  const body = isEmptyFeed(exchange) ? [] : parseJson(exchange)
  if (!Array.isArray(body)) {
    return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a JSON array of change feed entries' } }
  }
  const entries = body.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
  const found = entries.some((entry) => isTargetEntry(entry, target))
  if (entries.length === 0) return { verdict: 'ok', value: { found } }
  const sequences = entries.map((e) => fieldOf(e, 'sequence')).filter((s): s is number => typeof s === 'number')
  const next =
    cursor.startTime === undefined
      ? { offset: Math.max(cursor.offset, ...sequences) }
      : { ...cursor, offset: cursor.offset + entries.length }
  return { verdict: 'ok', value: { found, next } }
}

/** Reads one page of the feed at `path` before `deadlineMs`. */
export type FeedRequest = (path: string, deadlineMs: number) => Promise<Exchange>

/**
 * Reads /changefeed/latest, and if that is not the target entry, the feed from where the last poll stopped until the
 * target shows or the pages run out for now; says whether it showed. The cursor starts once the STOW has answered (its
 * Date) and carries over from poll to poll, so the Delete is looked for after the Create.
 */
export function feedPoller(
  request: FeedRequest,
  start: {
    apiVersion: ApiVersion
    sequenceBefore: number
    writeStartedAtMs: number
    waitForAccess: boolean
    stowClock: () => StowClock | undefined
  }
): (target: FeedTarget, deadlineMs: number) => Promise<{ exchange: Exchange; answer: Answer<boolean> }> {
  const { apiVersion, waitForAccess } = start
  let cursor: FeedCursor | undefined
  return async (target, deadlineMs) => {
    const latest = await request(LATEST_FEED_PATH, deadlineMs)
    if (latestIsTarget(latest, target)) return { exchange: latest, answer: { verdict: 'ok', value: true } }
    cursor ??= firstFeedCursor(apiVersion, start.sequenceBefore, start.writeStartedAtMs, start.stowClock())
    let last: Exchange | undefined
    for (let page = 0; page < MAX_FEED_PAGES_PER_POLL || last === undefined; page++) {
      last = await request(feedPagePath(apiVersion, cursor), deadlineMs)
      const answer = readFeedPage(last, target, cursor, waitForAccess)
      if (answer.verdict !== 'ok') return { exchange: last, answer }
      if (answer.value.found) return { exchange: last, answer: { verdict: 'ok', value: true } }
      if (answer.value.next === undefined) break
      cursor = answer.value.next
    }
    return { exchange: last, answer: { verdict: 'ok', value: false } }
  }
}
