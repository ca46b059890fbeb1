// What `az account get-access-token` printed, read (pure): the token JSON of either CLI generation on stdout,
// warnings apart from errors on stderr, and a failure turned into the error a person can act on.
import { DEFAULT_RESOURCE } from '../../dicom-service.ts'
import { ActionError } from '../../errors.ts'
import { quote } from '../../print.ts'
import type { Config } from '../../inputs.ts'

export interface AzAccessToken {
  accessToken: string
  /** From `expires_on` (epoch seconds), printed by az 2.54 and later. */
  expiresOnEpoch?: number
  tenant?: string
  subscription?: string
}

export interface AzResult {
  exitCode: number
  /** Set when az was ended by a signal (it then has no exit code). */
  signal?: string
  stdout: string
  stderr: string
}

/** Reads `az account get-access-token --output json`. Never echoes what it could not read: it may hold the token. */
export function parseAzOutput(stdout: string): AzAccessToken {
  let parsed: unknown
  try {
    parsed = JSON.parse(stdout)
  } catch {
    parsed = undefined
  }
  const record =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined
  const accessToken = record?.accessToken
  if (!record || typeof accessToken !== 'string' || accessToken === '') {
    throw new ActionError(
      'az-output',
      `az account get-access-token printed ${stdout.length} characters that are not the expected JSON with an ` +
        `accessToken (not shown: it may contain the token).`,
      'Make sure the az found on PATH is the Azure CLI itself (not a wrapper or shim), that no extension or ' +
        'upgrade prompt writes to its stdout, and that it is 2.30 or later.'
    )
  }
  // The runner masks a secret line by line, and undici sends only visible ASCII in a header: a token with whitespace,
  // control or non-ASCII characters could be neither hidden nor used.
  if (!/^[\x21-\x7e]+$/.test(accessToken)) {
    throw new ActionError(
      'az-output',
      `az account get-access-token printed an accessToken of ${accessToken.length} characters with whitespace, ` +
        `control or non-ASCII characters, which is not a usable token (not shown).`,
      'Make sure the az found on PATH is the Azure CLI itself (not a wrapper or shim) and that nothing rewrites ' +
        'its output.'
    )
  }
  const epoch = Number(record.expires_on)
  return {
    accessToken,
    expiresOnEpoch: record.expires_on !== undefined && Number.isFinite(epoch) ? epoch : undefined,
    tenant: typeof record.tenant === 'string' && record.tenant !== '' ? record.tenant : undefined,
    subscription:
      typeof record.subscription === 'string' && record.subscription !== '' ? record.subscription : undefined
  }
}

/** az writes `WARNING:` lines to stderr even on success: they belong in the debug log, not in errors. */
export function splitAzStderr(stderr: string): { warnings: string[]; errors: string[] } {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return {
    warnings: lines.filter((line) => line.startsWith('WARNING:')),
    errors: lines.filter((line) => !line.startsWith('WARNING:'))
  }
}

const MAX_QUOTED_CHARS = 400

/** az's own words, for the message: its error lines joined, without anything that looks like a secret, cut. */
function quoteAz(errors: string[]): string {
  return quote(errors.map((line) => line.replace(/^ERROR:\s*/, '')).join(' '), undefined, MAX_QUOTED_CHARS)
}

const NETWORK_PATTERNS = new RegExp(
  [
    'Failed to establish a new connection',
    'Max retries exceeded',
    'Name or service not known',
    'getaddrinfo',
    'Temporary failure in name resolution',
    'Connection (?:refused|reset|aborted)',
    'ConnectionError',
    'timed out',
    'SSLError',
    'certificate verify failed',
    'ProxyError'
  ].join('|'),
  'i'
)

/** Maps a failed az run to the error the user can act on, keeping az's own words (and any AADSTS code). */
export function classifyAzFailure(result: AzResult, config: Pick<Config, 'resource' | 'tenant'>): ActionError {
  const { errors } = splitAzStderr(result.stderr)
  const ended = result.signal
    ? `az account get-access-token was stopped by signal ${result.signal}`
    : `az account get-access-token failed with exit code ${result.exitCode}`
  const said =
    errors.length > 0
      ? quoteAz(errors)
      : `(no error text; ${result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`})`
  // az's lines do not always end a sentence; the fix that follows must not run into them.
  const azSaid = `az said: ${said}${/[.!?)]$/.test(said) ? '' : '.'}`
  const aadsts = /AADSTS(\d+)/.exec(said)
  if (aadsts?.[1] === '700024') {
    return new ActionError(
      'oidc-assertion-expired',
      `Entra ID refused the OIDC client assertion (AADSTS700024) — ${azSaid}`,
      "With OIDC, azure/login signs in with GitHub's ID token, which lasts about 5 minutes, and az uses it again " +
        'for this token: run this action soon after azure/login (or run azure/login again right before it).'
    )
  }
  if (aadsts?.[1] === '500011') {
    return new ActionError(
      'resource-not-found',
      `Entra ID does not know the resource '${config.resource}' in this tenant (AADSTS500011) — ${azSaid}`,
      `Check the 'resource' input (the DICOM service's is ${DEFAULT_RESOURCE}) and that the tenant you log in to ` +
        `has an Azure Health Data Services workspace.`
    )
  }
  if (aadsts) {
    return new ActionError(
      'aad-error',
      `Entra ID refused the token request (AADSTS${aadsts[1]}) — ${azSaid}`,
      `Look up AADSTS${aadsts[1]} (https://login.microsoftonline.com/error?code=${aadsts[1]}) and check the ` +
        `credentials azure/login used.`
    )
  }
  if (/Tenant shouldn't be specified for managed identity/i.test(said)) {
    return new ActionError(
      'tenant-with-managed-identity',
      `A tenant was given, but az is logged in with a managed identity, which cannot ask another tenant for ` +
        `tokens — ${azSaid}`,
      `Remove the 'tenant' input (the managed identity's own tenant is used), or log in with a service principal ` +
        `of tenant '${config.tenant ?? ''}'.`
    )
  }
  if (/az login|az account set|No subscription found|Please run 'az login'/i.test(said)) {
    return new ActionError(
      'az-not-logged-in',
      `The Azure CLI is not logged in — ${azSaid}`,
      'Run azure/login earlier in the same job (with OIDC: permissions id-token: write and client-id, tenant-id, ' +
        'subscription-id or allow-no-subscriptions), or az login on a self-hosted runner.'
    )
  }
  if (/MSI|managed identity|identity endpoint|IMDS/i.test(said)) {
    return new ActionError(
      'identity-endpoint',
      `The managed identity endpoint did not give az a token — ${azSaid}`,
      'On a self-hosted runner with a managed identity, check the identity is assigned to the VM and the ' +
        'endpoint is reachable, or log in with azure/login instead. A 400 can also mean the resource is unknown in ' +
        "the tenant (az hides AADSTS500011 for managed identities): check the 'resource' input."
    )
  }
  if (NETWORK_PATTERNS.test(said)) {
    return new ActionError(
      'az-network',
      `The Azure CLI could not reach Entra ID — ${azSaid}`,
      'Check the runner can reach login.microsoftonline.com (proxy settings: HTTPS_PROXY, REQUESTS_CA_BUNDLE for ' +
        'TLS-inspecting proxies) and try again.'
    )
  }
  return new ActionError(
    'az-failed',
    `${ended} — ${azSaid}`,
    result.exitCode === 2
      ? 'Exit code 2 means az rejected its arguments: update the Azure CLI (2.30 or later) and check the ' +
          'tenant/subscription inputs.'
      : 'Check the inputs and that azure/login succeeded earlier in this job.'
  )
}
