// The federated sign-in, start to end: ask GitHub for the job's OIDC token, exchange it with Entra ID for a token
// for the resource, and read the answer. The one shell around the pure steps beside it; main.ts calls it for the
// `client-id` mode and for the fallback after az's AADSTS700024.
import type { RetryClock } from '../../retry.ts'
import type { Runner } from '../../runner.ts'
import type { IssuedToken } from '../../token.ts'
import { issueFederatedToken } from './answers.ts'
import { diagnoseTokenExchange } from './diagnose.ts'
import { exchangeToken } from './exchange.ts'
import type { PostForm } from './exchange.ts'
import {
  ID_TOKEN_REQUEST_TOKEN,
  missingIdTokenVariables,
  noIdTokenPermission,
  presentedIdentity,
  requestOidcToken
} from './oidc.ts'
import type { GetIdToken } from './oidc.ts'
import { tokenRequest } from './request.ts'
import type { FederatedIdentity } from './request.ts'

export interface FederatedSignIn {
  identity: FederatedIdentity
  resource: string
  /** The audience to ask the OIDC token for. */
  audience: string
  /** The runner's log, its mask, and getIDToken, which masks the OIDC token before it returns it. */
  runner: Pick<Runner, 'info' | 'debug' | 'warning' | 'mask' | 'getIDToken'>
  /** The step's deadline (epoch ms): the OIDC token and every token request fit inside it. */
  deadlineMs: number
  timeoutMs: number
  env: Record<string, string | undefined>
  post?: PostForm
  clock?: RetryClock
}

export async function signInFederated(input: FederatedSignIn): Promise<IssuedToken> {
  const { identity, runner: log } = input
  const now = (): number => input.clock?.now() ?? Date.now()
  const missing = missingIdTokenVariables(input.env)
  if (missing.length > 0) throw noIdTokenPermission(missing, identity.clientId)
  // The request token is the runner's to guard, but any echo of it (in getIDToken's error, say) is removed too.
  input.runner.mask(input.env[ID_TOKEN_REQUEST_TOKEN] ?? '')
  // getIDToken masks the OIDC token before it returns it: nothing can print it before that.
  const getIdToken: GetIdToken = (audience) => input.runner.getIDToken(audience)
  const oidcToken = await requestOidcToken(getIdToken, input.audience, Math.max(1, input.deadlineMs - now()))
  const presented = presentedIdentity(oidcToken)
  const request = tokenRequest(identity, input.resource, oidcToken)
  log.debug(
    `Exchanging the job's OIDC token (subject '${presented.subject ?? 'unknown'}', audience ` +
      `'${presented.audience ?? input.audience}') at ${request.url.href} as client ${identity.clientId}.`
  )
  const exchange = await exchangeToken(request, {
    deadlineMs: input.deadlineMs,
    post: input.post,
    clock: input.clock,
    onRetry: (attempt, reason, delayMs) =>
      log.info(
        `POST ${request.url.href}: attempt ${attempt} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`
      )
  })
  const { answer } = exchange
  log.debug(
    `POST ${request.url.href}: ${answer.errorCode ?? `HTTP ${answer.status ?? '?'}`} in ` +
      `${Math.round(answer.latencyMs)} ms, attempt ${exchange.attempts}.`
  )
  if (answer.status !== 200 || answer.errorCode !== undefined) {
    throw diagnoseTokenExchange(exchange, {
      identity,
      presented,
      resource: input.resource,
      audience: input.audience,
      timeoutMs: input.timeoutMs
    })
  }
  return issueFederatedToken(answer.body ?? '', now(), identity)
}
