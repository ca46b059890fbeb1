// The connection the smoke test's requests go out on. It is opened while az is still running, so the TCP and TLS
// handshakes are done by the time the token arrives. Behind a proxy, the requests go through its CONNECT tunnel.
import net from 'node:net'
import type { Socket } from 'node:net'
import tls from 'node:tls'
import { buildConnector, Client, ProxyAgent } from 'undici'
import { isLoopbackHost } from '../dicom-service.ts'
import { ActionError } from '../errors.ts'
import { MAX_BODY_BYTES, requestTimeoutMs } from './exchange.ts'
import type { SendRequest } from './exchange.ts'
import { endpointOf, proxyFor } from './proxy.ts'
import type { Proxy } from './proxy.ts'

export interface DicomConnection {
  send: SendRequest
  /** The variable of the proxy the requests go through, if any (never its value: it may hold credentials). */
  proxyVariable?: string
  close(): Promise<void>
}

/**
 * Opens TCP+TLS to the DICOM host now. Behind a proxy (HTTPS_PROXY and friends, as runners set them) the requests go
 * through it, unless NO_PROXY lists the host.
 */
export function openDicomConnection(
  dicomBaseUrl: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env
): DicomConnection {
  const url = new URL(dicomBaseUrl)
  const secure = url.protocol === 'https:'
  const { hostname, port } = endpointOf(url)
  // inputs.ts refuses it first; this only keeps the rule where the connection is made.
  if (!secure && !isLoopbackHost(hostname)) throw new Error('plain http is only allowed to loopback hosts')
  const connectTimeoutMs = requestTimeoutMs(timeoutMs)
  const proxy = proxyFor(url, env)
  return proxy ? throughProxy(proxy, connectTimeoutMs) : direct(url, hostname, port, connectTimeoutMs)
}

/** Through the proxy's CONNECT tunnel: no head start, but the same requests, still TLS end to end. */
function throughProxy(proxy: Proxy, connectTimeoutMs: number): DicomConnection {
  if (!URL.canParse(proxy.uri)) {
    throw new ActionError(
      'smoke-network',
      `The proxy in ${proxy.variable} is not a URL the smoke test can use (its value is not shown: it may hold ` +
        `credentials).`,
      `Set ${proxy.variable} to http://<host>:<port>, or list the DICOM host in NO_PROXY.`
    )
  }
  const agent = new ProxyAgent({
    uri: proxy.uri,
    requestTls: { rejectUnauthorized: true },
    connect: { timeout: connectTimeoutMs },
    maxResponseSize: MAX_BODY_BYTES,
    connections: 1,
    pipelining: 2
  })
  return {
    send: (options) => agent.request(options),
    proxyVariable: proxy.variable,
    close: () => agent.destroy().catch(() => undefined)
  }
}

/** Straight to the service, on the socket opened while az runs; a later reconnect opens a socket of its own. */
function direct(url: URL, hostname: string, port: number, connectTimeoutMs: number): DicomConnection {
  const early = preconnect(hostname, port, url.protocol === 'https:', connectTimeoutMs)
  const fallback = buildConnector({ timeout: connectTimeoutMs, rejectUnauthorized: true })
  let handedOver = false
  const client = new Client(url.origin, {
    pipelining: 2,
    maxResponseSize: MAX_BODY_BYTES,
    connect: (options, callback) => {
      if (handedOver) {
        fallback(options, callback)
        return
      }
      handedOver = true
      void early.take().then((socket) => {
        if (socket) callback(null, socket)
        else fallback(options, callback)
      })
    }
  })
  return {
    send: (options) => client.request(options),
    close: async () => {
      early.discard()
      await client.destroy().catch(() => undefined)
    }
  }
}

interface EarlySocket {
  take(): Promise<Socket | undefined>
  discard(): void
}

function preconnect(hostname: string, port: number, secure: boolean, timeoutMs: number): EarlySocket {
  const socket: Socket = secure
    ? tls.connect({
        host: hostname,
        port,
        servername: net.isIP(hostname) ? undefined : hostname,
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: true // whatever NODE_TLS_REJECT_UNAUTHORIZED says: the token goes over this connection
      })
    : net.connect({ host: hostname, port })
  // Any failure here is only a missed head start: the request connects again and reports that error itself.
  const ignore = (): void => undefined
  socket.on('error', ignore)
  socket.setTimeout(timeoutMs, () => socket.destroy())
  const ready = new Promise<Socket | undefined>((resolve) => {
    socket.once(secure ? 'secureConnect' : 'connect', () => resolve(socket))
    socket.once('close', () => resolve(undefined))
  })
  return {
    take: async () => {
      const connected = await ready
      if (!connected || socket.destroyed || !socket.writable) return undefined
      socket.off('error', ignore)
      socket.setTimeout(0)
      return socket
    },
    discard: () => socket.destroy()
  }
}
