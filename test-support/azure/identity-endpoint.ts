// Loopback managed-identity endpoint (the MSI_ENDPOINT that az 2.45 POSTs to): plain http on 127.0.0.1,
// issuing JWT-shaped tokens for exactly the resource asked, with switchable faults for error-path tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { accessTokenClaims, makeJwt } from './jwt.ts'
import { closeServer, listenOnLoopback, sendJson, trackSockets } from '../net/loopback-server.ts'

export type IdentityFault = 'none' | 'server-error' | 'bad-request' | 'refuse'

export interface IdentityRequest {
  method: string
  resource: string
  headers: Record<string, string | string[] | undefined>
  at: number
}

export interface IdentityEndpoint {
  url: string
  requests: IdentityRequest[]
  issued: string[]
  tenantId: string
  objectId: string
  appId: string
  setFault(fault: IdentityFault): void
  setLifetimeSeconds(seconds: number): void
  close(): Promise<void>
}

export interface IdentityEndpointOptions {
  tenantId?: string
  objectId?: string
  appId?: string
  lifetimeSeconds?: number
}

// Fixed so that failures are reproducible; random-looking so that no test mistakes them for real ones.
export const DEFAULT_TENANT_ID = '7d3c1a52-96f4-4b1e-8a0d-2f5e9c6b4a13'
export const DEFAULT_OBJECT_ID = 'c0b5e8d1-3a47-4f26-9e1b-85d2a7f06c94'
export const DEFAULT_APP_ID = '4e9a2f70-b1c3-4d58-a6e7-19f03b8c5d21'

const TOKEN_PATH = '/msi/token'
// Large enough for any resource URI, small enough that a runaway client cannot fill memory.
const MAX_BODY_BYTES = 64 * 1024

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startIdentityEndpoint(options: IdentityEndpointOptions = {}): Promise<IdentityEndpoint> {
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID
  const objectId = options.objectId ?? DEFAULT_OBJECT_ID
  const appId = options.appId ?? DEFAULT_APP_ID
  let lifetimeSeconds = options.lifetimeSeconds ?? 3600
  let fault: IdentityFault = 'none'
  const requests: IdentityRequest[] = []
  const issued: string[] = []

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const body = method === 'POST' ? await readBody(req) : ''
    // az sends a form body on POST; the query is accepted too because other MSI clients use GET.
    const resource = new URLSearchParams(body).get('resource') ?? url.searchParams.get('resource') ?? ''
    requests.push({ method, resource, headers: { ...req.headers }, at: Date.now() })

    if (url.pathname !== TOKEN_PATH) {
      sendJson(res, 404, { error: 'not_found', error_description: `no such path: ${url.pathname}` })
      return
    }
    if (resource === '') {
      sendJson(res, 400, { error: 'invalid_request', error_description: 'Required query variable resource is missing' })
      return
    }
    if (fault === 'server-error') {
      sendJson(res, 500, {
        error: 'internal_error',
        error_description: 'Loopback identity endpoint: simulated internal error'
      })
      return
    }
    if (fault === 'bad-request') {
      sendJson(res, 400, {
        error: 'invalid_resource',
        error_description:
          `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${tenantId}. ` +
          'This can happen if the application has not been installed by the administrator of the tenant or ' +
          'consented to by any user in the tenant. ' +
          'You might have sent your authentication request to the wrong tenant.'
      })
      return
    }

    const nowSeconds = Math.floor(Date.now() / 1000)
    const token = makeJwt(
      accessTokenClaims({ audience: resource, tenantId, objectId, appId, lifetimeSeconds }, nowSeconds)
    )
    issued.push(token)
    sendJson(res, 200, {
      access_token: token,
      expires_on: String(nowSeconds + lifetimeSeconds),
      expires_in: String(lifetimeSeconds),
      token_type: 'Bearer',
      resource,
      client_id: appId
    })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'loopback_failure', error_description: String(error) })
      else res.destroy()
    })
  })
  const sockets = trackSockets(server)
  const port = await listenOnLoopback(server)
  // A re-listen after 'refuse' may fail if the port was taken meanwhile; keep that error for close() to report.
  let relistenError: Error | undefined
  server.on('error', (error) => {
    relistenError = error
  })

  return {
    url: `http://127.0.0.1:${port}${TOKEN_PATH}`,
    requests,
    issued,
    tenantId,
    objectId,
    appId,
    setFault(next: IdentityFault): void {
      // Closing the handle stops accepting at once; destroying kept-alive sockets makes the refusal immediate too.
      if (next === 'refuse') void closeServer(server, sockets)
      else if (fault === 'refuse' && !server.listening) server.listen(port, '127.0.0.1')
      fault = next
    },
    setLifetimeSeconds(seconds: number): void {
      lifetimeSeconds = seconds
    },
    async close(): Promise<void> {
      fault = 'refuse'
      await closeServer(server, sockets)
      if (relistenError !== undefined)
        throw new Error(`identity endpoint could not listen again on port ${port}: ${relistenError.message}`)
    }
  }
}
