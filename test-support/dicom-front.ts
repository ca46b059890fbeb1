// A loopback HTTPS front over a real Orthanc that answers like the Azure DICOM service on the routes the write smoke
// test uses: the bearer check with a role per principal, /v{1,2}/studies mapped onto Orthanc's DICOMweb, the change
// feed and study DELETE that Orthanc lacks, and switches for the failures the smoke test must explain.
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  DICOM_AUDIENCE,
  LIMITS,
  SUPPORTED_VERSIONS,
  TrackedServer,
  bearerProblem,
  parseBoolean,
  parseInteger,
  parseRequest,
  parseTime,
  sendUnauthorized,
  type ApiVersion,
  type BearerExpectation,
  type RecordedRequest
} from './dicom-emulator.ts'
import { decodeJwtPayload } from './azure/jwt.ts'
import { listenOnLoopback } from './net/loopback-server.ts'
import { DICOMWEB_ROOT, type Orthanc, type OrthancAnswer } from './dicom/orthanc.ts'

/** DICOM Data Reader may read (GET); DICOM Data Owner may also store and delete. */
export type DicomRole = 'reader' | 'owner'

/** A DICOM JSON data set (PS3.18 F.2): elements keyed by tag in 8 hex digits. */
export type DicomJson = Record<string, { vr: string; Value?: unknown[] } | undefined>

export interface FrontFaults {
  /** STOW answers 424 Failed Dependency with a plain-text body, as when a customer-managed key is out of reach. */
  stowFailedDependency?: boolean
  /** STOW answers 202 with every instance in FailedSOPSequence under this FailureReason (e.g. 272 or 0xA700). */
  stowFailureReason?: number
  /** STOW answers this status with this plain-text body and stores nothing (e.g. 400, 409, 413, 415). */
  stowStatus?: { status: number; body: string }
  /** DELETE answers this status (e.g. 500) with a plain-text body, and deletes nothing. */
  deleteStatus?: number
  /** Each change feed answer waits this long. */
  feedDelayMs?: number
  /** A new Create entry appears in the change feed only after this many reads of it. */
  createHiddenForReads?: number
}

/** What the front received. The token itself is not kept: `tokenFingerprint` tells whether it was a given one. */
export interface FrontRequest extends RecordedRequest {
  tokenFingerprint?: string
  oid?: string
  /** The status the front answered with, once it has. */
  status?: number
  bodyBytes: number
}

export interface FeedRecord {
  sequence: number
  studyInstanceUid: string
  seriesInstanceUid: string
  sopInstanceUid: string
  action: 'Create' | 'Delete'
  timestamp: string
  metadata: DicomJson | null
  /** Reads of the feed this entry still stays out of (the createHiddenForReads fault). */
  hiddenReads: number
}

export interface DicomFrontOptions {
  certificate: { cert: string; key: string }
  orthanc: Orthanc
  /** The role of each principal, by its token's `oid` claim; a principal without one gets 403 for everything. */
  roles?: Record<string, DicomRole>
  audience?: string
  tenantId?: string
  faults?: FrontFaults
}

export interface DicomFront {
  /** https://127.0.0.1:PORT, without a version: the service URL the action is given. */
  url: string
  requests: FrontRequest[]
  roles: Map<string, DicomRole>
  /** The change feed as recorded, hidden entries included. */
  readonly feed: readonly FeedRecord[]
  setFaults(faults: FrontFaults): void
  close(): Promise<void>
}

const SOP_CLASS_UID = '00081150'
const SOP_INSTANCE_UID = '00081155'
const RETRIEVE_URL = '00081190'
const FAILURE_REASON = '00081197'
const FAILED_SOP_SEQUENCE = '00081198'
const REFERENCED_SOP_SEQUENCE = '00081199'
/** Azure's FailureReason for an instance whose study, series and instance UIDs are already stored. */
export const ALREADY_STORED = 45070
const MAX_BODY_BYTES = 32 * 1024 * 1024
const UID = /^[0-9.]{1,64}$/
const INSTANCE_URL = /\/studies\/([^/]+)\/series\/([^/]+)\/instances\/([^/]+)$/

/** Identifies a token without keeping it: the first 16 hex digits of its SHA-256. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16)
}

export async function startDicomFront(options: DicomFrontOptions): Promise<DicomFront> {
  const { orthanc } = options
  const expected: BearerExpectation = {
    audience: (options.audience ?? DICOM_AUDIENCE).replace(/\/$/, ''),
    tenantId: options.tenantId
  }
  const roles = new Map(Object.entries(options.roles ?? {}))
  let faults: FrontFaults = { ...options.faults }
  const feed: FeedRecord[] = []
  // The instances stored through this front, by SOP Instance UID: a Create entry's state is Current while it is here.
  const stored = new Map<string, { study: string; series: string }>()
  const timers = new Set<NodeJS.Timeout>()
  const tracked = new TrackedServer(options.certificate)

  const front: DicomFront = {
    url: '',
    requests: [],
    roles,
    feed,
    setFaults(next) {
      faults = { ...next }
    },
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      await tracked.close()
    }
  }

  tracked.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { request, url } = parseRequest(req)
    const received = redacted(request)
    front.requests.push(received)
    res.once('finish', () => {
      received.status = res.statusCode
    })
    void readBody(req)
      .then(async (body) => {
        received.bodyBytes = body?.length ?? 0
        // Authentication comes first, as in the service: a bad token on any path is a 401.
        const authProblem = bearerProblem(req.headers.authorization, expected)
        if (authProblem !== undefined) {
          sendUnauthorized(res, expected, authProblem)
          return
        }
        write(res, await serve(req, url, received, body))
      })
      .catch((error: unknown) => {
        if (res.headersSent) res.destroy()
        else write(res, text(502, `The test front could not complete the request: ${String(error)}`))
      })
  })

  async function serve(req: IncomingMessage, url: URL | undefined, received: FrontRequest, body: Buffer | undefined) {
    if (body === undefined) return text(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`)
    if (url === undefined) return text(400, 'The request URI is invalid.')
    const version = received.version
    if (version === undefined) return empty(404)
    const apiVersion = SUPPORTED_VERSIONS.find((v) => v === version.toLowerCase())
    if (apiVersion === undefined) {
      const path = url.pathname
      return text(400, `The HTTP resource that matches '${path}' does not support the API version '${version}'.`)
    }

    const role = received.oid === undefined ? undefined : roles.get(received.oid)
    const reads = req.method === 'GET' || req.method === 'HEAD'
    if (role === undefined || (!reads && role !== 'owner')) return text(403, 'Authorization failed.')

    const route = url.pathname.slice(version.length + 1)
    const notAllowed = text(405, `The requested resource does not support http method '${req.method ?? ''}'.`)
    if (/^\/changefeed(\/latest)?\/?$/i.test(route)) {
      return reads ? serveChangeFeed(url, apiVersion, route.toLowerCase().includes('/latest')) : notAllowed
    }
    if (!/^\/studies(\/|$)/.test(route)) return empty(404)
    const base = `${front.url}/${version}`
    if (req.method === 'POST' && /^\/studies(\/[^/]+)?\/?$/.test(route)) return store(req, route, body, base)
    if (req.method === 'DELETE') return deleteStudy(/^\/studies\/([^/]+)\/?$/.exec(route)?.[1])
    if (reads) return retrieve(req, `${route}${url.search}`, base)
    return notAllowed
  }

  /** QIDO-RS and WADO-RS: Orthanc's answer as it is, with the front's URLs, and 204 for a search that finds none. */
  async function retrieve(req: IncomingMessage, route: string, base: string): Promise<Reply> {
    const accept = req.headers.accept
    const headers: Record<string, string> = accept === undefined ? {} : { Accept: accept }
    const answer = await orthanc.request('GET', `${DICOMWEB_ROOT}${route}`, { headers })
    const foundNone = answer.status === 200 && isJson(answer) && answer.body.toString('utf8').trim() === '[]'
    if (foundNone && isSearch(route)) return empty(204)
    return passThrough(answer, base)
  }

  /** STOW-RS through Orthanc, then a Create per stored instance; Azure's 45070 for an instance stored before. */
  async function store(req: IncomingMessage, route: string, body: Buffer, base: string): Promise<Reply> {
    if (faults.stowFailedDependency === true) {
      return text(424, 'The DICOM service cannot access a resource it depends on: the customer-managed key.')
    }
    if (faults.stowStatus !== undefined) return text(faults.stowStatus.status, faults.stowStatus.body)
    const headers: Record<string, string> = { Accept: 'application/dicom+json' }
    if (req.headers['content-type'] !== undefined) headers['Content-Type'] = req.headers['content-type']
    const answer = await orthanc.request('POST', `${DICOMWEB_ROOT}${route}`, { headers, body })
    if ((answer.status !== 200 && answer.status !== 202) || !isJson(answer)) return passThrough(answer, base)

    const response = JSON.parse(answer.body.toString('utf8')) as DicomJson
    const referenced = (response[REFERENCED_SOP_SEQUENCE]?.Value ?? []) as DicomJson[]
    const failed = (response[FAILED_SOP_SEQUENCE]?.Value ?? []) as DicomJson[]
    const kept: DicomJson[] = []
    for (const item of referenced) {
      const sop = firstString(item[SOP_INSTANCE_UID])
      const location = INSTANCE_URL.exec(firstString(item[RETRIEVE_URL]) ?? '')
      if (sop === undefined || location?.[1] === undefined || location[2] === undefined) {
        throw new Error(`Orthanc's STOW answer lists an instance without UID or URL: ${JSON.stringify(item)}`)
      }
      const failureReason = faults.stowFailureReason ?? (stored.has(sop) ? ALREADY_STORED : undefined)
      if (failureReason !== undefined) {
        if (!stored.has(sop)) await deleteInstance(sop)
        failed.push({
          [SOP_CLASS_UID]: item[SOP_CLASS_UID],
          [SOP_INSTANCE_UID]: item[SOP_INSTANCE_UID],
          [FAILURE_REASON]: { vr: 'US', Value: [failureReason] }
        })
        continue
      }
      kept.push(item)
      await recordCreate(location[1], location[2], sop)
    }
    response[REFERENCED_SOP_SEQUENCE] = kept.length > 0 ? { vr: 'SQ', Value: kept } : { vr: 'SQ' }
    response[FAILED_SOP_SEQUENCE] = failed.length > 0 ? { vr: 'SQ', Value: failed } : { vr: 'SQ' }
    // Azure answers 200 when all were stored, 409 when none was, 202 for a mix; the failure-reason fault is a 202.
    const noneStored = kept.length === 0 && faults.stowFailureReason === undefined
    const status = failed.length === 0 ? 200 : noneStored ? 409 : 202
    return dicomJson(status, withFrontUrls(JSON.stringify(response), base))
  }

  async function recordCreate(study: string, series: string, sop: string): Promise<void> {
    const path = `${DICOMWEB_ROOT}/studies/${study}/series/${series}/instances/${sop}/metadata`
    const answer = await orthanc.request('GET', path, { headers: { Accept: 'application/dicom+json' } })
    const instances = answer.status === 200 ? (JSON.parse(answer.body.toString('utf8')) as DicomJson[]) : []
    const metadata = instances[0] ?? null
    stored.set(sop, { study, series })
    append({ studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: sop, action: 'Create', metadata })
  }

  /** Azure's DELETE {base}/studies/{study}, done with Orthanc's REST API; a Delete entry per instance it removed. */
  async function deleteStudy(study: string | undefined): Promise<Reply> {
    if (study === undefined) return text(405, 'The test front deletes whole studies only.')
    if (faults.deleteStatus !== undefined) return text(faults.deleteStatus, 'An internal error occurred.')
    if (!UID.test(study)) return text(400, `The specified study instance UID '${study}' is invalid.`)
    const found = (await orthanc.json('POST', '/tools/lookup', study)) as { ID: string; Type: string }[]
    const orthancId = found.find((item) => item.Type === 'Study')?.ID
    if (orthancId === undefined) return text(404, 'The specified study cannot be found.')

    const listing = await orthanc.request('GET', `${DICOMWEB_ROOT}/studies/${study}/instances`)
    const instances = listing.status === 200 ? (JSON.parse(listing.body.toString('utf8')) as DicomJson[]) : []
    const deleted = await orthanc.request('DELETE', `/studies/${orthancId}`)
    if (deleted.status !== 200) return text(502, `Orthanc answered ${deleted.status} to the delete.`)
    for (const instance of instances) {
      const sop = firstString(instance['00080018'])
      const series = firstString(instance['0020000E'])
      if (sop === undefined || series === undefined) continue
      stored.delete(sop)
      const entry = { studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: sop }
      append({ ...entry, action: 'Delete', metadata: null })
    }
    return empty(204)
  }

  async function deleteInstance(sop: string): Promise<void> {
    const found = (await orthanc.json('POST', '/tools/lookup', sop)) as { ID: string; Type: string }[]
    const id = found.find((item) => item.Type === 'Instance')?.ID
    if (id !== undefined) await orthanc.request('DELETE', `/instances/${id}`)
  }

  function append(entry: Omit<FeedRecord, 'sequence' | 'timestamp' | 'hiddenReads'>): void {
    const hiddenReads = entry.action === 'Create' ? (faults.createHiddenForReads ?? 0) : 0
    feed.push({ ...entry, sequence: feed.length + 1, timestamp: new Date().toISOString(), hiddenReads })
  }

  async function serveChangeFeed(url: URL, version: ApiVersion, latest: boolean): Promise<Reply> {
    if (faults.feedDelayMs !== undefined && faults.feedDelayMs > 0) await delay(faults.feedDelayMs)
    const query = url.searchParams
    const includeMetadata = parseBoolean(query, 'includeMetadata', true)
    if (typeof includeMetadata === 'string') return text(400, includeMetadata)
    const visible = feed.filter((record) => record.hiddenReads === 0)
    // This read counts for every entry still hidden.
    for (const record of feed) if (record.hiddenReads > 0) record.hiddenReads -= 1
    // v1 orders by sequence, v2 by timestamp then sequence; timestamps here only grow, so both come out the same.
    const show = (record: FeedRecord) => feedEntry(record, version, includeMetadata)

    if (latest) {
      const last = visible.at(-1)
      return last === undefined ? empty(204) : json(200, show(last))
    }
    const offset = parseInteger(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
    if (typeof offset === 'string') return text(400, offset)
    const limit = parseInteger(query, 'limit', LIMITS[version].fallback, 1, LIMITS[version].max)
    if (typeof limit === 'string') return text(400, limit)
    if (version !== 'v2') {
      // v1's offset is a sequence number and its limit a span of sequence numbers.
      return json(200, visible.filter((r) => r.sequence > offset && r.sequence <= offset + limit).map(show))
    }
    const startTime = parseTime(query, 'startTime')
    if (typeof startTime === 'string') return text(400, startTime)
    const endTime = parseTime(query, 'endTime')
    if (typeof endTime === 'string') return text(400, endTime)
    const inWindow = visible.filter((record) => {
      const at = Date.parse(record.timestamp)
      return (startTime === undefined || at >= startTime.ms) && (endTime === undefined || at < endTime.ms)
    })
    return json(200, inWindow.slice(offset, offset + limit).map(show))
  }

  /** The entry as the service serializes it: camelCase, null fields left out, state as of now. */
  function feedEntry(record: FeedRecord, version: ApiVersion, includeMetadata: boolean): Record<string, unknown> {
    const current = record.action === 'Create' && stored.has(record.sopInstanceUid)
    const entry: Record<string, unknown> = {
      sequence: record.sequence,
      studyInstanceUid: record.studyInstanceUid,
      seriesInstanceUid: record.seriesInstanceUid,
      sopInstanceUid: record.sopInstanceUid,
      action: record.action,
      timestamp: record.timestamp,
      state: current ? 'Current' : 'Deleted'
    }
    if (includeMetadata && current && record.metadata !== null) entry.metadata = record.metadata
    if (version === 'v2') {
      entry.partitionName = 'Microsoft.Default'
      const { studyInstanceUid, seriesInstanceUid, sopInstanceUid } = record
      if (current) entry.filePath = `${studyInstanceUid}/${seriesInstanceUid}/${sopInstanceUid}.dcm`
    }
    return entry
  }

  /** Orthanc's status, Content-Type (or none, as Orthanc sends some errors) and body, with the front's URLs in JSON. */
  function passThrough(answer: OrthancAnswer, base: string): Reply {
    const contentType = answer.headers['content-type']
    const headers: Record<string, string> = typeof contentType === 'string' ? { 'Content-Type': contentType } : {}
    const body = isJson(answer) ? withFrontUrls(answer.body.toString('utf8'), base) : answer.body
    return { status: answer.status, headers, body }
  }

  /** Orthanc writes its own URLs into RetrieveURL; the service writes its own. */
  function withFrontUrls(text: string, base: string): string {
    return text.split(orthanc.dicomWebUrl).join(base)
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })
  }

  const port = await listenOnLoopback(tracked.server)
  front.url = `https://127.0.0.1:${port}`
  return front
}

/** The request as recorded: the Authorization header replaced by a fingerprint of its token, and the token's oid. */
function redacted(request: RecordedRequest): FrontRequest {
  const received: FrontRequest = { ...request, headers: { ...request.headers }, bodyBytes: 0 }
  const authorization = request.headers.authorization
  if (typeof authorization !== 'string') return received
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]
  received.headers.authorization = token === undefined ? '[not a bearer token]' : 'Bearer [token]'
  if (token === undefined) return received
  received.tokenFingerprint = tokenFingerprint(token)
  const oid = decodeJwtPayload(token).oid
  if (typeof oid === 'string') received.oid = oid
  return received
}

/** The whole body, or undefined when it is larger than the front accepts. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function isJson(answer: OrthancAnswer): boolean {
  const type = answer.headers['content-type']
  return typeof type === 'string' && /^application\/(dicom\+)?json\b/i.test(type)
}

/** QIDO-RS paths: /studies, /studies/{s}/series, /studies/{s}/instances, /studies/{s}/series/{se}/instances. */
function isSearch(route: string): boolean {
  const path = route.split('?')[0] ?? ''
  return /^\/studies(\/[^/]+\/(series|instances)|\/[^/]+\/series\/[^/]+\/instances)?\/?$/.test(path)
}

function firstString(element: { Value?: unknown[] } | undefined): string | undefined {
  const value = element?.Value?.[0]
  return typeof value === 'string' ? value : undefined
}

/** An answer to write: every route returns one, and write() is the one place that sends it. */
interface Reply {
  status: number
  headers: Record<string, string>
  body: Buffer | string
}

function text(status: number, body: string): Reply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body }
}

function json(status: number, value: unknown): Reply {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) }
}

function dicomJson(status: number, body: string): Reply {
  return { status, headers: { 'Content-Type': 'application/dicom+json' }, body }
}

function empty(status: number): Reply {
  return { status, headers: {}, body: '' }
}

function write(res: ServerResponse, reply: Reply): void {
  // 204 and 304 carry neither a body nor Content-Length; everything else states its length so keep-alive stays usable.
  if (reply.status === 204 || reply.status === 304) {
    res.writeHead(reply.status, reply.headers)
    res.end()
    return
  }
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) })
  res.end(body)
}
