// A loopback HTTP proxy that only tunnels (CONNECT), the kind self-hosted runners sit behind. It records each
// CONNECT it was asked for, and can see nothing inside the tunnel: the TLS stays end to end.
import http from 'node:http'
import net from 'node:net'
import type { Socket } from 'node:net'
import { closeServer, listenOnLoopback, trackSocket } from './loopback-server.ts'

export interface ConnectProxy {
  url: string
  /** `host:port` targets and the headers of each CONNECT request. */
  tunnels: { target: string; headers: http.IncomingHttpHeaders }[]
  close(): Promise<void>
}

const PROXY_CHALLENGE = 'Proxy-Authenticate: Basic realm="corporate proxy"\r\n'

export interface ConnectProxyOptions {
  /**
   * Answer every CONNECT with this status line instead of tunnelling, e.g. '407 Proxy Authentication Required' (which
   * also gets a Proxy-Authenticate challenge), as a proxy that wants credentials does.
   */
  refuseWith?: string
}

export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const tunnels: ConnectProxy['tunnels'] = []
  const sockets = new Set<Socket>()
  const server = http.createServer((_request, response) => {
    response.writeHead(405).end('only CONNECT')
  })
  server.on('connect', (request: http.IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? ''
    tunnels.push({ target, headers: request.headers })
    trackSocket(sockets, client)
    if (options.refuseWith) {
      const challenge = options.refuseWith.startsWith('407') ? PROXY_CHALLENGE : ''
      client.on('error', () => client.destroy())
      client.end(`HTTP/1.1 ${options.refuseWith}\r\n${challenge}Content-Length: 0\r\nConnection: close\r\n\r\n`)
      return
    }
    const [host = '', port = '443'] = target.split(/:(?=\d+$)/)
    const upstream = net.connect({ host, port: Number(port) }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      trackSocket(sockets, socket)
      socket.on('error', () => client.destroy())
    }
  })
  const port = await listenOnLoopback(server)
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () => closeServer(server, sockets)
  }
}
