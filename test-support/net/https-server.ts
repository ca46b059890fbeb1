// A loopback HTTPS server that remembers every socket, so close() can end hung requests and half-done handshakes, and
// so a test can drop a request with a real TCP reset.
import { createServer as createHttpsServer, type Server } from 'node:https'
import type { Socket } from 'node:net'
import { closeServer, listenOnLoopback, trackSocket, trackSockets } from './loopback-server.ts'

const KEEP_ALIVE_MS = 5000

export class TrackedHttpsServer {
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

  /** Listens on 127.0.0.1 and gives the server's https URL, without a trailing slash. */
  async listen(port = 0): Promise<string> {
    return `https://127.0.0.1:${await listenOnLoopback(this.server, port)}`
  }

  /** Drops the request's connection with a TCP reset where the platform allows it, else a plain destroy. */
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
