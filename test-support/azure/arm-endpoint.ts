// Loopback HTTPS Azure Resource Manager listing one subscription: `az login --identity` always lists subscriptions,
// and the SDK refuses to send a bearer token over plain http, hence TLS with a self-signed certificate.
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { closeServer, listenOnLoopback, sendJson, trackSockets } from '../net/loopback-server.ts'

export interface ArmRequest {
  method: string
  path: string
  at: number
}

export interface ArmEndpoint {
  url: string
  subscriptionId: string
  requests: ArmRequest[]
  close(): Promise<void>
}

export interface ArmEndpointOptions {
  certificate: { cert: string; key: string }
  tenantId: string
  subscriptionId?: string
}

export const DEFAULT_SUBSCRIPTION_ID = '2b6f4d8e-1c9a-4e37-b5f0-6a3d9e7c1b48'
export const SUBSCRIPTION_DISPLAY_NAME = 'Loopback DICOM test subscription'

export async function startArmEndpoint(options: ArmEndpointOptions): Promise<ArmEndpoint> {
  const subscriptionId = options.subscriptionId ?? DEFAULT_SUBSCRIPTION_ID
  const requests: ArmRequest[] = []

  const subscription = {
    id: `/subscriptions/${subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId,
    tenantId: options.tenantId,
    displayName: SUBSCRIPTION_DISPLAY_NAME,
    state: 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off'
    }
  }

  const server: Server = createServer(
    { cert: options.certificate.cert, key: options.certificate.key },
    (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1')
      const method = req.method ?? 'GET'
      requests.push({ method, path: req.url ?? '/', at: Date.now() })
      // Drain any body so that keep-alive connections stay usable.
      req.resume()
      const path = url.pathname.replace(/\/+$/, '').toLowerCase()
      if (method === 'GET' && path === '/subscriptions') {
        sendJson(res, 200, { value: [subscription], count: { type: 'Total', value: 1 } })
      } else if (method === 'GET' && path === `/subscriptions/${subscriptionId.toLowerCase()}`) {
        sendJson(res, 200, subscription)
      } else if (method === 'GET' && path === '/tenants') {
        sendJson(res, 200, {
          value: [{ id: `/tenants/${options.tenantId}`, tenantId: options.tenantId, tenantCategory: 'Home' }]
        })
      } else {
        sendJson(res, 404, {
          error: { code: 'NotFound', message: `The loopback ARM endpoint has no ${method} ${url.pathname}` }
        })
      }
    }
  )
  const sockets = trackSockets(server)
  const port = await listenOnLoopback(server)

  return {
    url: `https://127.0.0.1:${port}/`,
    subscriptionId,
    requests,
    close: () => closeServer(server, sockets)
  }
}
