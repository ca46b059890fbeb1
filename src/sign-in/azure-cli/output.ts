// What `az account get-access-token` printed, read (pure): the token JSON of either CLI generation on stdout,
// warnings apart from errors on stderr, and a failure turned into the error a person can act on.
import { DEFAULT_RESOURCE } from '../../dicom-service.ts'
import { ActionError } from '../../errors.ts'
import type { FailureKind } from '../../errors.ts'
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

/** The JSON object in `text`, or undefined when it is not one. */
function jsonObject(text: string): Record<string, unknown> | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Reads `az account get-access-token --output json`. Never echoes what it could not read: it may hold the token. */
export function parseAzOutput(stdout: string): AzAccessToken {
  const record = jsonObject(stdout)
  const accessToken = nonEmptyString(record?.accessToken)
  if (!record || accessToken === undefined) {
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
    tenant: nonEmptyString(record.tenant),
    subscription: nonEmptyString(record.subscription)
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

/** What a failed az run said, as the patterns below read it. */
interface AzFailure {
  /** az's error lines, quoted. */
  said: string
  /** `az said: …`, ending a sentence. */
  azSaid: string
  /** The first AADSTS code in what az said, digits only, or ''. */
  aadsts: string
  config: Pick<Config, 'resource' | 'tenant'>
}

/** A failure az reports in words: the first pattern that matches names the kind, the message and the fix. */
interface AzFailurePattern {
  /** Tested against the first AADSTS code when there is one, else against what az said. */
  aadsts?: RegExp
  said?: RegExp
  kind: FailureKind
  message: (failure: AzFailure) => string
  fix: (failure: AzFailure) => string
}

/** In order: an AADSTS code says most, then az's words, most specific first. */
const AZ_FAILURE_PATTERNS: readonly AzFailurePattern[] = [
  {
    aadsts: /^700024$/,
    kind: 'oidc-assertion-expired',
    message: ({ azSaid }) => `Entra ID refused the OIDC client assertion (AADSTS700024) — ${azSaid}`,
    fix: () =>
      "With OIDC, azure/login signs in with GitHub's ID token, which lasts about 5 minutes, and az uses it again " +
      'for this token: run this action soon after azure/login (or run azure/login again right before it).'
  },
  {
    aadsts: /^500011$/,
    kind: 'resource-not-found',
    message: ({ azSaid, config }) =>
      `Entra ID does not know the resource '${config.resource}' in this tenant (AADSTS500011) — ${azSaid}`,
    fix: () =>
      `Check the 'resource' input (the DICOM service's is ${DEFAULT_RESOURCE}) and that the tenant you log in to ` +
      `has an Azure Health Data Services workspace.`
  },
  {
    aadsts: /^\d+$/,
    kind: 'aad-error',
    message: ({ azSaid, aadsts }) => `Entra ID refused the token request (AADSTS${aadsts}) — ${azSaid}`,
    fix: ({ aadsts }) =>
      `Look up AADSTS${aadsts} (https://login.microsoftonline.com/error?code=${aadsts}) and check the ` +
      `credentials azure/login used.`
  },
  {
    said: /Tenant shouldn't be specified for managed identity/i,
    kind: 'tenant-with-managed-identity',
    message: ({ azSaid }) =>
      `A tenant was given, but az is logged in with a managed identity, which cannot ask another tenant for ` +
      `tokens — ${azSaid}`,
    fix: ({ config }) =>
      `Remove the 'tenant' input (the managed identity's own tenant is used), or log in with a service principal ` +
      `of tenant '${config.tenant ?? ''}'.`
  },
  {
    said: /az login|az account set|No subscription found|Please run 'az login'/i,
    kind: 'az-not-logged-in',
    message: ({ azSaid }) => `The Azure CLI is not logged in — ${azSaid}`,
    fix: () =>
      'Run azure/login earlier in the same job (with OIDC: permissions id-token: write and client-id, tenant-id, ' +
      'subscription-id or allow-no-subscriptions), or az login on a self-hosted runner.'
  },
  {
    said: /MSI|managed identity|identity endpoint|IMDS/i,
    kind: 'identity-endpoint',
    message: ({ azSaid }) => `The managed identity endpoint did not give az a token — ${azSaid}`,
    fix: () =>
      'On a self-hosted runner with a managed identity, check the identity is assigned to the VM and the ' +
      'endpoint is reachable, or log in with azure/login instead. A 400 can also mean the resource is unknown in ' +
      "the tenant (az hides AADSTS500011 for managed identities): check the 'resource' input."
  },
  {
    said: NETWORK_PATTERNS,
    kind: 'az-network',
    message: ({ azSaid }) => `The Azure CLI could not reach Entra ID — ${azSaid}`,
    fix: () =>
      'Check the runner can reach login.microsoftonline.com (proxy settings: HTTPS_PROXY, REQUESTS_CA_BUNDLE for ' +
      'TLS-inspecting proxies) and try again.'
  }
]

function matches(pattern: AzFailurePattern, failure: AzFailure): boolean {
  if (failure.aadsts !== '') return pattern.aadsts?.test(failure.aadsts) ?? false
  return pattern.said?.test(failure.said) ?? false
}

/** Maps a failed az run to the error the user can act on, keeping az's own words (and any AADSTS code). */
export function classifyAzFailure(result: AzResult, config: Pick<Config, 'resource' | 'tenant'>): ActionError {
  const { errors } = splitAzStderr(result.stderr)
  const how = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`
  const said = errors.length > 0 ? quoteAz(errors) : `(no error text; ${how})`
  // az's lines do not always end a sentence; the fix that follows must not run into them.
  const azSaid = `az said: ${said}${/[.!?)]$/.test(said) ? '' : '.'}`
  const failure: AzFailure = { said, azSaid, aadsts: /AADSTS(\d+)/.exec(said)?.[1] ?? '', config }
  const pattern = AZ_FAILURE_PATTERNS.find((candidate) => matches(candidate, failure))
  if (pattern) return new ActionError(pattern.kind, pattern.message(failure), pattern.fix(failure))
  const ended = result.signal
    ? `az account get-access-token was stopped by signal ${result.signal}`
    : `az account get-access-token failed with exit code ${result.exitCode}`
  return new ActionError(
    'az-failed',
    `${ended} — ${azSaid}`,
    result.exitCode === 2
      ? 'Exit code 2 means az rejected its arguments: update the Azure CLI (2.30 or later) and check the ' +
          'tenant/subscription inputs.'
      : 'Check the inputs and that azure/login succeeded earlier in this job.'
  )
}
