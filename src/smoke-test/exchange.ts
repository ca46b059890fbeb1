// One request to the DICOM service with the token, reduced to what it saw: a status with the headers and body that
// matter, or a transport error's code (undici's own text may quote request details, so it never reaches the log).
// Also the verdicts on any answer, whichever check asked: done, worth another try, or a failure no retry fixes.
import type { Dispatcher } from 'undici'
import type { RetryClock } from '../retry.ts'
import { isRetryableStatus } from '../retry.ts'
import { isTlsError } from '../tls.ts'

/** A single request may not hold the step longer than this, even with a long timeout-seconds. */
export const REQUEST_TIMEOUT_MS = 15_000
/** Larger answers are cut: nothing the smoke test reads is anywhere near this. */
export const MAX_BODY_BYTES = 1024 * 1024

/** How long the next request (or connection) may take, given what is left of the deadline. Never 0 ms. */
export function requestTimeoutMs(remainingMs: number): number {
  return Math.max(1, Math.min(remainingMs, REQUEST_TIMEOUT_MS))
}

/** Sends one request on the connection: undici's `request` on its client, or on the proxy's agent. */
export type SendRequest = (options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>

/** What one attempt saw. */
export interface Exchange {
  method: string
  url: string
  status?: number
  contentType?: string
  wwwAuthenticate?: string
  location?: string
  retryAfter?: string
  /** The server's own clock at the answer (its Date header). */
  date?: string
  body?: string
  errorCode?: string
  latencyMs: number
}

export interface DicomRequest {
  method?: 'GET' | 'POST' | 'DELETE'
  url: URL
  accept?: string
  body?: { contentType: string; bytes: Uint8Array }
}

/** The errorCode of a request aborted because the step was cancelled, not because it timed out. */
export const CANCELLED_CODE = 'CANCELLED'

/** Reduces whatever undici threw to a code; its message may quote request details, so it is not kept. */
export function transportErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'UNKNOWN'
  const { code, name, cause, message } = error as { code?: unknown; name?: unknown; cause?: unknown; message?: unknown }
  // undici reports a proxy that refuses the tunnel as an aborted request; its status is what matters.
  const proxyStatus = typeof message === 'string' ? /^Proxy response \((\d{3})\)/.exec(message)?.[1] : undefined
  if (proxyStatus !== undefined) return `PROXY_${proxyStatus}`
  if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') return code
  if (name === 'TimeoutError' || name === 'AbortError') return 'TimeoutError'
  if (cause !== undefined && cause !== error) return transportErrorCode(cause)
  return typeof name === 'string' ? name : 'UNKNOWN'
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

/** Settles (rejects) when the signal aborts, whatever the request still waits for (undici does not abort a connect). */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
  )
}

/**
 * Sends one request with the token and waits at most `timeoutMs` for all of its answer, or until `cancel` aborts it.
 * Never throws.
 */
export async function exchangeOnce(
  send: SendRequest,
  request: DicomRequest,
  token: string,
  timeoutMs: number,
  clock: Pick<RetryClock, 'now'>,
  cancel?: AbortSignal
): Promise<Exchange> {
  const { url, method = 'GET' } = request
  const started = clock.now()
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: request.accept ?? 'application/json'
  }
  if (request.body) headers['content-type'] = request.body.contentType
  const exchange = (async (): Promise<Exchange> => {
    const response = await send({
      origin: url.origin,
      method,
      path: `${url.pathname}${url.search}`,
      headers,
      body: request.body?.bytes,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs
    })
    const body = await readBody(response.body)
    return {
      method,
      url: url.href,
      status: response.statusCode,
      contentType: header(response.headers, 'content-type'),
      wwwAuthenticate: header(response.headers, 'www-authenticate'),
      location: header(response.headers, 'location'),
      retryAfter: header(response.headers, 'retry-after'),
      date: header(response.headers, 'date'),
      body,
      latencyMs: clock.now() - started
    }
  })()
  exchange.catch(() => undefined) // may still fail after the timeout won the race below
  try {
    return await Promise.race([exchange, aborted(signal)])
  } catch (error) {
    const errorCode = cancel?.aborted ? CANCELLED_CODE : transportErrorCode(error)
    return { method, url: url.href, errorCode, latencyMs: clock.now() - started }
  }
}

export { isTlsError }

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

/**
 * What one answer means for the check that asked, read once: done with a value, worth another try, or a failure.
 * `problem` says what was wrong where the status alone does not. A transient answer may say why it is tried again (else
 * retryReason does), and carry the problem to report should the deadline end the retries.
 */
export type Answer<T, P = string> =
  | { verdict: 'ok'; value: T }
  | { verdict: 'transient'; reason?: string; problem?: P }
  | { verdict: 'fatal'; problem?: P }

/** Why an attempt is tried again, as the log line says it. */
export function retryReason(exchange: Exchange): string {
  if (exchange.errorCode !== undefined) return exchange.errorCode
  const status = `HTTP ${exchange.status ?? '?'}`
  return exchange.status === 403 ? `${status}, waiting for the role assignment to apply` : status
}

/**
 * A field of a JSON object the service sent, whatever its case: change feed entries come in camelCase from the service
 * and in PascalCase in the docs, and DICOM JSON tags in either case of hex.
 */
export function fieldOf<V>(record: Record<string, V>, name: string): V | undefined {
  const wanted = name.toLowerCase()
  const key = Object.keys(record).find((k) => k.toLowerCase() === wanted)
  return key === undefined ? undefined : record[key]
}
