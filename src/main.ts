// run(): inputs -> token -> outputs -> smoke test -> summary. The one place that talks to @actions/core.
// az is started first; @actions/core, the smoke test (undici, TLS) and its connection all load while az runs.
import { parseAzOutput, classifyAzFailure, splitAzStderr } from './azure-cli/output.ts'
import { findAz, startAz } from './azure-cli/run.ts'
import { ActionError, describeFailure, describeUnexpected } from './errors.ts'
import { inputsFromEnv } from './inputs.ts'
import type { Config, DicomTarget } from './inputs.ts'
import type { Log } from './log.ts'
import { smokeTestOutputs, tokenOutputs } from './outputs.ts'
import type { Outputs } from './outputs.ts'
import type { DicomConnection } from './smoke-test/connection.ts'
import type { SmokeTestReport } from './smoke-test/report.ts'
import { SUMMARY_HEADING, summaryRows } from './summary.ts'
import type { SummaryRow } from './summary.ts'
import { describePrincipal, formatExpiry, issueToken, redactToken, tokenWarnings } from './token.ts'
import type { IssuedToken } from './token.ts'

type Core = typeof import('@actions/core')

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let token: string | undefined
  let connection: Promise<DicomConnection> | undefined
  const loadCore = (): Promise<Core> => import('@actions/core')
  try {
    const config = inputsFromEnv(env)
    const az = startAz(await findAz(), config)
    await az.started
    const smokeTarget = config.dicom?.smokeTest === 'read' ? config.dicom : undefined
    const smoke = smokeTarget && { dicom: smokeTarget, connection: connectEarly(smokeTarget, config.timeoutMs, env) }
    connection = smoke?.connection
    const core = await loadCore()

    const result = await az.result
    const issued = result.exitCode === 0 ? issueToken(parseAzOutput(result.stdout)) : undefined
    if (issued) {
      token = issued.value
      core.setSecret(token) // before any other line is printed
    }
    for (const warning of splitAzStderr(result.stderr).warnings) core.debug(redactToken(`az: ${warning}`, token))
    if (!issued) throw classifyAzFailure(result, config)

    setOutputs(core, tokenOutputs(config, issued))
    if (config.exportVariable) core.exportVariable(config.exportVariable, issued.value)
    logToken(core, config.resource, issued)

    const report = smoke && (await smokeTest(smoke, config, issued, core))
    setOutputs(core, smokeTestOutputs(report))
    await writeSummary(core, summaryRows(config, issued, report))
    if (report?.failure) throw report.failure
    if (report) {
      const { elapsedMs, latestSequence } = report
      core.info(`Smoke test passed: the change feed answered in ${Math.round(elapsedMs)} ms; latest sequence ${latestSequence ?? 0}.`)
    }
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

/** Loads the smoke test and opens its connection while az runs; a failure is reported by the smoke test itself. */
function connectEarly(dicom: DicomTarget, timeoutMs: number, env: NodeJS.ProcessEnv): Promise<DicomConnection> {
  const connection = import('./smoke-test/connection.ts').then(({ openDicomConnection }) =>
    openDicomConnection(dicom.baseUrl, timeoutMs, env)
  )
  connection.catch(() => undefined) // awaited later; a failure here must not crash the step while az runs
  return connection
}

async function smokeTest(
  { connection, dicom }: { connection: Promise<DicomConnection>; dicom: DicomTarget },
  config: Config,
  issued: IssuedToken,
  log: Log
): Promise<SmokeTestReport> {
  const { runSmokeTest } = await import('./smoke-test/run.ts')
  return runSmokeTest({ connection, dicom, timeoutMs: config.timeoutMs, issued, log })
}

/** The summary is a courtesy: a runner without one (local runs, old runners) must not fail a step that worked. */
async function writeSummary(core: Core, rows: SummaryRow[]): Promise<void> {
  try {
    await core.summary.addHeading(SUMMARY_HEADING, 3).addTable(rows).write()
  } catch (error) {
    core.debug(`No job summary written: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function setOutputs(core: Core, outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

function logToken(log: Log, resource: string, issued: IssuedToken): void {
  const { claims, expiresAtMs } = issued
  const who = `${describePrincipal(claims) ?? 'unknown principal'}, tenant ${issued.tenantId ?? 'unknown'}`
  const inMinutes = (ms: number): number => Math.round((ms - Date.now()) / 60000)
  const expiry = expiresAtMs === undefined ? 'unknown' : `${formatExpiry(expiresAtMs)} (in ${inMinutes(expiresAtMs)} min)`
  log.info(`Got a token for ${resource} (audience ${claims.audience ?? 'unknown'}; ${who}); it expires ${expiry}.`)
  for (const warning of tokenWarnings(claims, resource, expiresAtMs, Date.now())) log.warning(warning)
}
