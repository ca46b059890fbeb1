// Where the token comes from: az (the default), or with client-id a federated exchange of the job's OIDC token with
// Entra ID, without az. After az fails with AADSTS700024 (azure/login's OIDC token has expired) the same exchange is
// made as az's own service principal, when az says which one that is and the job can ask GitHub for a fresh token.
import { unlessCancelled } from '../cancellation.ts'
import type { Cancellation } from '../cancellation.ts'
import { ActionError } from '../errors.ts'
import type { Config } from '../inputs.ts'
import type { Log } from '../log.ts'
import type { Runner } from '../runner.ts'
import { issueToken } from '../token.ts'
import type { IssuedToken } from '../token.ts'
import { classifyAzFailure, parseAzOutput, splitAzStderr } from './azure-cli/output.ts'
import type { AzResult } from './azure-cli/output.ts'
import { findAz, runAz, startAz } from './azure-cli/run.ts'
import type { AzRun } from './azure-cli/run.ts'
import { AUTHORITY_HOST_VARIABLE, chooseAuthority } from './federated/authority.ts'
import { fallbackPrecondition, planFallback, withoutFallback } from './federated/fallback.ts'
import type { FederatedIdentity } from './federated/request.ts'
import { signInFederated } from './federated/sign-in.ts'

/** A sign-in under way: started before the runner is needed, finished with it. */
export interface PendingSignIn {
  /** The token, masked before anything else is printed; or the failure, or the runner's cancel. */
  finish(runner: Runner, cancel: Cancellation): Promise<IssuedToken>
}

type Env = Record<string, string | undefined>

/**
 * Starts getting the token. az is started at once, so the smoke test loads and connects while it runs; the direct
 * mode only checks its authority here, so a bad AZURE_AUTHORITY_HOST is refused before anything runs.
 */
export async function startSignIn(config: Config, env: Env): Promise<PendingSignIn> {
  const { clientId, tenant } = config
  if (clientId !== undefined && tenant !== undefined) {
    const identity = { clientId, tenant, authority: chooseAuthority(env) }
    return {
      finish: (runner, cancel) =>
        unlessCancelled(
          federatedToken(identity, config, env, runner),
          cancel,
          'while the token was requested',
          'no token was issued'
        )
    }
  }
  const azPath = await findAz()
  const startedMs = Date.now()
  const run = startAz(azPath, config)
  await run.started
  return { finish: (runner, cancel) => azToken({ azPath, startedMs, run }, config, env, runner, cancel) }
}

/** The exchange, and the access token masked the moment it is there. */
async function federatedToken(
  identity: FederatedIdentity,
  config: Config,
  env: Env,
  runner: Runner
): Promise<IssuedToken> {
  const issued = await signInFederated({
    identity,
    resource: config.resource,
    audience: config.audience,
    deadlineMs: Date.now() + config.timeoutMs,
    timeoutMs: config.timeoutMs,
    env,
    runner
  })
  runner.mask(issued.value) // before any other line is printed
  return issued
}

interface AzSignIn {
  azPath: string
  startedMs: number
  run: AzRun
}

/** The token az printed, masked before any other line is printed; or the fallback, or the failure in az's words. */
async function azToken(
  az: AzSignIn,
  config: Config,
  env: Env,
  runner: Runner,
  cancel: Cancellation
): Promise<IssuedToken> {
  const result = await unlessCancelled(
    az.run.result,
    cancel,
    'while az account get-access-token ran',
    'az was stopped',
    () => az.run.stop()
  )
  const issued = result.exitCode === 0 ? issueToken(parseAzOutput(result.stdout)) : undefined
  if (issued) runner.mask(issued.value) // before any other line is printed
  logAzRun(runner, az, result)
  if (issued) return issued
  const failure = classifyAzFailure(result, config)
  const precondition = fallbackPrecondition(failure, env)
  if (!precondition.possible) throw precondition.reason ? withoutFallback(failure, precondition.reason) : failure
  return fallBack(az.azPath, failure, config, env, runner)
}

function logAzRun(log: Log, { azPath, startedMs }: AzSignIn, result: AzResult): void {
  const ended = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`
  log.debug(`az (${azPath}) ended with ${ended} after ${Date.now() - startedMs} ms.`)
  for (const warning of splitAzStderr(result.stderr).warnings) log.debug(`az: ${warning}`)
}

/** What az says it is signed in as, and to which cloud: bounded like az's own run, and never printed. */
async function azAccount(azPath: string, env: Env, deadlineMs: number): Promise<{ account: string; cloud?: string }> {
  const show = async (args: string[]): Promise<string | undefined> => {
    const result = await runAz(`"${azPath}"`, [...args, '--output', 'json'], Math.max(1, deadlineMs - Date.now()))
      .result
    return result.exitCode === 0 ? result.stdout : undefined
  }
  const account = (await show(['account', 'show'])) ?? ''
  // The authority is AZURE_AUTHORITY_HOST when it is set: az's cloud is then not needed.
  const cloud = env[AUTHORITY_HOST_VARIABLE] ? undefined : await show(['cloud', 'show'])
  return { account, cloud }
}

/** After AADSTS700024: the same exchange as az's service principal, with a fresh OIDC token; or az's error. */
async function fallBack(
  azPath: string,
  failure: ActionError,
  config: Config,
  env: Env,
  runner: Runner
): Promise<IssuedToken> {
  const deadlineMs = Date.now() + config.timeoutMs
  const { account, cloud } = await azAccount(azPath, env, deadlineMs)
  const decision = planFallback(account, cloud, env)
  if ('reason' in decision) throw withoutFallback(failure, decision.reason)
  const { plan } = decision
  runner.debug(`az failed with AADSTS700024; exchanging a fresh OIDC token as client ${plan.clientId} instead.`)
  let issued: IssuedToken
  try {
    issued = await signInFederated({
      identity: plan,
      resource: config.resource,
      audience: config.audience,
      deadlineMs,
      timeoutMs: config.timeoutMs,
      env,
      runner
    })
  } catch (error) {
    if (!(error instanceof ActionError)) throw error
    throw new ActionError(
      error.kind,
      `az's sign-in had expired (AADSTS700024), and the federated exchange that replaces it failed: ${error.message}`,
      error.fix
    )
  }
  runner.mask(issued.value) // before any other line is printed
  runner.info(
    `az could not get the token: the OIDC token azure/login gave it had expired (AADSTS700024; GitHub's lasts 5 ` +
      `minutes). A fresh OIDC token from GitHub was exchanged with Entra ID as client ${plan.clientId} instead.`
  )
  return issued
}
