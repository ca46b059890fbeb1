// A loopback HTTPS server that answers with whatever raw bytes a test scripts, for what a real HTTP server would never
// send: a body too large, a reply that is not HTTP, Content-Length with Transfer-Encoding, an invalid status line. It
// reads each request up to its blank line (the action sends GETs without bodies; keep-alive and pipelining both work)
// and records it with the time it arrived.
import tls from 'node:tls'
import type { Socket } from 'node:net'
import type { Certificate } from './tls-cert.ts'
import { closeServer, listenOnLoopback, trackSockets } from './loopback-server.ts'

export interface ScriptedRequest {
  method: string
  /** Path and query, as sent. */
  path: string
  /** Header names in lower case. */
  headers: Record<string, string>
  /** The request head as received, up to the blank line. */
  head: string
  /** Date.now() when the head was complete. */
  at: number
  /** Which connection (1-based) it came on. */
  connection: number
}

/** What to write back: raw bytes (the connection stays open), the same and then close, or nothing ever (a hang). */
export type ScriptedAnswer = string | Buffer | { write: string | Buffer; close: true } | { hang: true }

export type ScriptedHandler = (request: ScriptedRequest) => ScriptedAnswer

export interface ScriptedServer {
  url: string
  requests: ScriptedRequest[]
  connections: number
  setHandler(handler: ScriptedHandler): void
  /** Requests whose path (without the query) is `path`. */
  requestsTo(path: string): ScriptedRequest[]
  close(): Promise<void>
}

type KeyPair = Pick<Certificate, 'cert' | 'key'>

const HEAD_END = '\r\n\r\n'
/** A head larger than this is not a request the action sends: the connection is dropped. */
const MAX_HEAD_BYTES = 64 * 1024

function parseHead(head: string, connection: number): ScriptedRequest {
  const [requestLine = '', ...headerLines] = head.split('\r\n')
  const [method = '', path = ''] = requestLine.split(' ')
  const headers: Record<string, string> = {}
  for (const line of headerLines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { method, path, headers, head, at: Date.now(), connection }
}

export async function startScriptedServer(certificate: KeyPair, handler: ScriptedHandler): Promise<ScriptedServer> {
  let current = handler
  const requests: ScriptedRequest[] = []
  let connections = 0
  const options = { cert: certificate.cert, key: certificate.key, ALPNProtocols: ['http/1.1'] }
  const server = tls.createServer(options, (socket: Socket) => {
    const connection = ++connections
    let buffered = ''
    let hung = false
    socket.on('error', () => socket.destroy())
    socket.on('data', (chunk: Buffer) => {
      if (hung) return
      buffered += chunk.toString('latin1')
      if (buffered.length > MAX_HEAD_BYTES && !buffered.includes(HEAD_END)) socket.destroy()
      // Pipelined requests are answered in order, each as soon as its head is complete.
      for (let end = buffered.indexOf(HEAD_END); end >= 0 && !hung; end = buffered.indexOf(HEAD_END)) {
        const request = parseHead(buffered.slice(0, end), connection)
        buffered = buffered.slice(end + HEAD_END.length)
        requests.push(request)
        const answer = current(request)
        if (typeof answer === 'object' && 'hang' in answer) hung = true
        else if (typeof answer === 'object' && 'close' in answer) {
          socket.end(answer.write)
          hung = true // nothing more is read from a connection being closed
        } else socket.write(answer)
      }
    })
  })
  const sockets = trackSockets(server)
  const port = await listenOnLoopback(server)
  return {
    url: `https://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections
    },
    setHandler: (next) => (current = next),
    requestsTo: (path) => requests.filter((r) => r.path.split('?')[0] === path),
    close: () => closeServer(server, sockets)
  }
}

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  424: 'Failed Dependency',
  503: 'Service Unavailable'
}

/** A complete HTTP/1.1 response with a Content-Length, so the connection can be kept alive. */
export function httpResponse(status: number, body: string | Buffer = '', headers: Record<string, string> = {}): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')
  const lines = [`HTTP/1.1 ${status} ${REASONS[status] ?? 'Status'}`, `Content-Length: ${bytes.length}`]
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes])
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Buffer {
  return httpResponse(status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8', ...headers })
}
