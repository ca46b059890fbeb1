// Whether a failed az sign-in can be replaced by a fresh federated exchange (pure). az fails with AADSTS700024 when
// the OIDC token azure/login gave it has expired (it lasts 5 minutes); the job can ask GitHub for a new one and make
// the same exchange as the same service principal, if az says which one that is.
import { isGuid, isTenant } from '../../dicom-service.ts'
import { ActionError } from '../../errors.ts'
import { AUTHORITY_HOST_VARIABLE, chooseAuthority } from './authority.ts'
import { missingIdTokenVariables } from './oidc.ts'
import type { FederatedIdentity } from './request.ts'

/** Entra's code for a client assertion past its lifetime: azure/login's OIDC token, expired. */
export const ASSERTION_EXPIRED_CODE = '700024'
/** The cloud whose authority is the default one, as `az account show` names it. */
const GLOBAL_CLOUD = 'AzureCloud'
/** `az account show`'s user.name after `az login --identity`. */
const MANAGED_IDENTITY_NAMES = new Set(['systemAssignedIdentity', 'userAssignedIdentity'])

export type FallbackDecision = { plan: FederatedIdentity } | { reason: string }

/**
 * Whether az's failure is the one a fresh OIDC token fixes, and whether the job can get one. undefined: not this
 * failure, so nothing to fall back on; a reason: it is, but the job cannot ask for a token (said in the fix).
 */
export function fallbackPrecondition(
  azError: ActionError,
  env: Record<string, string | undefined>
): { possible: true } | { possible: false; reason?: string } {
  if (azError.kind !== 'oidc-assertion-expired') return { possible: false }
  const missing = missingIdTokenVariables(env)
  if (missing.length === 0) return { possible: true }
  return {
    possible: false,
    reason:
      `The action could have asked GitHub for a fresh OIDC token instead, but the runner did not set ` +
      `${missing.join(' or ')}: grant the job 'permissions: id-token: write' (as azure/login with OIDC needs ` +
      `anyway).`
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function parsedRecord(json: string | undefined): Record<string, unknown> | undefined {
  try {
    return asRecord(JSON.parse(json ?? ''))
  } catch {
    return undefined
  }
}

function field(object: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = object?.[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Who az is signed in as, from `az account show`: a service principal's client ID, or why there is none. */
function signedInClient(account: Record<string, unknown> | undefined): { clientId: string } | { reason: string } {
  if (!account) return { reason: 'az account show gave no account to fall back on.' }
  const user = asRecord(account.user)
  const type = field(user, 'type')
  const name = field(user, 'name') ?? ''
  if (MANAGED_IDENTITY_NAMES.has(name) || user?.assignedIdentityInfo !== undefined) {
    return {
      reason: 'az is signed in with a managed identity, which has no OIDC token to renew: nothing to fall back to.'
    }
  }
  if (type !== 'servicePrincipal') {
    return {
      reason:
        `az is signed in as a ${type ?? 'principal of unknown type'}, not a service principal with a federated ` +
        'credential: nothing to fall back to.'
    }
  }
  if (!isGuid(name)) return { reason: 'az account show names no client ID for its service principal.' }
  return { clientId: name }
}

/**
 * The exchange to make instead: as az's service principal (`user.name`), in its tenant (`tenantId`), at
 * AZURE_AUTHORITY_HOST or else the Entra endpoint of az's cloud (`az cloud show`: endpoints.activeDirectory).
 * Takes what az printed, untrusted; an authority that is not safe is refused (thrown) rather than skipped.
 */
export function planFallback(
  accountJson: string | undefined,
  cloudJson: string | undefined,
  env: Record<string, string | undefined>
): FallbackDecision {
  const account = parsedRecord(accountJson)
  const client = signedInClient(account)
  if ('reason' in client) return client
  const tenant = field(account, 'tenantId')
  if (tenant === undefined || !isTenant(tenant)) {
    return { reason: 'az account show names no tenant for its service principal.' }
  }
  const activeDirectory = field(asRecord(parsedRecord(cloudJson)?.endpoints), 'activeDirectory')
  if (
    !env[AUTHORITY_HOST_VARIABLE] &&
    activeDirectory === undefined &&
    field(account, 'environmentName') !== GLOBAL_CLOUD
  ) {
    return {
      reason:
        `az cloud show gave no Entra endpoint for az's cloud: set AZURE_AUTHORITY_HOST to it (for the global ` +
        'cloud, https://login.microsoftonline.com).'
    }
  }
  return { plan: { clientId: client.clientId, tenant, authority: chooseAuthority(env, activeDirectory) } }
}

/** az's own error, and after its fix (run azure/login again, or sooner), why the fallback could not be made. */
export function withoutFallback(azError: ActionError, reason: string): ActionError {
  return new ActionError(azError.kind, azError.message, `${azError.fix} ${reason}`)
}
