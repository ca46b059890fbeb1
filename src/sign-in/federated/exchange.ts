// The token request, sent: one POST to Entra ID's token endpoint per attempt, each bounded by its own timeout inside
// the step's deadline, transient answers retried with the action's retry policy. Never follows a redirect: the OIDC
// token goes to the token endpoint and nowhere else. Node's own https client: it loads in a few milliseconds.
import http from 'node:http'
import https from 'node:https'
import { isLoopbackHost } from '../../dicom-service.ts'
import { isRetryableStatus, parseRetryAfter, systemClock, withRetry } from '../../retry.ts'
import type { GiveUpReason, RetryClock } from '../../retry.ts'
import type { TokenRequest } from './request.ts'
import { isTlsError } from '../../tls.ts'

/** A single request may not hold the step longer than this, even with a long timeout-seconds. */
export const TOKEN_REQUEST_TIMEOUT_MS = 15_000
/** Entra's answers are a few hundred bytes; anything longer is cut (and then unreadable). */
export const MAX_ANSWER_BYTES = 64 * 1024

/** What one attempt saw: a status with what matters of the answer, or a transport error's code. */
export interface EntraAnswer {
  status?: number
  body?: string
  retryAfter?: string
  /** A redirect's target host, for the message; the redirect itself is never followed. */
  locationHost?: string
  errorCode?: string
  latencyMs: number
}

/** Sends the form to the URL and waits at most `timeoutMs` for all of the answer. Never throws. */
export type PostForm = (url: URL, body: string, timeoutMs: number) => Promise<EntraAnswer>

function errorCode(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown }
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR') return 'TimeoutError'
  if (typeof code === 'string') return code
  return typeof name === 'string' ? name : 'UNKNOWN'
}

function hostOf(location: string | undefined, base: URL): string | undefined {
  return location !== undefined && URL.canParse(location, base.href) ? new URL(location, base).host : undefined
}

/** The token request over Node's https (http for loopback only), certificates always verified, no connection kept. */
export const postForm: PostForm = (url, body, timeoutMs) => {
  const started = performance.now()
  const secure = url.protocol === 'https:'
  if (!secure && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    // authority.ts refuses it first; this keeps the rule where the token is sent.
    return Promise.resolve({ errorCode: 'ERR_INSECURE_AUTHORITY', latencyMs: 0 })
  }
  return new Promise((resolve) => {
    const settle = (answer: Omit<EntraAnswer, 'latencyMs'>): void =>
      resolve({ ...answer, latencyMs: performance.now() - started })
    const options = {
      method: 'POST',
      agent: false as const,
      signal: AbortSignal.timeout(timeoutMs),
      // Whatever NODE_TLS_REJECT_UNAUTHORIZED says: this request carries a credential.
      rejectUnauthorized: true,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
        accept: 'application/json'
      }
    }
    const request = (secure ? https : http).request(url, options, (response) => {
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk)
      })
      response.on('error', (error) => settle({ errorCode: errorCode(error) }))
      response.on('end', () => {
        const retryAfter = response.headers['retry-after']
        settle({
          status: response.statusCode,
          body: Buffer.concat(chunks).toString('utf8'),
          retryAfter,
          locationHost: hostOf(response.headers.location, url)
        })
      })
    })
    request.on('error', (error) => settle({ errorCode: errorCode(error) }))
    request.end(body)
  })
}

export interface TokenExchange {
  /** The last answer: a 200, an answer no retry changes, or the last transient one. */
  answer: EntraAnswer
  attempts: number
  /** Set when the last answer was transient and the deadline left no room for another try. */
  gaveUp?: GiveUpReason
}

/** Why an attempt is tried again, as the retry line says it. */
export function retryReason(answer: EntraAnswer): string {
  return answer.errorCode ?? `HTTP ${answer.status ?? '?'}`
}

/** 200 is done; 429, 5xx and connection errors are tried again; TLS errors and Entra's 4xx are final. */
export function answerOutcome(answer: EntraAnswer): 'done' | 'transient' | 'fatal' {
  if (answer.errorCode !== undefined) {
    return isTlsError(answer.errorCode) || answer.errorCode === 'ERR_INSECURE_AUTHORITY' ? 'fatal' : 'transient'
  }
  if (answer.status === 200) return 'done'
  return isRetryableStatus(answer.status ?? 0) ? 'transient' : 'fatal'
}

export interface ExchangeOptions {
  deadlineMs: number
  post?: PostForm
  clock?: RetryClock
  onRetry?: (attempt: number, reason: string, delayMs: number) => void
}

export async function exchangeToken(request: TokenRequest, options: ExchangeOptions): Promise<TokenExchange> {
  const post = options.post ?? postForm
  const clock = options.clock ?? systemClock
  const report = await withRetry(
    async (_attempt, remainingMs) => {
      const answer = await post(request.url, request.body, Math.max(1, Math.min(remainingMs, TOKEN_REQUEST_TIMEOUT_MS)))
      const outcome = answerOutcome(answer)
      if (outcome !== 'transient') return { kind: outcome, value: answer }
      const retryAfterMs = parseRetryAfter(answer.retryAfter, clock.now())
      return { kind: 'transient', reason: retryReason(answer), retryAfterMs, last: answer }
    },
    { deadlineMs: options.deadlineMs, clock, onRetry: options.onRetry }
  )
  return { answer: report.value, attempts: report.attempts, gaveUp: report.gaveUp?.reason }
}
