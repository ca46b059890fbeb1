// The job's GitHub OIDC token: whether the job may ask for one, asking for it within the step's deadline, and what it
// presents to Entra ID (its subject, issuer and audience: not secret, and what a federated credential must match).
import { ActionError } from '../../errors.ts'
import { quote } from '../../print.ts'

/** The runner sets both only for a job with `permissions: id-token: write`. */
export const ID_TOKEN_REQUEST_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL'
export const ID_TOKEN_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'

/** Asks GitHub for an OIDC token for `audience` (@actions/core's getIDToken, which also masks it). */
export type GetIdToken = (audience: string) => Promise<string>

/** The request variables the runner did not set; empty when the job may ask for an OIDC token. */
export function missingIdTokenVariables(env: Record<string, string | undefined>): string[] {
  return [ID_TOKEN_REQUEST_URL, ID_TOKEN_REQUEST_TOKEN].filter((name) => !env[name])
}

export function noIdTokenPermission(missing: string[], clientId: string): ActionError {
  return new ActionError(
    'no-id-token-permission',
    `The job cannot ask GitHub for an OIDC token to exchange as client ${clientId}: the runner did not set ` +
      `${missing.join(' or ')}, which it sets only for jobs allowed to.`,
    `Grant the job 'permissions: id-token: write' (a job's permissions block replaces the workflow's, so list ` +
      `'contents: read' there too if the job checks out code). Pull requests from forks never get an OIDC token.`
  )
}

/** What the OIDC token presents, read without verifying: Entra matches a federated credential against these. */
export interface PresentedIdentity {
  subject?: string
  issuer?: string
  audience?: string
}

const MAX_CLAIM_CHARS = 300

function claim(payload: Record<string, unknown>, name: string): string | undefined {
  const value = payload[name]
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : value
  return typeof text === 'string' && text !== '' ? quote(text, undefined, MAX_CLAIM_CHARS) : undefined
}

export function presentedIdentity(oidcToken: string): PresentedIdentity {
  const segment = oidcToken.split('.')[1]
  let payload: unknown
  try {
    payload = segment ? JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) : undefined
  } catch {
    payload = undefined
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return {}
  const record = payload as Record<string, unknown>
  return { subject: claim(record, 'sub'), issuer: claim(record, 'iss'), audience: claim(record, 'aud') }
}

function oidcFailure(detail: string): ActionError {
  return new ActionError(
    'oidc-token-failed',
    `GitHub did not give the job an OIDC token: ${detail}.`,
    'This is usually a passing problem of GitHub: re-run the job. If it persists, check ' +
      'https://www.githubstatus.com and that the job still has the id-token permission.'
  )
}

/**
 * Asks for the OIDC token, and gives up when the deadline passes: getIDToken has no timeout of its own. What it
 * answers is checked: the token goes into a form body and must be masked whole, so it must be visible ASCII.
 */
export async function requestOidcToken(getIdToken: GetIdToken, audience: string, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(oidcFailure(`it did not answer within ${Math.ceil(timeoutMs / 1000)} s`)),
      timeoutMs
    )
  })
  const asked = getIdToken(audience).catch((error: unknown) => {
    const said = quote(error instanceof Error ? error.message : String(error), undefined, 300)
    throw oidcFailure(`asking for one failed (${said.replace(/[.\s]+$/, '')})`)
  })
  asked.catch(() => undefined) // may still fail after the deadline won the race below
  try {
    const token = await Promise.race([asked, timeout])
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw oidcFailure(`its answer of ${token.length} characters is not a token (not shown)`)
    }
    return token
  } finally {
    clearTimeout(timer)
  }
}
