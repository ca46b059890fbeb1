// A loopback HTTP proxy that only tunnels (CONNECT), the kind self-hosted runners sit behind. It records each
// CONNECT it was asked for, and can see nothing inside the tunnel: the TLS stays end to end.
import http from 'node:http'
import net from 'node:net'
import type { Socket } from 'node:net'

export interface ConnectProxy {
  url: string
  /** `host:port` targets and the headers of each CONNECT request. */
  tunnels: { target: string; headers: http.IncomingHttpHeaders }[]
  close(): Promise<void>
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: ConnectProxy['tunnels'] = []
  const sockets = new Set<Socket>()
  const server = http.createServer((_request, response) => {
    response.writeHead(405).end('only CONNECT')
  })
  server.on('connect', (request: http.IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? ''
    tunnels.push({ target, headers: request.headers })
    const [host = '', port = '443'] = target.split(/:(?=\d+$)/)
    const upstream = net.connect({ host, port: Number(port) }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => client.destroy())
      socket.on('close', () => sockets.delete(socket))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
