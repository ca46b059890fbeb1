// The token request of Entra ID's client credentials flow with a federated credential: the GitHub OIDC token is the
// client assertion. Pure; exchange.ts sends it.
import type { Authority } from './authority.ts'

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
/** azure/login's default for its `audience` input, and the audience every Entra federated credential starts with. */
export const DEFAULT_OIDC_AUDIENCE = 'api://AzureADTokenExchange'

export interface FederatedIdentity {
  /** The app registration's or user-assigned managed identity's client ID. */
  clientId: string
  /** A tenant ID or domain. */
  tenant: string
  authority: Authority
}

export interface TokenRequest {
  url: URL
  /** application/x-www-form-urlencoded. Holds the OIDC token: sent to `url` only, never printed. */
  body: string
}

/** The token endpoint of the tenant at the authority: `<authority>/<tenant>/oauth2/v2.0/token`. */
export function tokenEndpoint(identity: Pick<FederatedIdentity, 'authority' | 'tenant'>): URL {
  return new URL(`${identity.authority.url}/${encodeURIComponent(identity.tenant)}/oauth2/v2.0/token`)
}

/**
 * The scope for one resource, as az makes it from `--resource`: the resource with `/.default` appended, a trailing
 * slash kept (`https://management.core.windows.net/` gives `…//.default`, which is what Entra expects for it).
 */
export function scopeFor(resource: string): string {
  return `${resource}/.default`
}

export function tokenRequest(identity: FederatedIdentity, resource: string, oidcToken: string): TokenRequest {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: identity.clientId,
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: oidcToken,
    scope: scopeFor(resource)
  })
  return { url: tokenEndpoint(identity), body: form.toString() }
}
