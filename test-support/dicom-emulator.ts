// A loopback HTTPS stand-in for the DICOM service's change feed (v1.0-prerelease, v1, v2), so tests, demo and bench
// can exercise token handling, TLS trust and failure modes (401/403/404/429/503, hangs, resets, redirects) offline.
import { createServer as createHttpsServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { decodeJwtPayload } from './azure/jwt.ts'
import { closeServer, listenOnLoopback, sendJson, trackSocket, trackSockets } from './net/loopback-server.ts'

// Tests import it from here, next to the emulator they use it with.
export { unusedLoopbackPort } from './net/loopback-server.ts'
// The Orthanc front (dicom-front.ts) speaks the same HTTP as this emulator: it shares these rather than copying them.
export { TrackedServer, parseRequest }
export { LIMITS, SUPPORTED_VERSIONS, parseBoolean, parseInteger, parseTime }

export const DICOM_AUDIENCE = 'https://dicom.healthcareapis.azure.com'

export type DicomFault =
  | { kind: 'none' }
  | { kind: 'hang' }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'unauthorized'; description?: string }
  | { kind: 'throttled'; retryAfter: string; times: number }
  | { kind: 'unavailable'; times: number; retryAfter?: string }
  | { kind: 'html' }
  | { kind: 'redirect' }
  | { kind: 'reset'; times: number }

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  version?: string
  at: number
}

export interface DicomEmulatorOptions {
  certificate: { cert: string; key: string }
  audience?: string
  tenantId?: string
  entries?: number
  fault?: DicomFault
  port?: number
}

export interface DicomEmulator {
  url: string
  requests: RecordedRequest[]
  connections: number
  otherOrigin: { url: string; requests: RecordedRequest[] }
  setFault(fault: DicomFault): void
  setEntries(count: number): void
  close(): Promise<void>
}

export type ApiVersion = 'v1.0-prerelease' | 'v1' | 'v2'

export interface ChangeFeedEntry {
  sequence: number
  studyInstanceUid: string
  seriesInstanceUid: string
  sopInstanceUid: string
  action: 'Create'
  timestamp: string
  state: 'Current'
  metadata: Record<string, { vr: string; Value?: unknown[] }> | null
  partitionName?: string
  filePath?: string
}

const SUPPORTED_VERSIONS: readonly ApiVersion[] = ['v1.0-prerelease', 'v1', 'v2']
// Anything shaped like an API version is routed (and rejected with 400 if unsupported), as ASP.NET API versioning does.
const VERSION_LIKE = /^v\d+(\.\d+)?(-[a-z0-9]+)?$/i
const UID_ROOT = '1.2.826.0.1.3680043.8.498'
// Fixed timestamps keep startTime/endTime tests deterministic: entry n changed at 09:00 + (n-1) minutes.
const FIRST_TIMESTAMP_MS = Date.UTC(2025, 0, 15, 9, 0, 0)
const LIMITS: Record<ApiVersion, { max: number; fallback: number }> = {
  'v1.0-prerelease': { max: 100, fallback: 10 },
  v1: { max: 100, fallback: 10 },
  v2: { max: 200, fallback: 100 }
}
const KEEP_ALIVE_MS = 5000

/** When change feed entry `sequence` happened; v2 startTime/endTime filter on this. */
export function entryTimestamp(sequence: number): string {
  return new Date(FIRST_TIMESTAMP_MS + (sequence - 1) * 60_000).toISOString()
}

/** The entry the emulator serves for `sequence` (1-based) in a given API version. */
export function changeFeedEntry(sequence: number, version: ApiVersion, includeMetadata = true): ChangeFeedEntry {
  const studyInstanceUid = `${UID_ROOT}.${sequence}`
  const seriesInstanceUid = `${studyInstanceUid}.1`
  const sopInstanceUid = `${seriesInstanceUid}.1`
  const entry: ChangeFeedEntry = {
    sequence,
    studyInstanceUid,
    seriesInstanceUid,
    sopInstanceUid,
    action: 'Create',
    timestamp: entryTimestamp(sequence),
    state: 'Current',
    metadata: includeMetadata
      ? {
          '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
          '00080018': { vr: 'UI', Value: [sopInstanceUid] },
          '00080060': { vr: 'CS', Value: ['CT'] },
          '0020000D': { vr: 'UI', Value: [studyInstanceUid] },
          '0020000E': { vr: 'UI', Value: [seriesInstanceUid] }
        }
      : null
  }
  if (version === 'v2') {
    entry.partitionName = 'Microsoft.Default'
    entry.filePath = `${studyInstanceUid}/${seriesInstanceUid}/${sopInstanceUid}.dcm`
  }
  return entry
}

export async function startDicomEmulator(options: DicomEmulatorOptions): Promise<DicomEmulator> {
  const audience = trimTrailingSlash(options.audience ?? DICOM_AUDIENCE)
  const expected: BearerExpectation = { audience, tenantId: options.tenantId }
  let entryCount = checkedEntryCount(options.entries ?? 3)
  let fault: DicomFault = options.fault ?? { kind: 'none' }
  // Counts requests that a counted fault (throttled, unavailable, reset) has answered, so it can turn healthy after
  // `times`.
  let faultHits = 0

  const main = new TrackedServer(options.certificate)
  const other = new TrackedServer(options.certificate)
  const otherRequests: RecordedRequest[] = []

  other.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { request } = parseRequest(req)
    otherRequests.push(request)
    sendJson(res, 200, [])
  })

  const emulator: DicomEmulator = {
    url: '',
    requests: [],
    connections: 0,
    otherOrigin: { url: '', requests: otherRequests },
    setFault(next) {
      fault = next
      faultHits = 0
    },
    setEntries(count) {
      entryCount = checkedEntryCount(count)
    },
    async close() {
      await Promise.all([main.close(), other.close()])
    }
  }

  main.server.on('secureConnection', () => {
    emulator.connections += 1
  })

  main.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { request, url } = parseRequest(req)
    emulator.requests.push(request)

    const active = activeFault()
    switch (active.kind) {
      case 'hang':
        return
      case 'reset':
        main.reset(req.socket)
        return
      case 'forbidden':
        return sendText(res, 403, 'Authorization failed.')
      case 'not-found':
        return send(res, 404, {}, '')
      case 'unauthorized':
        return sendUnauthorized(res, expected, active.description ?? 'The access token is invalid')
      case 'throttled':
        return sendText(res, 429, 'Too many requests. Retry after the time in the Retry-After header.', {
          'Retry-After': active.retryAfter
        })
      case 'unavailable':
        return sendText(
          res,
          503,
          'The service is temporarily unavailable.',
          active.retryAfter === undefined ? {} : { 'Retry-After': active.retryAfter }
        )
      case 'html':
        return send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, SIGN_IN_PAGE)
      case 'redirect':
        return send(
          res,
          302,
          { Location: `${emulator.otherOrigin.url}${url?.pathname ?? '/'}${url?.search ?? ''}` },
          ''
        )
      case 'none':
        break
    }

    const authProblem = bearerProblem(req.headers.authorization, expected)
    if (authProblem !== undefined) return sendUnauthorized(res, expected, authProblem)
    if (url === undefined) return sendText(res, 400, 'The request URI is invalid.')
    serveChangeFeed(req, res, url, request.version)
  })

  function activeFault(): DicomFault {
    if (fault.kind !== 'throttled' && fault.kind !== 'unavailable' && fault.kind !== 'reset') return fault
    if (faultHits >= fault.times) return { kind: 'none' }
    faultHits += 1
    return fault
  }

  function serveChangeFeed(req: IncomingMessage, res: ServerResponse, url: URL, version: string | undefined): void {
    const route = /^\/([^/]+)\/changefeed(\/latest)?\/?$/i.exec(url.pathname)
    if (route === null || version === undefined) return send(res, 404, {}, '')
    const apiVersion = SUPPORTED_VERSIONS.find((v) => v === version.toLowerCase())
    if (apiVersion === undefined) {
      return sendText(
        res,
        400,
        `The HTTP resource that matches the request URI '${url.pathname}' does not support the API version ` +
          `'${version}'.`
      )
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, `The requested resource does not support http method '${req.method}'.`, {
        Allow: 'GET'
      })
    }

    const query = url.searchParams
    const includeMetadata = parseBoolean(query, 'includeMetadata', true)
    if (typeof includeMetadata === 'string') return sendText(res, 400, includeMetadata)

    if (route[2] !== undefined) {
      if (entryCount === 0) return send(res, 204, {}, '')
      return sendJson(res, 200, changeFeedEntry(entryCount, apiVersion, includeMetadata))
    }

    const offset = parseInteger(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
    if (typeof offset === 'string') return sendText(res, 400, offset)
    const { max, fallback } = LIMITS[apiVersion]
    const limit = parseInteger(query, 'limit', fallback, 1, max)
    if (typeof limit === 'string') return sendText(res, 400, limit)

    let sequences = Array.from({ length: entryCount }, (_, i) => i + 1)
    if (apiVersion === 'v2') {
      const startTime = parseTime(query, 'startTime')
      if (typeof startTime === 'string') return sendText(res, 400, startTime)
      const endTime = parseTime(query, 'endTime')
      if (typeof endTime === 'string') return sendText(res, 400, endTime)
      if (startTime !== undefined && endTime !== undefined && startTime.ms > endTime.ms) {
        return sendText(res, 400, `The startTime '${startTime.text}' must not be after the endTime '${endTime.text}'.`)
      }
      sequences = sequences.filter((sequence) => {
        const at = Date.parse(entryTimestamp(sequence))
        return (startTime === undefined || at >= startTime.ms) && (endTime === undefined || at < endTime.ms)
      })
      sequences = sequences.slice(offset, offset + limit)
    } else {
      sequences = sequences.filter((sequence) => sequence > offset).slice(0, limit)
    }
    sendJson(
      res,
      200,
      sequences.map((sequence) => changeFeedEntry(sequence, apiVersion, includeMetadata))
    )
  }

  const [mainPort, otherPort] = await Promise.all([
    listenOnLoopback(main.server, options.port ?? 0),
    listenOnLoopback(other.server)
  ])
  emulator.url = `https://127.0.0.1:${mainPort}`
  emulator.otherOrigin.url = `https://127.0.0.1:${otherPort}`
  return emulator
}

export interface BearerExpectation {
  /** Without a trailing slash; a token's aud matches with or without one. */
  audience: string
  /** When set, a token from another tenant is refused. */
  tenantId?: string | undefined
}

/** Why the service would refuse this Authorization header with a 401, or undefined when it would accept the token. */
export function bearerProblem(header: string | undefined, expected: BearerExpectation): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  const token = match?.[1]
  if (token === undefined) return 'No bearer token was presented'
  const claims = decodeJwtPayload(token)
  if (Object.keys(claims).length === 0) return 'The token is malformed'
  const aud = typeof claims.aud === 'string' ? claims.aud : JSON.stringify(claims.aud ?? '')
  if (trimTrailingSlash(aud) !== expected.audience) return `The audience '${aud}' is invalid`
  if (typeof claims.exp !== 'number') return 'The token has no expiration time'
  if (claims.exp * 1000 <= Date.now()) return 'The token is expired'
  if (expected.tenantId !== undefined && claims.tid !== expected.tenantId) {
    return `The tenant '${typeof claims.tid === 'string' ? claims.tid : ''}' is invalid`
  }
  return undefined
}

/** A 401 with an empty body and the service's Bearer challenge, whose error_description gives the reason. */
export function sendUnauthorized(res: ServerResponse, expected: BearerExpectation, reason: string): void {
  const tenant = expected.tenantId ?? 'common'
  const challenge = [
    `authorization_uri="https://login.microsoftonline.com/${tenant}"`,
    `resource_id="${expected.audience}"`,
    `realm="${expected.audience}"`,
    'error="invalid_token"',
    `error_description="${headerSafe(reason)}"`
  ].join(', ')
  send(res, 401, { 'WWW-Authenticate': `Bearer ${challenge}` }, '')
}

/** An HTTPS server that remembers every socket so close() can end hung requests and half-done handshakes. */
class TrackedServer {
  readonly server: Server
  readonly #sockets: Set<Socket>
  // The TCP socket under each TLS socket: only a TCP handle can send a real RST.
  readonly #tcpUnderTls = new WeakMap<Socket, Socket>()
  #closing: Promise<void> | undefined

  constructor(certificate: { cert: string; key: string }) {
    this.server = createHttpsServer({ cert: certificate.cert, key: certificate.key, keepAliveTimeout: KEEP_ALIVE_MS })
    // TCP sockets are tracked from 'connection', before any handshake, so close() ends half-done handshakes too.
    this.#sockets = trackSockets(this.server)
    this.server.on('secureConnection', (socket: Socket) => {
      trackSocket(this.#sockets, socket)
      const tcp = (socket as Socket & { _parent?: Socket })._parent
      if (tcp !== undefined) this.#tcpUnderTls.set(socket, tcp)
    })
    // A client that rejects the certificate aborts the handshake; that is an expected test outcome, not a server error.
    this.server.on('tlsClientError', (_error: Error, socket: Socket) => socket.destroy())
  }

  reset(socket: Socket): void {
    const tcp = this.#tcpUnderTls.get(socket)
    try {
      if (tcp !== undefined) {
        tcp.resetAndDestroy()
        socket.destroy()
        return
      }
    } catch {
      // Fall through: a plain destroy still drops the request without an answer.
    }
    socket.destroy()
  }

  close(): Promise<void> {
    // Memoized: a second close() must wait for the first, not find the server already stopped and return early.
    this.#closing ??= closeServer(this.server, this.#sockets)
    return this.#closing
  }
}

function parseRequest(req: IncomingMessage): { request: RecordedRequest; url: URL | undefined } {
  let url: URL | undefined
  try {
    url = new URL(req.url ?? '/', 'https://127.0.0.1')
  } catch {
    url = undefined
  }
  const query: Record<string, string> = {}
  // The first value wins for a repeated parameter, as URLSearchParams.get (and ASP.NET binding) read it.
  for (const [name, value] of url?.searchParams ?? []) if (!(name in query)) query[name] = value
  const firstSegment = url?.pathname.split('/')[1] ?? ''
  const request: RecordedRequest = {
    method: req.method ?? '',
    path: url?.pathname ?? req.url ?? '',
    query,
    headers: rawHeaders(req),
    at: Date.now()
  }
  if (VERSION_LIKE.test(firstSegment)) request.version = firstSegment
  return { request, url }
}

/**
 * Headers as sent, keys lowercased; unlike req.headers this keeps repeats (node drops duplicate Authorization headers).
 */
function rawHeaders(req: IncomingMessage): Record<string, string | string[] | undefined> {
  const headers: Record<string, string | string[] | undefined> = {}
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase()
    const value = req.rawHeaders[i + 1] ?? ''
    const seen = headers[name]
    headers[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  return headers
}

function parseInteger(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number
): number | string {
  const text = query.get(name)
  if (text === null) return fallback
  if (!/^\s*[+-]?\d+\s*$/.test(text)) return `The value '${text}' is not valid for ${name}.`
  const value = Number(text)
  if (value < min || value > max) return `The field ${name} must be between ${min} and ${max}.`
  return value
}

function parseBoolean(query: URLSearchParams, name: string, fallback: boolean): boolean | string {
  const text = query.get(name)
  if (text === null) return fallback
  const normalized = text.trim().toLowerCase()
  if (normalized === 'true') return true
  if (normalized === 'false') return false
  return `The value '${text}' is not valid for ${name}.`
}

function parseTime(query: URLSearchParams, name: string): { text: string; ms: number } | undefined | string {
  const text = query.get(name)
  if (text === null) return undefined
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)
  const ms = Date.parse(text)
  if (!zoned || Number.isNaN(ms)) {
    return (
      `The value '${text}' is not valid for ${name}: use an ISO 8601 date and time with a time zone, such as ` +
      `'2025-01-15T09:00:00Z' or '2025-01-15T10:00:00+01:00'.`
    )
  }
  return { text, ms }
}

function checkedEntryCount(count: number): number {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`entries must be a whole number >= 0, got ${count}`)
  return count
}

function trimTrailingSlash(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value
}

/** Header values must be printable ASCII, and a quote would end the challenge parameter early. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, "'")
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  // 204 must not carry Content-Length or a body; everything else states its length so keep-alive stays usable.
  const lengthHeader = status === 204 ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }
  res.writeHead(status, { ...headers, ...lengthHeader })
  res.end(status === 204 ? undefined : body)
}

function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  send(res, status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, body)
}

const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to continue</title></head>
<body>
<h1>Corporate network sign-in</h1>
<p>Your request was intercepted by a proxy. Sign in to continue to dicom.azurehealthcareapis.com.</p>
<form method="post" action="/login">
<input name="user"><input name="password" type="password"><button>Sign in</button>
</form>
</body>
</html>
`
