// A loopback HTTP proxy for the real az that lets exactly one host through, to a loopback server: MSAL (inside az)
// asks https://login.microsoftonline.com/common/discovery/instance about any authority it does not know, even a
// loopback one, and az 2.45 has no switch to stop it. With HTTPS_PROXY at this proxy and a certificate for that host
// in REQUESTS_CA_BUNDLE, the question reaches the loopback Entra instead. Every other target is refused (403) and
// recorded, so nothing az does can reach the network unseen.
import http from 'node:http'
import net from 'node:net'
import type { Socket } from 'node:net'
import { closeServer, listenOnLoopback, trackSocket } from '../net/loopback-server.ts'

export const MSAL_DISCOVERY_HOST = 'login.microsoftonline.com'

export interface DiscoveryProxy {
  url: string
  /** Every CONNECT target (`host:port`) and plain-http URL asked for, in order. */
  asked: string[]
  /** The ones refused. */
  refused: string[]
  close(): Promise<void>
}

export interface DiscoveryProxyOptions {
  /** `host:port` targets to send to a loopback port, e.g. { 'login.microsoftonline.com:443': 4321 }. */
  routes: Record<string, number>
}

export async function startDiscoveryProxy(options: DiscoveryProxyOptions): Promise<DiscoveryProxy> {
  const asked: string[] = []
  const refused: string[] = []
  const sockets = new Set<Socket>()
  const server = http.createServer((request, response) => {
    asked.push(request.url ?? '')
    refused.push(request.url ?? '')
    response.writeHead(403, { 'Content-Length': 0, Connection: 'close' }).end()
  })
  server.on('connect', (request: http.IncomingMessage, client: Socket, head: Buffer) => {
    const target = (request.url ?? '').toLowerCase()
    asked.push(target)
    trackSocket(sockets, client)
    client.on('error', () => client.destroy())
    const port = options.routes[target]
    if (port === undefined) {
      refused.push(target)
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
      return
    }
    const upstream = net.connect({ host: '127.0.0.1', port }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    trackSocket(sockets, upstream)
    upstream.on('error', () => client.destroy())
  })
  const port = await listenOnLoopback(server)
  return { url: `http://127.0.0.1:${port}`, asked, refused, close: () => closeServer(server, sockets) }
}
