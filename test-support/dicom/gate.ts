// A loopback HTTPS gate in front of a fake DICOM service: it passes each request on as it is, except those a test
// holds (no answer ever, until the action gives up on them) or rewrites (another status, headers or body, after the
// service did its part). Tests use it to stop the action at one stage of the round trip, or to give an answer the
// service itself would give but the fake does not. It knows nothing of the fake behind it but its URL.
import { createServer, request as httpsRequest } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { closeServer, listenOnLoopback, trackSockets } from '../net/loopback-server.ts'

export interface GateRequest {
  method: string
  /** Path and query, as sent. */
  path: string
  at: number
  /** What the gate did: passed it on, or held it. */
  held: boolean
  /** The status the action got, once it got one. */
  status?: number
  /** When the answer was sent (Date.now()). */
  answeredAt?: number
}

export interface Forwarded {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** What the gate does with one request: pass it on, hold it, or pass it on and rewrite the answer. */
export type GateAction =
  | { kind: 'pass' }
  | { kind: 'hold' }
  | { kind: 'rewrite'; answer: (forwarded: Forwarded, request: GateRequest) => Forwarded }
  /** Rewrites the request's path and query before passing it on (a service on another clock, say). */
  | { kind: 'redirect-path'; path: string; answer?: (forwarded: Forwarded, request: GateRequest) => Forwarded }

export type GatePolicy = (request: GateRequest, earlier: readonly GateRequest[]) => GateAction

export interface Gate {
  url: string
  requests: GateRequest[]
  setPolicy(policy: GatePolicy): void
  close(): Promise<void>
}

export const passEverything: GatePolicy = () => ({ kind: 'pass' })

/** Round-trip stages as the action's requests show them. */
export const isStow = (r: Pick<GateRequest, 'method' | 'path'>): boolean =>
  r.method === 'POST' && /\/studies\/?(\?|$)/.test(r.path)
export const isFeed = (r: Pick<GateRequest, 'method' | 'path'>): boolean =>
  r.method === 'GET' && r.path.includes('/changefeed')
export const isDelete = (r: Pick<GateRequest, 'method'>): boolean => r.method === 'DELETE'
export const isMetadata = (r: Pick<GateRequest, 'method' | 'path'>): boolean =>
  r.method === 'GET' && /\/metadata(\?|$)/.test(r.path)

/** `certificate`: the gate's own; `upstreamCa`: what the fake behind it presents (the same self-signed one, usually). */
export async function startGate(
  upstream: string,
  certificate: { cert: string; key: string },
  upstreamCa: string = certificate.cert
): Promise<Gate> {
  let policy: GatePolicy = passEverything
  const server = createServer({ cert: certificate.cert, key: certificate.key })
  const sockets = trackSockets(server)
  const gate: Gate = {
    url: '',
    requests: [],
    setPolicy: (next) => (policy = next),
    close: () => closeServer(server, sockets)
  }
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const request: GateRequest = { method: req.method ?? '', path: req.url ?? '', at: Date.now(), held: false }
    const earlier = [...gate.requests]
    gate.requests.push(request)
    const action = policy(request, earlier)
    if (action.kind === 'hold') {
      request.held = true
      req.resume() // read and drop the body; never answer
      return
    }
    const path = action.kind === 'redirect-path' ? action.path : request.path
    void forward(upstream, upstreamCa, req, path)
      .then((forwarded) => {
        const rewrite = action.kind === 'rewrite' || action.kind === 'redirect-path' ? action.answer : undefined
        const answer = rewrite ? rewrite(forwarded, request) : forwarded
        request.status = answer.status
        request.answeredAt = Date.now()
        const headers = { ...answer.headers }
        delete headers['transfer-encoding']
        if (answer.status !== 204) headers['content-length'] = String(answer.body.length)
        res.writeHead(answer.status, headers)
        res.end(answer.status === 204 ? undefined : answer.body)
      })
      .catch(() => res.destroy())
  })
  const port = await listenOnLoopback(server)
  gate.url = `https://127.0.0.1:${port}`
  return gate
}

async function forward(upstream: string, ca: string, req: IncomingMessage, path: string): Promise<Forwarded> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  const body = Buffer.concat(chunks)
  const target = new URL(path, upstream)
  const headers = { ...req.headers, host: target.host }
  delete headers.connection
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(target, { method: req.method, headers, ca, agent: false }, (answer) => {
      const parts: Buffer[] = []
      answer.on('data', (chunk: Buffer) => parts.push(chunk))
      answer.on('end', () => {
        const flat: Record<string, string> = {}
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && name !== 'connection' && name !== 'keep-alive')
            flat[name] = Array.isArray(value) ? value.join(', ') : value
        }
        resolve({ status: answer.statusCode ?? 502, headers: flat, body: Buffer.concat(parts) })
      })
      answer.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}
