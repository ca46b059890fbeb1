// What went wrong with the federated exchange, as one actionable error (pure): Entra ID's AADSTS codes, the authority
// unreachable or unavailable, an answer that is not Entra's. Entra's own words are quoted, cleaned of anything that
// looks like a secret; the OIDC token's subject, issuer and audience are named, since a credential must match them.
import { DEFAULT_RESOURCE } from '../../dicom-service.ts'
import { ActionError } from '../../errors.ts'
import { quote } from '../../print.ts'
import type { GiveUpReason } from '../../retry.ts'
import { readEntraError } from './answers.ts'
import type { EntraError } from './answers.ts'
import { isTlsError } from '../../tls.ts'
import type { TokenExchange } from './exchange.ts'
import type { PresentedIdentity } from './oidc.ts'
import { GITHUB_OIDC_ISSUER } from './oidc.ts'
import type { FederatedIdentity } from './request.ts'

const MAX_QUOTED_CHARS = 400

export interface ExchangeContext {
  identity: FederatedIdentity
  presented: PresentedIdentity
  resource: string
  /** The audience the OIDC token was asked for. */
  audience: string
  timeoutMs: number
}

/** A value for a POSIX shell command line, single-quoted. */
export function shellQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** A credential name Entra accepts (letters, digits, '-' and '_', 3 to 120 characters), made from the subject. */
export function credentialName(subject: string): string {
  const name = subject
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
  return name.length >= 3 ? name : 'github-actions'
}

/** The commands that add the credential the job's token would match: for an app, and for a managed identity. */
export function federatedCredentialCommands(clientId: string, presented: Required<PresentedIdentity>): string[] {
  const name = credentialName(presented.subject)
  const parameters = JSON.stringify({
    name,
    issuer: presented.issuer,
    subject: presented.subject,
    audiences: [presented.audience]
  })
  return [
    `az ad app federated-credential create --id ${shellQuoted(clientId)} --parameters ${shellQuoted(parameters)}`,
    `az identity federated-credential create --name ${shellQuoted(name)} --identity-name <identity-name> ` +
      `--resource-group <resource-group> --issuer ${shellQuoted(presented.issuer)} ` +
      `--subject ${shellQuoted(presented.subject)} --audiences ${shellQuoted(presented.audience)}`
  ]
}

function presentedOrDefaults(context: ExchangeContext): Required<PresentedIdentity> {
  const { presented } = context
  return {
    subject: presented.subject ?? '<subject>',
    issuer: presented.issuer ?? GITHUB_OIDC_ISSUER,
    audience: presented.audience ?? context.audience
  }
}

function noMatchingCredential(code: string, said: string, context: ExchangeContext): ActionError {
  const presented = presentedOrDefaults(context)
  const [forApp = '', forIdentity = ''] = federatedCredentialCommands(context.identity.clientId, presented)
  return new ActionError(
    'federated-no-credential',
    `Entra ID found no federated credential of client ${context.identity.clientId} that matches the job's OIDC ` +
      `token (AADSTS${code}): the token presented subject '${presented.subject}', issuer '${presented.issuer}' and ` +
      `audience '${presented.audience}' — Entra said: ${said}`,
    `Add a federated credential with exactly these values (subjects are compared case-sensitively). For an app ` +
      `registration: ${forApp} — for a user-assigned managed identity: ${forIdentity}`
  )
}

/** The error for an AADSTS code, with Entra's own words. */
function aadstsError(entra: EntraError, status: number, context: ExchangeContext): ActionError {
  const { clientId, tenant } = context.identity
  const code = entra.codes[0] ?? ''
  const said = saidByEntra(entra)
  if (code === '700213' || code === '70021') return noMatchingCredential(code, said, context)
  if (code === '700016') {
    return new ActionError(
      'federated-client-not-found',
      `Entra ID has no application with client ID ${clientId} in tenant ${tenant} (AADSTS700016) — Entra said: ${said}`,
      `Check 'client-id' (the app registration's Application (client) ID, or the managed identity's Client ID) and ` +
        `'tenant' (the tenant it lives in).`
    )
  }
  if (code === '900023' || code === '90002') {
    return new ActionError(
      'federated-tenant-not-found',
      `Entra ID does not know the tenant '${tenant}' (AADSTS${code}) — Entra said: ${said}`,
      `Check 'tenant': the Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com, ` +
        `of the cloud the authority serves.`
    )
  }
  if (code === '500011') {
    return new ActionError(
      'resource-not-found',
      `Entra ID does not know the resource '${context.resource}' in this tenant (AADSTS500011) — Entra said: ${said}`,
      `Check the 'resource' input (the DICOM service's is ${DEFAULT_RESOURCE}) and that the tenant has an Azure ` +
        `Health Data Services workspace.`
    )
  }
  const what = code === '' ? `HTTP ${status}` : `AADSTS${code}`
  return new ActionError(
    'aad-error',
    `Entra ID refused the federated token request of client ${clientId} (${what}) — Entra said: ${said}`,
    code === ''
      ? 'Check the client-id, tenant and audience inputs.'
      : `Look up AADSTS${code} (https://login.microsoftonline.com/error?code=${code}) and check the client-id, ` +
          `tenant and audience inputs.`
  )
}

function saidByEntra(entra: EntraError): string {
  const words = quote(entra.description ?? entra.error, undefined, MAX_QUOTED_CHARS)
  const trace = entra.traceId ? ` (trace ID ${quote(entra.traceId, undefined, 80)})` : ''
  return `${words.replace(/[.\s]+$/, '')}${trace}.`
}

function tried(attempts: number, gaveUp: GiveUpReason | undefined, timeoutMs: number): string {
  const times = attempts === 1 ? 'once' : `${attempts} times`
  const within = gaveUp === 'retry-after-past-deadline' ? ', and it asked for a wait past the deadline' : ''
  return `tried ${times} within timeout-seconds (${Math.ceil(timeoutMs / 1000)} s)${within}`
}

const UNREACHABLE_FIX =
  'Check that the runner can reach the authority over https (a firewall or proxy may block it; AZURE_AUTHORITY_HOST ' +
  "names another cloud's host), and try again; a longer timeout-seconds rides out a short outage."

/** The authority could not be reached, spoke no TLS the runner trusts, or stayed unavailable. */
function unreachable(exchange: TokenExchange, context: ExchangeContext): ActionError {
  const { answer, attempts, gaveUp } = exchange
  const host = context.identity.authority.url
  const how = tried(attempts, gaveUp, context.timeoutMs)
  if (isTlsError(answer.errorCode)) {
    return new ActionError(
      'authority-unreachable',
      `The TLS connection to the Entra ID authority ${host} failed (${answer.errorCode ?? ''}); the OIDC token was ` +
        `not sent.`,
      'A TLS-inspecting proxy needs its CA in NODE_EXTRA_CA_CERTS; otherwise check AZURE_AUTHORITY_HOST names the ' +
        'real authority.'
    )
  }
  if (answer.errorCode !== undefined) {
    const what =
      answer.errorCode === 'TimeoutError' ? 'did not answer in time' : `could not be reached (${answer.errorCode})`
    return new ActionError('authority-unreachable', `The Entra ID authority ${host} ${what}: ${how}.`, UNREACHABLE_FIX)
  }
  const entra = readEntraError(answer.body)
  const said = entra ? ` — Entra said: ${saidByEntra(entra)}` : '.'
  return new ActionError(
    'authority-unreachable',
    `The Entra ID authority ${host} answered HTTP ${answer.status ?? '?'} (unavailable or throttled): ${how}${said}`,
    UNREACHABLE_FIX
  )
}

function unexpectedAnswer(exchange: TokenExchange, context: ExchangeContext): ActionError {
  const { status = 0, locationHost, body } = exchange.answer
  const host = context.identity.authority.url
  const fix =
    "Check that the authority (AZURE_AUTHORITY_HOST, or az's cloud) is Entra ID's host itself, e.g. " +
    'https://login.microsoftonline.com, and not a proxy, gateway or sign-in page in front of it.'
  if (status >= 300 && status < 400) {
    return new ActionError(
      'federated-answer',
      `The Entra ID authority ${host} answered the token request with a redirect (HTTP ${status}` +
        `${locationHost ? ` to ${quote(locationHost, undefined, 120)}` : ''}), which is not followed: the OIDC ` +
        `token goes to the token endpoint only.`,
      fix
    )
  }
  const shown = quote(body, undefined, 200)
  return new ActionError(
    'federated-answer',
    `The Entra ID authority ${host} answered the token request with HTTP ${status} and no Entra error` +
      `${shown === '' ? ' (an empty body)' : `: ${shown}`}.`,
    fix
  )
}

/** The one error for an exchange that did not end in a 200. */
export function diagnoseTokenExchange(exchange: TokenExchange, context: ExchangeContext): ActionError {
  const { answer } = exchange
  if (answer.errorCode === 'ERR_INSECURE_AUTHORITY') {
    return new ActionError(
      'authority-refused',
      `The authority ${context.identity.authority.url} is plain http to a host that is not loopback; the OIDC ` +
        `token was not sent.`,
      'Use the https authority of your cloud.'
    )
  }
  if (answer.errorCode !== undefined || exchange.gaveUp !== undefined) return unreachable(exchange, context)
  const status = answer.status ?? 0
  const entra = status >= 400 ? readEntraError(answer.body) : undefined
  if (entra) return aadstsError(entra, status, context)
  return unexpectedAnswer(exchange, context)
}
