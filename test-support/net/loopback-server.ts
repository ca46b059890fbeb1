// The plumbing every loopback test server shares: listening on 127.0.0.1 only, closing without waiting on kept-alive or
// hung connections, answering JSON, and finding a port where nothing listens.
import type { ServerResponse } from 'node:http'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'

/**
 * Listens on 127.0.0.1 only, so nothing off the machine can reach a test server; resolves with the port (0 picks a free
 * one).
 */
export async function listenOnLoopback(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  return (server.address() as AddressInfo).port
}

/**
 * Keeps `socket` in `sockets` until it closes, for sockets that do not arrive through a server's 'connection' event.
 */
export function trackSocket(sockets: Set<Socket>, socket: Socket): void {
  sockets.add(socket)
  socket.once('close', () => sockets.delete(socket))
}

/**
 * The server's open connections: server.close() alone would wait for kept-alive and hung ones, so closeServer destroys
 * them.
 */
export function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => trackSocket(sockets, socket))
  return sockets
}

/**
 * Stops accepting at once and destroys the open sockets; resolves when the server has closed (at once if it was not
 * listening).
 */
export async function closeServer(server: Server, sockets: Iterable<Socket>): Promise<void> {
  const closed = server.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve()
  for (const socket of sockets) socket.destroy()
  await closed
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  // A stated length keeps keep-alive connections usable.
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text)
  })
  res.end(text)
}

/** A port on 127.0.0.1 with nothing listening: connecting to it is refused at once. */
export async function unusedLoopbackPort(): Promise<number> {
  const probe = createServer()
  const port = await listenOnLoopback(probe)
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
