// The smoke test: read the change feed with the new token and say exactly why when it fails.
// The connection is opened while az is still running; both requests then go out together on it.
import net from 'node:net'
import type { Socket } from 'node:net'
import tls from 'node:tls'
import type { Dispatcher } from 'undici'
import { ActionError } from './errors.ts'
import type { Config } from './inputs.ts'
import { DEFAULT_RESOURCE, isLoopbackHost } from './inputs.ts'
import type { AttemptOutcome, RetryClock } from './retry.ts'
import { isRetryableStatus, parseRetryAfter, systemClock, withRetry } from './retry.ts'
import type { TokenClaims } from './token.ts'
import { audienceMatches, describePrincipal, formatExpiry, redactToken } from './token.ts'

export const CHANGEFEED_ENDPOINTS = [
  { name: 'changefeed', path: '/changefeed?offset=0&limit=1&includeMetadata=false' },
  { name: 'latest', path: '/changefeed/latest?includeMetadata=false' }
] as const
export type EndpointName = (typeof CHANGEFEED_ENDPOINTS)[number]['name']

/** A single request may not hold the step longer than this, even with a long timeout-seconds. */
export const REQUEST_TIMEOUT_MS = 15_000
const MAX_BODY_BYTES = 1024 * 1024
const BODY_PREVIEW_CHARS = 120

export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/** What one attempt saw: a response, or a transport error reduced to its code (undici's own text never reaches the log). */
export interface Exchange {
  url: string
  status?: number
  contentType?: string
  wwwAuthenticate?: string
  location?: string
  retryAfter?: string
  body?: string
  errorCode?: string
  latencyMs: number
}

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

// ---- decisions (pure) ----

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH/
const TIMEOUT_CODES = new Set([
  'TimeoutError',
  'AbortError',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT'
])

export function isTlsError(code: string | undefined): boolean {
  return code !== undefined && TLS_CODES.test(code)
}

/** Reduces whatever undici threw to a code; its message may quote request details, so it is not kept. */
export function transportErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'UNKNOWN'
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown }
  if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') return code
  if (name === 'TimeoutError' || name === 'AbortError') return 'TimeoutError'
  if (cause !== undefined && cause !== error) return transportErrorCode(cause)
  return typeof name === 'string' ? name : 'UNKNOWN'
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

/** Is this attempt finished, worth another try, or a failure no retry will fix? */
export function classifyExchange(exchange: Exchange): 'ok' | 'transient' | 'fatal' {
  if (exchange.errorCode !== undefined) return isTlsError(exchange.errorCode) ? 'fatal' : 'transient'
  const status = exchange.status ?? 0
  if (status === 200 || status === 204) return 'ok'
  return isRetryableStatus(status) ? 'transient' : 'fatal'
}

function challengeParameter(challenge: string | undefined, name: string): string | undefined {
  if (!challenge) return undefined
  return new RegExp(`${name}="([^"]*)"`, 'i').exec(challenge)?.[1]
}

function preview(text: string | undefined, token: string): string {
  const flat = redactToken(text ?? '', token)
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > BODY_PREVIEW_CHARS ? `${flat.slice(0, BODY_PREVIEW_CHARS)}…` : flat
}

export interface DiagnosisContext {
  token: string
  claims: TokenClaims
  expiresAtMs?: number
  nowMs: number
  attempts: number
  elapsedMs: number
  gaveUp?: { reason: 'deadline' | 'retry-after-past-deadline'; retryAfterMs?: number }
}

function diagnoseUnauthorized(exchange: Exchange, context: DiagnosisContext): ActionError {
  const description = challengeParameter(exchange.wwwAuthenticate, 'error_description')
  const serviceTenant = /login\.microsoftonline\.com\/([^/"]+)/i.exec(
    challengeParameter(exchange.wwwAuthenticate, 'authorization_uri') ?? ''
  )?.[1]
  const said = `The DICOM service rejected the token with 401 at ${exchange.url}${description ? `: "${preview(description, context.token)}"` : ''}.`
  const { claims } = context
  if (!audienceMatches(claims.audience, DEFAULT_RESOURCE)) {
    return new ActionError(
      'smoke-unauthorized',
      `${said} The token's audience is '${claims.audience ?? ''}', but the DICOM service expects '${DEFAULT_RESOURCE}'.`,
      `Leave the 'resource' input at its default (${DEFAULT_RESOURCE}).`
    )
  }
  if (context.expiresAtMs !== undefined && context.expiresAtMs <= context.nowMs) {
    return new ActionError(
      'smoke-unauthorized',
      `${said} The token expired at ${formatExpiry(context.expiresAtMs)}.`,
      'Get the token right before the steps that use it.'
    )
  }
  if (
    serviceTenant &&
    claims.tenantId &&
    !['common', 'organizations'].includes(serviceTenant) &&
    serviceTenant.toLowerCase() !== claims.tenantId.toLowerCase()
  ) {
    return new ActionError(
      'smoke-unauthorized',
      `${said} The service belongs to tenant ${serviceTenant}, but the token was issued by tenant ${claims.tenantId}.`,
      `Log in to tenant ${serviceTenant} with azure/login (tenant-id), or set the 'tenant' input.`
    )
  }
  return new ActionError(
    'smoke-unauthorized',
    `${said} The token has audience '${claims.audience ?? 'unknown'}' and tenant '${claims.tenantId ?? 'unknown'}'.`,
    `Check that dicom-url is a DICOM service of the tenant azure/login signed in to, and that 'resource' is ${DEFAULT_RESOURCE}.`
  )
}

/** One actionable error for the first failed endpoint; `undefined` when it did not fail. */
export function diagnoseExchange(name: EndpointName, exchange: Exchange, context: DiagnosisContext): ActionError | undefined {
  const { token, claims } = context
  const tried = `after ${context.attempts} attempt(s) in ${(context.elapsedMs / 1000).toFixed(1)} s`
  if (exchange.errorCode !== undefined) {
    const code = exchange.errorCode
    if (isTlsError(code)) {
      return new ActionError(
        'smoke-tls',
        `The TLS certificate of ${new URL(exchange.url).host} was not accepted (${code}).`,
        'Check the dicom-url host name; if a TLS-inspecting proxy is in the way, trust its CA with NODE_EXTRA_CA_CERTS on the runner.'
      )
    }
    if (TIMEOUT_CODES.has(code)) {
      return new ActionError(
        'smoke-timeout',
        `The DICOM service did not answer GET ${exchange.url} in time (${code}, ${tried}).`,
        'Check that the service is running and reachable from the runner, or raise timeout-seconds.'
      )
    }
    return new ActionError(
      'smoke-network',
      `Could not reach the DICOM service at ${new URL(exchange.url).host} (${code}, ${tried}).`,
      'Check dicom-url and that the runner can reach it (DNS of a new service can take minutes; private endpoints need a runner inside the network).'
    )
  }
  const status = exchange.status ?? 0
  if (status === 200 || status === 204) {
    const read = readChangefeedBody(name, exchange)
    if ('sequence' in read) return undefined
    if (read.problem === 'not-json') {
      return new ActionError(
        'smoke-response',
        `GET ${exchange.url} answered ${status} with Content-Type '${exchange.contentType ?? 'none'}', not JSON; it starts with: "${preview(exchange.body, token)}".`,
        'A proxy, firewall or login page may be answering instead of the DICOM service: check dicom-url.'
      )
    }
    return new ActionError(
      'smoke-response',
      `GET ${exchange.url} answered ${status}, but the body is not a change feed: ${read.problem}; it starts with: "${preview(exchange.body, token)}".`,
      'Check that dicom-url points at an Azure Health Data Services DICOM service and api-version is right.'
    )
  }
  if (status === 401) return diagnoseUnauthorized(exchange, context)
  if (status === 403) {
    return new ActionError(
      'smoke-forbidden',
      `The DICOM service refused ${describePrincipal(claims) ?? 'the signed-in identity'} with 403 at ${exchange.url}${exchange.body ? ` ("${preview(exchange.body, token)}")` : ''}.`,
      'Assign that principal the DICOM Data Reader (or DICOM Data Owner) role on the DICOM service; new role assignments can take several minutes to apply, so re-run after a few minutes.'
    )
  }
  if (status === 404) {
    return new ActionError(
      'smoke-not-found',
      `The DICOM service answered 404 for ${exchange.url}.`,
      'Check dicom-url (https://<workspace>-<service>.dicom.azurehealthcareapis.com, normally with no path) and api-version (v1.0-prerelease, v1 or v2).'
    )
  }
  if (status >= 300 && status < 400) {
    const target =
      exchange.location && URL.canParse(exchange.location, exchange.url)
        ? new URL(exchange.location, exchange.url).origin
        : 'an unknown location'
    return new ActionError(
      'smoke-redirect',
      `GET ${exchange.url} answered ${status}, a redirect to ${target}; it was not followed, so the token was not sent there.`,
      'Set dicom-url to the service URL itself (the final https://<workspace>-<service>.dicom.azurehealthcareapis.com).'
    )
  }
  if (isRetryableStatus(status)) {
    const retryAfter =
      context.gaveUp?.reason === 'retry-after-past-deadline' && context.gaveUp.retryAfterMs !== undefined
        ? ` It asked to retry after ${Math.ceil(context.gaveUp.retryAfterMs / 1000)} s, past the deadline.`
        : ''
    return new ActionError(
      'smoke-unavailable',
      `The DICOM service still answered ${status} to GET ${exchange.url} ${tried}.${retryAfter}`,
      'The service is throttled or not ready (a new deployment can take minutes): raise timeout-seconds, or run the smoke test later.'
    )
  }
  return new ActionError(
    'smoke-response',
    `GET ${exchange.url} answered ${status}${exchange.body ? `: "${preview(exchange.body, token)}"` : ''}.`,
    'Check dicom-url and api-version.'
  )
}

/** One NO_PROXY entry: `name`, `name:port`, `[v6]:port` or a bare IPv6 address (whose colons are not a port). */
function noProxyEntry(entry: string): { name: string; port?: number } {
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]+):(\d+)$/.exec(entry)
  if (!match) return { name: entry }
  return { name: match[1] ?? '', port: match[2] === undefined ? undefined : Number(match[2]) }
}

/** The host to connect to (IPv6 without brackets) and the port, the scheme's default when the URL has none. */
function endpointOf(url: URL): { hostname: string; port: number } {
  return { hostname: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) }
}

/** NO_PROXY as curl and undici read it: '*', or host names (a leading '.' or '*.' optional) with an optional port. */
export function bypassesProxy(hostname: string, port: number, noProxy: string): boolean {
  const host = hostname.toLowerCase()
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((entry) => {
      if (entry === '*') return true
      const { name, port: entryPort } = noProxyEntry(entry.toLowerCase().replace(/^\*?\./, ''))
      if (entryPort !== undefined && entryPort !== port) return false
      return host === name || host.endsWith(`.${name}`)
    })
}

export interface Proxy {
  /** The variable it came from, for messages: its value may hold credentials. */
  variable: string
  /** As given, with `http://` added when it has no scheme (as curl and the Azure CLI read it). */
  uri: string
}

/**
 * The proxy the runner's environment sends this URL through, if any (lower-case variables first, as undici reads them).
 * Only https goes through a proxy: the token then travels inside a CONNECT tunnel. Plain http (loopback only) never
 * does, or the proxy would read the token.
 */
export function proxyFor(url: URL, env: Record<string, string | undefined>): Proxy | undefined {
  if (url.protocol !== 'https:') return undefined
  const variable = ['https_proxy', 'HTTPS_PROXY'].find((name) => env[name])
  if (variable === undefined) return undefined
  const { hostname, port } = endpointOf(url)
  if (bypassesProxy(hostname, port, env.no_proxy || env.NO_PROXY || '')) return undefined
  const value = env[variable] ?? ''
  return { variable, uri: /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}` }
}

// ---- I/O ----

export interface DicomConnection {
  dispatcher: Dispatcher
  close(): Promise<void>
}

/**
 * Opens TCP+TLS to the DICOM host now, so the handshake is done by the time the token arrives.
 * Behind a proxy (HTTPS_PROXY and friends, as runners set them) the requests go through it, unless NO_PROXY lists the host.
 */
export async function openDicomConnection(
  dicomBaseUrl: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env
): Promise<DicomConnection> {
  const url = new URL(dicomBaseUrl)
  const secure = url.protocol === 'https:'
  const { hostname, port } = endpointOf(url)
  if (!secure && !isLoopbackHost(hostname)) throw new Error('plain http is only allowed to loopback hosts') // inputs.ts refuses it first
  const connectTimeoutMs = Math.min(timeoutMs, REQUEST_TIMEOUT_MS)
  const proxy = proxyFor(url, env)
  if (proxy) {
    if (!URL.canParse(proxy.uri)) {
      throw new ActionError(
        'smoke-network',
        `The proxy in ${proxy.variable} is not a URL the smoke test can use (its value is not shown: it may hold credentials).`,
        `Set ${proxy.variable} to http://<host>:<port>, or list the DICOM host in NO_PROXY.`
      )
    }
    // Through the proxy's CONNECT tunnel: no head start, but the same requests, still TLS end to end.
    const undici = await import('undici')
    const agent = new undici.ProxyAgent({
      uri: proxy.uri,
      requestTls: { rejectUnauthorized: true },
      connect: { timeout: connectTimeoutMs },
      maxResponseSize: MAX_BODY_BYTES,
      connections: 1,
      pipelining: 2
    })
    return { dispatcher: agent, close: () => agent.destroy().catch(() => undefined) }
  }
  const early = preconnect(hostname, port, secure, connectTimeoutMs)
  const undici = await import('undici') // loads while az runs
  const fallback = undici.buildConnector({ timeout: connectTimeoutMs, rejectUnauthorized: true })
  let handedOver = false
  const client = new undici.Client(url.origin, {
    pipelining: 2,
    maxResponseSize: MAX_BODY_BYTES,
    connect: (options, callback) => {
      if (handedOver) {
        fallback(options, callback)
        return
      }
      handedOver = true
      void early.take().then((socket) => {
        if (socket) callback(null, socket)
        else fallback(options, callback)
      })
    }
  })
  return {
    dispatcher: client,
    close: async () => {
      early.discard()
      await client.destroy().catch(() => undefined)
    }
  }
}

interface EarlySocket {
  take(): Promise<Socket | undefined>
  discard(): void
}

function preconnect(hostname: string, port: number, secure: boolean, timeoutMs: number): EarlySocket {
  const socket: Socket = secure
    ? tls.connect({
        host: hostname,
        port,
        servername: net.isIP(hostname) ? undefined : hostname,
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: true // whatever NODE_TLS_REJECT_UNAUTHORIZED says: the token goes over this connection
      })
    : net.connect({ host: hostname, port })
  // Any failure here is only a missed head start: the request connects again and reports that error itself.
  const ignore = (): void => undefined
  socket.on('error', ignore)
  socket.setTimeout(timeoutMs, () => socket.destroy())
  const ready = new Promise<Socket | undefined>((resolve) => {
    socket.once(secure ? 'secureConnect' : 'connect', () => resolve(socket))
    socket.once('close', () => resolve(undefined))
  })
  return {
    take: async () => {
      const ready_ = await ready
      if (!ready_ || socket.destroyed || !socket.writable) return undefined
      socket.off('error', ignore)
      socket.setTimeout(0)
      return socket
    },
    discard: () => socket.destroy()
  }
}

async function readBody(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
    size += buffer.length
    if (size > MAX_BODY_BYTES) break
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** Settles (rejects) when the signal aborts, whatever the request is still waiting for (undici does not abort a pending connect). */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))
}

async function exchangeOnce(dispatcher: Dispatcher, url: URL, token: string, timeoutMs: number, clock: RetryClock): Promise<Exchange> {
  const started = clock.now()
  const signal = AbortSignal.timeout(timeoutMs)
  const exchange = (async (): Promise<Exchange> => {
    const response = await dispatcher.request({
      origin: url.origin,
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs
    })
    const body = await readBody(response.body)
    return {
      url: url.href,
      status: response.statusCode,
      contentType: header(response.headers, 'content-type'),
      wwwAuthenticate: header(response.headers, 'www-authenticate'),
      location: header(response.headers, 'location'),
      retryAfter: header(response.headers, 'retry-after'),
      body,
      latencyMs: clock.now() - started
    }
  })()
  exchange.catch(() => undefined) // may still fail after the timeout won the race below
  try {
    return await Promise.race([exchange, aborted(signal)])
  } catch (error) {
    return { url: url.href, errorCode: transportErrorCode(error), latencyMs: clock.now() - started }
  }
}

function exchangeSummary(exchange: Exchange): string {
  return exchange.errorCode ?? `HTTP ${exchange.status ?? '?'}`
}

export async function runSmokeTest(input: {
  /** Opened while az ran; if that failed, the smoke test fails with the reason, and the token outputs stand. */
  connection: Promise<DicomConnection>
  config: Pick<Config, 'dicomBaseUrl' | 'timeoutMs'>
  token: string
  claims: TokenClaims
  expiresAtMs?: number
  log: Log
  clock?: RetryClock
}): Promise<SmokeTestReport> {
  const clock = input.clock ?? systemClock
  const startedAt = clock.now()
  const deadlineMs = startedAt + input.config.timeoutMs
  const base = input.config.dicomBaseUrl ?? ''
  let dispatcher: Dispatcher
  try {
    dispatcher = (await input.connection).dispatcher
  } catch (error) {
    const failure =
      error instanceof ActionError
        ? error
        : new ActionError(
            'smoke-network',
            `Could not prepare a connection to ${new URL(base).host} (${transportErrorCode(error)}).`,
            "Check dicom-url and the runner's network and proxy settings."
          )
    return { passed: false, failure, endpoints: [], elapsedMs: clock.now() - startedAt }
  }

  const endpoints = await Promise.all(
    CHANGEFEED_ENDPOINTS.map(async ({ name, path }): Promise<EndpointReport> => {
      const url = new URL(`${base}${path}`)
      const report = await withRetry<Exchange>(
        async (_attempt, remainingMs) => {
          const exchange = await exchangeOnce(dispatcher, url, input.token, Math.max(1, Math.min(remainingMs, REQUEST_TIMEOUT_MS)), clock)
          const verdict = classifyExchange(exchange)
          if (verdict === 'ok') return { kind: 'done', value: exchange }
          if (verdict === 'fatal') return { kind: 'fatal', value: exchange }
          return {
            kind: 'transient',
            reason: exchangeSummary(exchange),
            retryAfterMs: parseRetryAfter(exchange.retryAfter, clock.now()),
            last: exchange
          } satisfies AttemptOutcome<Exchange>
        },
        {
          deadlineMs,
          clock,
          onRetry: (attempt, reason, delayMs) =>
            input.log.info(`GET ${url.href}: attempt ${attempt} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`)
        }
      )
      // A good answer is read once here; only a failure goes on to its diagnosis.
      const read = classifyExchange(report.value) === 'ok' ? readChangefeedBody(name, report.value) : undefined
      const failure =
        read && 'sequence' in read
          ? undefined
          : diagnoseExchange(name, report.value, {
              token: input.token,
              claims: input.claims,
              expiresAtMs: input.expiresAtMs,
              nowMs: clock.now(),
              attempts: report.attempts,
              elapsedMs: clock.now() - startedAt,
              gaveUp: report.gaveUp
            })
      return {
        name,
        url: url.href,
        exchange: report.value,
        attempts: report.attempts,
        failure,
        sequence: read && 'sequence' in read ? read.sequence : undefined
      }
    })
  )
  const failure = endpoints.find((e) => e.failure)?.failure
  return {
    passed: failure === undefined,
    failure,
    latestSequence: failure ? undefined : endpoints.find((e) => e.name === 'latest')?.sequence,
    endpoints,
    elapsedMs: clock.now() - startedAt
  }
}
