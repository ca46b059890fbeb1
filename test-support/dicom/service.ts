// The fake Azure DICOM service, on 127.0.0.1 over TLS: the bearer check and the DICOM Data roles, API version routing,
// a request log, one fault vocabulary (faults.ts), the change feed (change-feed.ts), and STOW-RS, QIDO-RS, WADO-RS and
// study DELETE on a store in memory or in a real Orthanc. Read tests seed the feed; write tests store into it.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { TrackedHttpsServer } from '../net/https-server.ts'
import { sendJson } from '../net/loopback-server.ts'
import {
  bearerExpectation,
  bearerProblem,
  bearerToken,
  principalOf,
  tokenFingerprint,
  unauthorized,
  type DicomRole
} from './bearer.ts'
import { ChangeFeed, sequencesUpTo, type FeedRecord } from './change-feed.ts'
import { FaultSwitch, requestFaultEffect, type DicomFault } from './faults.ts'
import {
  SUPPORTED_VERSIONS,
  TOO_LARGE,
  dicomJson,
  empty,
  parseRequest,
  readBody,
  text,
  writeReply,
  type ApiVersion,
  type RecordedRequest,
  type Reply
} from './http.ts'
import { memoryStore } from './memory-store.ts'
import type { Orthanc } from './orthanc.ts'
import { orthancStore } from './orthanc-store.ts'
import { ALREADY_STORED, TAGS, type DicomJson, type DicomStore, type StoredInstance } from './store.ts'

export interface DicomServiceOptions {
  certificate: { cert: string; key: string }
  /** Instances go to this Orthanc; without one, to a store in memory. */
  orthanc?: Orthanc
  /** The role of each principal, by its token's oid; a principal without one gets 403. Without roles: all owners. */
  roles?: Record<string, DicomRole>
  audience?: string
  /** When set, a token from another tenant is refused. */
  tenantId?: string
  /** Seeded Create entries: a count (sequences 1..n), or the sequence numbers, which may skip. Default: none. */
  entries?: number | readonly number[]
  fault?: DicomFault
  port?: number
}

/** What the service received, with the token's fingerprint and oid, and the status it answered with once it has. */
export interface ServiceRequest extends RecordedRequest {
  tokenFingerprint?: string
  oid?: string
  status?: number
  bodyBytes: number
}

export interface DicomService {
  /** https://127.0.0.1:PORT, without a version: the service URL the action is given. */
  url: string
  requests: ServiceRequest[]
  /** TLS connections accepted so far. */
  connections: number
  /** Where the redirect fault points: another origin that records what arrives and answers []. */
  otherOrigin: { url: string; requests: RecordedRequest[] }
  roles: Map<string, DicomRole>
  /** The change feed as recorded, hidden entries included. */
  readonly feed: readonly FeedRecord[]
  setFault(fault: DicomFault): void
  setEntries(entries: number | readonly number[]): void
  close(): Promise<void>
}

const UID = /^[0-9.]{1,64}$/

export async function startDicomService(options: DicomServiceOptions): Promise<DicomService> {
  const expected = bearerExpectation(options.audience, options.tenantId)
  const everyoneOwns = options.roles === undefined
  const faults = new FaultSwitch(options.fault)
  const changeFeed = new ChangeFeed()
  const store: DicomStore = options.orthanc === undefined ? memoryStore() : orthancStore(options.orthanc)
  const timers = new Set<NodeJS.Timeout>()
  const main = new TrackedHttpsServer(options.certificate)
  const other = new TrackedHttpsServer(options.certificate)

  const service: DicomService = {
    url: '',
    requests: [],
    connections: 0,
    otherOrigin: { url: '', requests: [] },
    roles: new Map(Object.entries(options.roles ?? {})),
    feed: changeFeed.records,
    setFault: (fault) => faults.set(fault),
    setEntries: (entries) => changeFeed.seed(typeof entries === 'number' ? sequencesUpTo(entries) : entries),
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      await Promise.all([main.close(), other.close()])
    }
  }
  service.setEntries(options.entries ?? 0)

  other.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    service.otherOrigin.requests.push(parseRequest(req).request)
    sendJson(res, 200, [])
  })
  main.server.on('secureConnection', () => {
    service.connections += 1
  })
  main.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { request, url } = parseRequest(req)
    const received = withPrincipal(request)
    service.requests.push(received)
    res.once('finish', () => {
      received.status = res.statusCode
    })
    void readBody(req)
      .then(async (body) => {
        received.bodyBytes = body?.length ?? 0
        const effect = requestFaultEffect(
          faults.next(),
          expected,
          `${service.otherOrigin.url}${url?.pathname ?? '/'}${url?.search ?? ''}`
        )
        if (effect !== undefined && 'drop' in effect) {
          if (effect.drop === 'reset') main.reset(req.socket)
          return
        }
        // Authentication comes first, as in the service: a bad token on any path is a 401.
        const authProblem = bearerProblem(req.headers.authorization, expected)
        const reply =
          effect?.answer ??
          (authProblem === undefined ? await serve(req, url, received, body) : unauthorized(expected, authProblem))
        writeReply(res, reply)
      })
      .catch((error: unknown) => {
        if (res.headersSent) res.destroy()
        else writeReply(res, text(502, `The test service could not complete the request: ${String(error)}`))
      })
  })

  async function serve(req: IncomingMessage, url: URL | undefined, received: ServiceRequest, body: Buffer | undefined) {
    if (body === undefined) return text(413, TOO_LARGE)
    if (url === undefined) return text(400, 'The request URI is invalid.')
    const version = received.version
    if (version === undefined) return empty(404)
    const apiVersion = SUPPORTED_VERSIONS.find((v) => v === version.toLowerCase())
    if (apiVersion === undefined) {
      return text(
        400,
        `The HTTP resource that matches the request URI '${url.pathname}' does not support the API version '${version}'.`
      )
    }
    const role =
      received.oid === undefined ? undefined : (service.roles.get(received.oid) ?? (everyoneOwns ? 'owner' : undefined))
    const reads = req.method === 'GET' || req.method === 'HEAD'
    if (role === undefined || (!reads && role !== 'owner')) return text(403, 'Authorization failed.')

    const route = url.pathname.slice(version.length + 1)
    const notAllowed = text(405, `The requested resource does not support http method '${req.method ?? ''}'.`, {
      Allow: 'GET'
    })
    const feedRoute = /^\/changefeed(\/latest)?\/?$/i.exec(route)
    if (feedRoute !== null)
      return reads ? answerFeed(apiVersion, feedRoute[1] !== undefined, url.searchParams) : notAllowed
    if (!/^\/studies(\/|$)/.test(route)) return empty(404)
    const base = `${service.url}/${version}`
    if (req.method === 'POST' && /^\/studies(\/[^/]+)?\/?$/.test(route))
      return stow(body, req.headers['content-type'], base)
    if (req.method === 'DELETE') return deleteStudy(/^\/studies\/([^/]+)\/?$/.exec(route)?.[1])
    if (reads) return store.retrieve(`${route}${url.search}`, req.headers.accept, base)
    return notAllowed
  }

  async function answerFeed(version: ApiVersion, latest: boolean, query: URLSearchParams): Promise<Reply> {
    const delay = faults.operation('feed-delay')
    if (delay !== undefined && delay.ms > 0) await wait(delay.ms)
    return changeFeed.answer(version, latest, query)
  }

  /** STOW-RS into the store, then a Create per stored instance; Azure's 45070 for an instance stored before. */
  async function stow(body: Buffer, contentType: string | undefined, base: string): Promise<Reply> {
    if (faults.operation('store-failed-dependency') !== undefined) {
      return text(424, 'The DICOM service cannot access a resource it depends on: the customer-managed key.')
    }
    const status = faults.operation('store-status')
    if (status !== undefined) return text(status.status, status.body)
    const result = await store.store(body, contentType)
    if ('status' in result) return result
    const failureFault = faults.operation('store-failure-reason')
    const referenced: DicomJson[] = []
    const failed = [...result.failed]
    for (const instance of result.stored) {
      const storedBefore = changeFeed.isCurrent(instance.sopInstanceUid)
      const failureReason = failureFault?.reason ?? (storedBefore ? ALREADY_STORED : undefined)
      if (failureReason !== undefined) {
        if (!storedBefore) await store.deleteInstance(instance.sopInstanceUid)
        failed.push(failedItem(instance, failureReason))
        continue
      }
      referenced.push(referencedItem(instance, base))
      const hiddenReads = faults.operation('create-hidden')?.reads ?? 0
      changeFeed.append({ ...refOf(instance), action: 'Create', metadata: instance.metadata }, hiddenReads)
    }
    // Azure answers 200 when all were stored, 409 when none was, 202 for a mix; the failure-reason fault is a 202.
    const answer: DicomJson = {
      [TAGS.failedSopSequence]: failed.length > 0 ? { vr: 'SQ', Value: failed } : { vr: 'SQ' },
      [TAGS.referencedSopSequence]: referenced.length > 0 ? { vr: 'SQ', Value: referenced } : { vr: 'SQ' }
    }
    const noneStored = referenced.length === 0 && failureFault === undefined
    return dicomJson(failed.length === 0 ? 200 : noneStored ? 409 : 202, answer)
  }

  /** Azure's DELETE {base}/studies/{study}: a Delete entry per instance it removed. */
  async function deleteStudy(study: string | undefined): Promise<Reply> {
    if (study === undefined) return text(405, 'The test service deletes whole studies only.')
    const status = faults.operation('delete-status')
    if (status !== undefined) return text(status.status, 'An internal error occurred.')
    if (!UID.test(study)) return text(400, `The specified study instance UID '${study}' is invalid.`)
    const removed = await store.deleteStudy(study)
    if (removed === undefined) return text(404, 'The specified study cannot be found.')
    for (const instance of removed) changeFeed.append({ ...instance, action: 'Delete', metadata: null })
    return empty(204)
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })
  }

  ;[service.url, service.otherOrigin.url] = await Promise.all([main.listen(options.port), other.listen()])
  return service
}

/** The request as recorded, with which token it carried (a fingerprint, not the token) and whose it was. */
function withPrincipal(request: RecordedRequest): ServiceRequest {
  const received: ServiceRequest = { ...request, bodyBytes: 0 }
  const authorization = request.headers.authorization
  const token = typeof authorization === 'string' ? bearerToken(authorization) : undefined
  if (token === undefined) return received
  received.tokenFingerprint = tokenFingerprint(token)
  const oid = principalOf(token)
  if (oid !== undefined) received.oid = oid
  return received
}

function refOf({ studyInstanceUid, seriesInstanceUid, sopInstanceUid }: StoredInstance) {
  return { studyInstanceUid, seriesInstanceUid, sopInstanceUid }
}

function referencedItem(instance: StoredInstance, base: string): DicomJson {
  const { studyInstanceUid, seriesInstanceUid, sopInstanceUid } = instance
  const url = `${base}/studies/${studyInstanceUid}/series/${seriesInstanceUid}/instances/${sopInstanceUid}`
  return {
    ...(instance.sopClassUid === undefined
      ? {}
      : { [TAGS.referencedSopClassUid]: { vr: 'UI', Value: [instance.sopClassUid] } }),
    [TAGS.referencedSopInstanceUid]: { vr: 'UI', Value: [sopInstanceUid] },
    [TAGS.retrieveUrl]: { vr: 'UR', Value: [url] }
  }
}

function failedItem(instance: StoredInstance, failureReason: number): DicomJson {
  return {
    ...(instance.sopClassUid === undefined
      ? {}
      : { [TAGS.referencedSopClassUid]: { vr: 'UI', Value: [instance.sopClassUid] } }),
    [TAGS.referencedSopInstanceUid]: { vr: 'UI', Value: [instance.sopInstanceUid] },
    [TAGS.failureReason]: { vr: 'US', Value: [failureReason] }
  }
}
