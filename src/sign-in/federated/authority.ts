// Where the federated exchange sends the GitHub OIDC token: the Entra ID authority host. Pure.
// The token is a credential, so only https is accepted, or plain http to a loopback host (tests, emulators).
import { isLoopbackHost } from '../../dicom-service.ts'
import { ActionError } from '../../errors.ts'

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com'
/** The Azure SDKs' variable for the authority host; every @azure/identity credential honours it. */
export const AUTHORITY_HOST_VARIABLE = 'AZURE_AUTHORITY_HOST'

export interface Authority {
  /** The host's origin and path, without a trailing slash: `<url>/<tenant>/oauth2/v2.0/token` is the endpoint. */
  url: string
  /** Where it came from, for the log and for messages. */
  source: typeof AUTHORITY_HOST_VARIABLE | 'az cloud show' | 'default'
}

/**
 * Why a URL is not an authority the token may be sent to, or undefined when it is one. Credentials, a query or a
 * fragment in it are refused too: they would end up in log lines, and no authority host has them.
 */
export function authorityProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return 'it is not a URL'
  const url = new URL(value)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `its scheme is ${url.protocol.slice(0, -1)}`
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'it is plain http to a host that is not loopback, and the OIDC token would cross the network in clear'
  }
  if (url.username !== '' || url.password !== '') return 'it holds credentials'
  if (url.search !== '' || url.hash !== '') return 'it has a query or a fragment'
  return undefined
}

/** The value for a message: its origin and path when it is a URL without credentials, else nothing of it. */
function shown(value: string): string {
  if (!URL.canParse(value)) return 'its value is not shown'
  const url = new URL(value)
  if (url.username !== '' || url.password !== '') return 'its value is not shown'
  return `it is '${url.protocol}//${url.host}${url.pathname}'`
}

function normalise(value: string): string {
  const url = new URL(value)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * The authority: AZURE_AUTHORITY_HOST when set, else the Entra endpoint of the cloud az is signed in to (the fallback
 * only), else the global cloud's. A value that is not a safe authority is refused before any request is made.
 */
export function chooseAuthority(env: Record<string, string | undefined>, azActiveDirectory?: string): Authority {
  const fromEnv = env[AUTHORITY_HOST_VARIABLE]?.trim()
  if (fromEnv) {
    const problem = authorityProblem(fromEnv)
    if (problem) {
      throw new ActionError(
        'authority-refused',
        `The AZURE_AUTHORITY_HOST environment variable is not an authority the OIDC token can be sent to: ` +
          `${problem} (${shown(fromEnv)}); nothing was sent.`,
        "Set AZURE_AUTHORITY_HOST to your cloud's Entra ID host over https (for example " +
          'https://login.microsoftonline.com, https://login.microsoftonline.us or https://login.chinacloudapi.cn), or ' +
          'unset it.'
      )
    }
    return { url: normalise(fromEnv), source: AUTHORITY_HOST_VARIABLE }
  }
  if (azActiveDirectory !== undefined && azActiveDirectory.trim() !== '') {
    const problem = authorityProblem(azActiveDirectory.trim())
    if (problem) {
      throw new ActionError(
        'authority-refused',
        `The Entra endpoint of the cloud az is signed in to (az cloud show: endpoints.activeDirectory) is not an ` +
          `authority the OIDC token can be sent to: ${problem} (${shown(azActiveDirectory.trim())}); nothing was sent.`,
        `Register the cloud with an https active-directory endpoint (az cloud update --endpoint-active-directory), ` +
          'or set AZURE_AUTHORITY_HOST to its Entra ID host.'
      )
    }
    return { url: normalise(azActiveDirectory.trim()), source: 'az cloud show' }
  }
  return { url: DEFAULT_AUTHORITY_HOST, source: 'default' }
}
