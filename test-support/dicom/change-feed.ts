// The change feed as the service keeps it: Create and Delete entries with sequence numbers that only grow but may skip,
// paged as v1 does (offset and limit are sequence numbers: a span, not a row count) and as v2 does (offset counts rows
// inside the time window, ordered by timestamp, then sequence). See shared/dicom-service-facts.md.
import {
  LIMITS,
  empty,
  json,
  parseBoolean,
  parseInteger,
  parseTime,
  text,
  type ApiVersion,
  type Reply
} from './http.ts'
import type { DicomJson } from './store.ts'

export interface FeedRecord {
  sequence: number
  studyInstanceUid: string
  seriesInstanceUid: string
  sopInstanceUid: string
  action: 'Create' | 'Delete'
  timestamp: string
  metadata: DicomJson | null
  /** Reads of the feed this entry still stays out of (the create-hidden fault). */
  hiddenReads: number
}

export type FeedChange = Pick<FeedRecord, 'studyInstanceUid' | 'seriesInstanceUid' | 'sopInstanceUid' | 'action'> & {
  metadata: DicomJson | null
}

const UID_ROOT = '1.2.826.0.1.3680043.8.498'
// Fixed timestamps keep startTime/endTime tests deterministic: seeded entry n changed at 09:00 + (n-1) minutes.
const FIRST_TIMESTAMP_MS = Date.UTC(2025, 0, 15, 9, 0, 0)

/** When seeded entry `sequence` happened; v2 startTime/endTime filter on this. */
export function seededTimestamp(sequence: number): string {
  return new Date(FIRST_TIMESTAMP_MS + (sequence - 1) * 60_000).toISOString()
}

/** The Create a read test seeds at `sequence`: a CT instance of its own study, with UIDs made from the number. */
export function seededCreate(sequence: number): FeedRecord {
  const studyInstanceUid = `${UID_ROOT}.${sequence}`
  const seriesInstanceUid = `${studyInstanceUid}.1`
  const sopInstanceUid = `${seriesInstanceUid}.1`
  const metadata: DicomJson = {
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
    '00080018': { vr: 'UI', Value: [sopInstanceUid] },
    '00080060': { vr: 'CS', Value: ['CT'] },
    '0020000D': { vr: 'UI', Value: [studyInstanceUid] },
    '0020000E': { vr: 'UI', Value: [seriesInstanceUid] }
  }
  const timestamp = seededTimestamp(sequence)
  return {
    sequence,
    studyInstanceUid,
    seriesInstanceUid,
    sopInstanceUid,
    action: 'Create',
    timestamp,
    metadata,
    hiddenReads: 0
  }
}

/** 1..count, the sequence numbers of a feed without gaps. */
export function sequencesUpTo(count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`entries must be a whole number >= 0, got ${count}`)
  return Array.from({ length: count }, (_, i) => i + 1)
}

export class ChangeFeed {
  readonly records: FeedRecord[] = []

  /** Replaces the feed with seeded Creates at these sequence numbers, which must grow; gaps are allowed. */
  seed(sequences: readonly number[]): void {
    sequences.forEach((sequence, i) => {
      const previous = sequences[i - 1] ?? 0
      if (!Number.isSafeInteger(sequence) || sequence <= previous) {
        throw new RangeError(`seeded sequence numbers must be whole numbers that grow, got ${sequences.join(', ')}`)
      }
    })
    this.records.splice(0, this.records.length, ...sequences.map(seededCreate))
  }

  /** A new entry, one sequence number after the last, stamped now (never before the last entry). */
  append(change: FeedChange, hiddenReads = 0): FeedRecord {
    const last = this.records.at(-1)
    const now = Math.max(Date.now(), last === undefined ? 0 : Date.parse(last.timestamp))
    const record = {
      ...change,
      sequence: (last?.sequence ?? 0) + 1,
      timestamp: new Date(now).toISOString(),
      hiddenReads
    }
    this.records.push(record)
    return record
  }

  /** Whether the instance is stored as of the feed: its last entry is a Create. */
  isCurrent(sopInstanceUid: string): boolean {
    return this.records.findLast((r) => r.sopInstanceUid === sopInstanceUid)?.action === 'Create'
  }

  /** GET {version}/changefeed[/latest]?query, as the service answers it. */
  answer(version: ApiVersion, latest: boolean, query: URLSearchParams): Reply {
    const includeMetadata = parseBoolean(query, 'includeMetadata', true)
    if (typeof includeMetadata === 'string') return text(400, includeMetadata)
    const visible = this.#read()
    const show = (record: FeedRecord): Record<string, unknown> => this.#entry(record, version, includeMetadata)
    if (latest) {
      // v1 orders /latest by sequence, v2 by timestamp.
      const last = version === 'v2' ? byTimestamp(visible).at(-1) : visible.at(-1)
      return last === undefined ? empty(204) : json(200, show(last))
    }
    const offset = parseInteger(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
    if (typeof offset === 'string') return text(400, offset)
    const limit = parseInteger(query, 'limit', LIMITS[version].fallback, 1, LIMITS[version].max)
    if (typeof limit === 'string') return text(400, limit)
    if (version !== 'v2') {
      // Sequence BETWEEN offset+1 AND offset+limit: a span of sequence numbers, which may hold fewer rows.
      return json(200, visible.filter((r) => r.sequence > offset && r.sequence <= offset + limit).map(show))
    }
    const window = timeWindow(query)
    if (typeof window === 'string') return text(400, window)
    const inWindow = byTimestamp(visible).filter((r) => window(Date.parse(r.timestamp)))
    return json(200, inWindow.slice(offset, offset + limit).map(show))
  }

  /** The entries a read sees; the read counts for every entry still hidden. */
  #read(): FeedRecord[] {
    const visible = this.records.filter((record) => record.hiddenReads === 0)
    for (const record of this.records) if (record.hiddenReads > 0) record.hiddenReads -= 1
    return visible
  }

  /** The entry as the service serializes it: camelCase, null fields left out, state as of now. */
  #entry(record: FeedRecord, version: ApiVersion, includeMetadata: boolean): Record<string, unknown> {
    const { sequence, studyInstanceUid, seriesInstanceUid, sopInstanceUid, action, timestamp } = record
    const current = action === 'Create' && this.records.findLast((r) => r.sopInstanceUid === sopInstanceUid) === record
    const entry: Record<string, unknown> = {
      sequence,
      studyInstanceUid,
      seriesInstanceUid,
      sopInstanceUid,
      action,
      timestamp,
      state: current ? 'Current' : 'Deleted'
    }
    if (includeMetadata && current && record.metadata !== null) entry.metadata = record.metadata
    if (version === 'v2') {
      entry.partitionName = 'Microsoft.Default'
      if (current) entry.filePath = `${studyInstanceUid}/${seriesInstanceUid}/${sopInstanceUid}.dcm`
    }
    return entry
  }
}

function byTimestamp(records: FeedRecord[]): FeedRecord[] {
  return [...records].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || a.sequence - b.sequence)
}

/** v2's startTime (inclusive) and endTime (exclusive) as a test on a time, or the 400 reason. */
function timeWindow(query: URLSearchParams): ((ms: number) => boolean) | string {
  const startTime = parseTime(query, 'startTime')
  if (typeof startTime === 'string') return startTime
  const endTime = parseTime(query, 'endTime')
  if (typeof endTime === 'string') return endTime
  if (startTime !== undefined && endTime !== undefined && startTime.ms >= endTime.ms) {
    return `The endTime '${endTime.text}' must be after the startTime '${startTime.text}'.`
  }
  return (ms) => (startTime === undefined || ms >= startTime.ms) && (endTime === undefined || ms < endTime.ms)
}
