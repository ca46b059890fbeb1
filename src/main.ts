// run(): inputs -> token -> outputs -> smoke test -> summary. The one place that talks to the runner.
// az is started first; @actions/core (behind the runner), the smoke test (undici, TLS) and its connection load while
// az runs.
import type { Cancellation } from './cancellation.ts'
import { cancelled, listenForCancel, whenAborted } from './cancellation.ts'
import { parseAzOutput, classifyAzFailure, splitAzStderr } from './sign-in/azure-cli/output.ts'
import type { AzResult } from './sign-in/azure-cli/output.ts'
import { findAz, startAz } from './sign-in/azure-cli/run.ts'
import type { AzRun } from './sign-in/azure-cli/run.ts'
import { ActionError, describeFailure, describeUnexpected } from './errors.ts'
import { inputsFromEnv, runLabelFrom } from './inputs.ts'
import { checkNodeVersion } from './node-version.ts'
import type { Config, DicomTarget } from './inputs.ts'
import type { Log } from './log.ts'
import { smokeTestOutputs, tokenOutputs } from './outputs.ts'
import type { Outputs } from './outputs.ts'
import { checkRunnerFiles, loadRunner } from './runner.ts'
import type { Runner } from './runner.ts'
import type { DicomConnection } from './smoke-test/connection.ts'
import type { SmokeTestReport } from './smoke-test/report.ts'
import { LEFT_STUDY_STATE } from './state.ts'
import { SUMMARY_HEADING, summaryRows } from './summary.ts'
import { describePrincipal, formatExpiry, issueToken, tokenWarnings } from './token.ts'
import type { IssuedToken } from './token.ts'

export async function run(env: NodeJS.ProcessEnv = process.env, given?: Runner): Promise<void> {
  // Nothing is printed before the token is back, so core needs to be there only then (or for a refusal).
  let loading: Promise<Runner> | undefined = given && Promise.resolve(given)
  const runnerNow = (): Promise<Runner> => (loading ??= loadRunnerEarly())
  let connection: Promise<DicomConnection> | undefined
  // From now on the runner's SIGINT and SIGTERM cancel the step instead of ending Node at once.
  const cancel = listenForCancel()
  try {
    checkNodeVersion(process.versions.node)
    const config = inputsFromEnv(env)
    checkRunnerFiles(env, config.exportVariable !== undefined)
    const az = await startAzSignIn(config)
    void runnerNow()
    const smoke = connectEarly(config, env)
    connection = smoke?.connection
    const result = await azResultUnlessCancelled(az, cancel)
    const runner = await runnerNow()
    const issued = tokenFromAz(az, result, config, runner)

    setOutputs(runner, tokenOutputs(config, issued))
    if (config.exportVariable) runner.exportVariable(config.exportVariable, issued.value)
    logToken(runner, config.resource, issued)

    const report = smoke && (await smokeTest(smoke, { config, issued, runner, env, cancel }))
    if (report) logRequests(runner, report)
    setOutputs(runner, smokeTestOutputs(report))
    await writeSummary(runner, summaryRows(config, issued, report))
    if (report?.failure) throw report.failure
    if (report && cancel.by) throw cancelled(cancel.by, 'as the smoke test ended', 'it is not reported as passed')
    if (report) logPassed(runner, report)
  } catch (error) {
    fail(await runnerNow(), error, env)
  } finally {
    await (await connection?.catch(() => undefined))?.close()
    cancel.dispose()
  }
}

/** az's result; or, when the runner cancels the step first, az and all it started stopped, and the cancel. */
async function azResultUnlessCancelled(az: AzSignIn, cancel: Cancellation): Promise<AzResult> {
  const first = await Promise.race([az.run.result, whenAborted(cancel.signal)])
  if (typeof first !== 'string') return first
  await az.run.stop()
  throw cancelled(first, 'while az account get-access-token ran', 'az was stopped')
}

interface AzSignIn {
  azPath: string
  startedMs: number
  run: AzRun
}

/** Finds az and starts it; resolves once it runs, so the smoke test can load and connect meanwhile. */
async function startAzSignIn(config: Config): Promise<AzSignIn> {
  const azPath = await findAz()
  const startedMs = Date.now()
  const run = startAz(azPath, config)
  await run.started
  return { azPath, startedMs, run }
}

/** The token az printed, masked before any other line is printed; or the failure, in az's words. */
function tokenFromAz({ azPath, startedMs }: AzSignIn, result: AzResult, config: Config, runner: Runner): IssuedToken {
  const issued = result.exitCode === 0 ? issueToken(parseAzOutput(result.stdout)) : undefined
  if (issued) runner.mask(issued.value) // before any other line is printed
  const ended = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`
  runner.debug(`az (${azPath}) ended with ${ended} after ${Date.now() - startedMs} ms.`)
  for (const warning of splitAzStderr(result.stderr).warnings) runner.debug(`az: ${warning}`)
  if (!issued) throw classifyAzFailure(result, config)
  return issued
}

/** What each change feed request saw, for the debug log. */
function logRequests(log: Log, report: SmokeTestReport): void {
  for (const { exchange, attempts } of report.endpoints) {
    const outcome = exchange.errorCode ?? `HTTP ${exchange.status ?? '?'}`
    log.debug(
      `${exchange.method} ${exchange.url}: ${outcome} in ${Math.round(exchange.latencyMs)} ms, attempt ${attempts}.`
    )
  }
}

/** What passed, and what took how long: the change feed's own time (the read check), and the whole smoke test. */
function logPassed(log: Log, report: SmokeTestReport): void {
  const { elapsedMs, latestSequence } = report
  const readMs = Math.round(report.readMs ?? elapsedMs)
  log.info(
    `Smoke test passed in ${Math.round(elapsedMs)} ms: the change feed answered in ${readMs} ms; latest sequence ` +
      `${latestSequence ?? 0}.`
  )
  if (report.write) {
    const ms = Math.round(report.write.elapsedMs)
    log.info(`Write round trip passed: one synthetic instance stored, found, retrieved and deleted in ${ms} ms.`)
  }
}

/** One catch at the top: an expected failure is one clear line, anything else one line too, its stack in debug. */
function fail(runner: Runner, error: unknown, env: NodeJS.ProcessEnv): void {
  if (error instanceof ActionError) {
    runner.fail(describeFailure(error, env))
  } else {
    runner.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
    runner.fail(describeUnexpected(error))
  }
}

/** Starts loading @actions/core; a failure to load is awaited, and so reported, where the runner is first needed. */
function loadRunnerEarly(): Promise<Runner> {
  const runner = loadRunner()
  runner.catch(() => undefined)
  return runner
}

/** A smoke test to run: its service, and the connection opened while az runs. */
interface EarlySmokeTest {
  dicom: DicomTarget
  connection: Promise<DicomConnection>
}

/**
 * When there is a smoke test to run, loads it and opens its connection while az runs; a failure is reported by the
 * smoke test itself.
 */
function connectEarly(config: Config, env: NodeJS.ProcessEnv): EarlySmokeTest | undefined {
  const { dicom } = config
  if (!dicom || dicom.smokeTest === 'off') return undefined
  // One import loads the connection and the rest of the read check, so nothing is left to load once the token is there.
  const connection = import('./smoke-test/index.ts').then(({ openDicomConnection }) =>
    openDicomConnection(dicom.baseUrl, config.timeoutMs, env)
  )
  connection.catch(() => undefined) // awaited later; a failure here must not crash the step while az runs
  return { dicom, connection }
}

async function smokeTest(
  { connection, dicom }: EarlySmokeTest,
  step: { config: Config; issued: IssuedToken; runner: Runner; env: NodeJS.ProcessEnv; cancel: Cancellation }
): Promise<SmokeTestReport> {
  const { config, issued, runner, env, cancel } = step
  const { runSmokeTest } = await import('./smoke-test/index.ts')
  // The post step deletes a study a killed step left: it finds its UID in the state, saved before each STOW.
  const keepStudy = (studyInstanceUid: string): void => {
    try {
      runner.saveState(LEFT_STUDY_STATE, studyInstanceUid)
    } catch (error) {
      runner.debug(`The study UID was not saved for the post step: ${error instanceof Error ? error.message : ''}`)
    }
  }
  const { timeoutMs } = config
  return runSmokeTest({
    connection,
    dicom,
    timeoutMs,
    runLabel: runLabelFrom(env),
    issued,
    log: runner,
    cancel,
    keepStudy
  })
}

/** The summary is a courtesy: a runner without one (local runs, old runners) must not fail a step that worked. */
async function writeSummary(runner: Runner, rows: [string, string][]): Promise<void> {
  try {
    await runner.writeSummary(SUMMARY_HEADING, rows)
  } catch (error) {
    runner.debug(`No job summary written: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function setOutputs(runner: Runner, outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) runner.setOutput(name, value)
}

function logToken(log: Log, resource: string, issued: IssuedToken): void {
  const { claims, expiresAtMs } = issued
  const who = `${describePrincipal(claims) ?? 'unknown principal'}, tenant ${issued.tenantId ?? 'unknown'}`
  const inMinutes = (ms: number): number => Math.round((ms - Date.now()) / 60000)
  const expiry =
    expiresAtMs === undefined ? 'unknown' : `${formatExpiry(expiresAtMs)} (in ${inMinutes(expiresAtMs)} min)`
  log.info(`Got a token for ${resource} (audience ${claims.audience ?? 'unknown'}; ${who}); it expires ${expiry}.`)
  for (const warning of tokenWarnings(claims, resource, expiresAtMs, Date.now())) log.warning(warning)
}
