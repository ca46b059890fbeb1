// run(): inputs -> token -> outputs -> smoke test -> summary. The one place that talks to @actions/core.
// az is started first; @actions/core, the smoke test (undici, TLS) and its connection all load while az runs.
import { findAz, startAz, parseAzOutput, classifyAzFailure, splitAzStderr } from './azure-cli.ts'
import type { DicomConnection, Log, SmokeTestReport } from './changefeed.ts'
import { ActionError, describeFailure, describeUnexpected } from './errors.ts'
import { inputsFromEnv } from './inputs.ts'
import type { Config } from './inputs.ts'
import { issueToken, smokeTestOutputs, tokenOutputs } from './outputs.ts'
import type { IssuedToken, Outputs } from './outputs.ts'
import { SUMMARY_HEADING, summaryRows } from './summary.ts'
import type { SummaryRow } from './summary.ts'
import { describePrincipal, formatExpiry, redactToken, tokenWarnings } from './token.ts'

type Core = typeof import('@actions/core')

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let token: string | undefined
  let connection: Promise<DicomConnection> | undefined
  const loadCore = (): Promise<Core> => import('@actions/core')
  try {
    const config = inputsFromEnv(env)
    const az = startAz(await findAz(), config)
    await az.started
    if (config.smokeTest && config.dicomBaseUrl) {
      const dicomBaseUrl = config.dicomBaseUrl
      connection = import('./changefeed.ts').then(({ openDicomConnection }) => openDicomConnection(dicomBaseUrl, config.timeoutMs, env))
      connection.catch(() => undefined) // awaited later; a failure here must not crash the step while az runs
    }
    const core = await loadCore()
    const result = await az.result
    const issued = result.exitCode === 0 ? issueToken(parseAzOutput(result.stdout)) : undefined
    if (issued) {
      token = issued.az.accessToken
      core.setSecret(token) // before any other line is printed
    }
    for (const warning of splitAzStderr(result.stderr).warnings) core.debug(redactToken(`az: ${warning}`, token))
    if (!issued) throw classifyAzFailure(result, config)

    setOutputs(core, tokenOutputs(config, issued))
    if (config.exportVariable) core.exportVariable(config.exportVariable, issued.az.accessToken)
    logToken(core, config.resource, issued)

    const report = connection ? await checkChangefeed(connection, config, issued, core) : undefined
    setOutputs(core, smokeTestOutputs(report))
    await writeSummary(core, summaryRows(config, issued, report))
    if (report?.failure) throw report.failure
    if (report)
      core.info(
        `Smoke test passed: the change feed answered in ${Math.round(report.elapsedMs)} ms; latest sequence ${report.latestSequence ?? 0}.`
      )
  } catch (error) {
    const core = await loadCore()
    if (error instanceof ActionError) {
      core.setFailed(redactToken(describeFailure(error, env), token))
    } else {
      core.debug(redactToken(error instanceof Error ? (error.stack ?? error.message) : String(error), token))
      core.setFailed(redactToken(describeUnexpected(error), token))
    }
  } finally {
    await (await connection?.catch(() => undefined))?.close()
  }
}

/** The summary is a courtesy: a runner without one (local runs, old runners) must not fail a step that worked. */
async function writeSummary(core: Core, rows: SummaryRow[]): Promise<void> {
  try {
    await core.summary.addHeading(SUMMARY_HEADING, 3).addTable(rows).write()
  } catch (error) {
    core.debug(`No job summary written: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function checkChangefeed(
  connection: Promise<DicomConnection>,
  config: Config,
  issued: IssuedToken,
  log: Log
): Promise<SmokeTestReport> {
  const { runSmokeTest } = await import('./changefeed.ts')
  return runSmokeTest({ connection, config, token: issued.az.accessToken, claims: issued.claims, expiresAtMs: issued.expiresAtMs, log })
}

function setOutputs(core: Core, outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

function logToken(core: Log, resource: string, issued: IssuedToken): void {
  const { claims, expiresAtMs } = issued
  const who = `${describePrincipal(claims) ?? 'unknown principal'}, tenant ${issued.tenantId ?? 'unknown'}`
  const expiry =
    expiresAtMs === undefined ? 'unknown' : `${formatExpiry(expiresAtMs)} (in ${Math.round((expiresAtMs - Date.now()) / 60000)} min)`
  core.info(`Got a token for ${resource} (audience ${claims.audience ?? 'unknown'}; ${who}); it expires ${expiry}.`)
  for (const warning of tokenWarnings(claims, resource, expiresAtMs, Date.now())) core.warning(warning)
}
