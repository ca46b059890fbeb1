// The HTTP the DICOM service speaks, as the fake needs it: the request as recorded, the API versions and their limits,
// the query parameters it validates (with its plain-text 400 reasons), and one Reply type that every route returns.
import type { IncomingMessage, ServerResponse } from 'node:http'

export type ApiVersion = 'v1.0-prerelease' | 'v1' | 'v2'
export const SUPPORTED_VERSIONS: readonly ApiVersion[] = ['v1.0-prerelease', 'v1', 'v2']
/** The change feed's limit range and default in each version. */
export const LIMITS: Record<ApiVersion, { max: number; fallback: number }> = {
  'v1.0-prerelease': { max: 100, fallback: 10 },
  v1: { max: 100, fallback: 10 },
  v2: { max: 200, fallback: 100 }
}
// Anything shaped like an API version is routed (and rejected with 400 if unsupported), as ASP.NET API versioning does.
const VERSION_LIKE = /^v\d+(\.\d+)?(-[a-z0-9]+)?$/i
const MAX_BODY_BYTES = 32 * 1024 * 1024

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** As sent, keys lowercased, repeats kept. */
  headers: Record<string, string | string[] | undefined>
  version?: string
  at: number
}

export function parseRequest(req: IncomingMessage): { request: RecordedRequest; url: URL | undefined } {
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

/** Unlike req.headers this keeps repeats (node drops duplicate Authorization headers). */
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

/** The whole body, or undefined when it is larger than the service accepts. */
export async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export const TOO_LARGE = `The request body is larger than ${MAX_BODY_BYTES} bytes.`

/** A whole number in [min, max], the fallback when absent, or the 400 reason. */
export function parseInteger(
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

export function parseBoolean(query: URLSearchParams, name: string, fallback: boolean): boolean | string {
  const text = query.get(name)
  if (text === null) return fallback
  const normalized = text.trim().toLowerCase()
  if (normalized === 'true') return true
  if (normalized === 'false') return false
  return `The value '${text}' is not valid for ${name}.`
}

/** An ISO 8601 time that carries a time zone, as the service's MandatoryTimeZoneBinder demands, or the 400 reason. */
export function parseTime(query: URLSearchParams, name: string): { text: string; ms: number } | undefined | string {
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

/** An answer to write: every route returns one, and writeReply() is the one place that sends it. */
export interface Reply {
  status: number
  headers: Record<string, string>
  body: Buffer | string
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, body }
}

export function json(status: number, value: unknown): Reply {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) }
}

export function dicomJson(status: number, value: unknown): Reply {
  return { status, headers: { 'Content-Type': 'application/dicom+json' }, body: JSON.stringify(value) }
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: '' }
}

export function writeReply(res: ServerResponse, reply: Reply): void {
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
