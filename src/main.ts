// run(): inputs -> token -> outputs -> smoke test -> summary. The one place that talks to the runner.
// The sign-in starts first (az, or the federated exchange's checks); @actions/core (behind the runner), the smoke test
// (undici, TLS) and its connection load while az runs.
import { listenForCancel, cancelled } from './cancellation.ts'
import type { Cancellation } from './cancellation.ts'
import { startSignIn } from './sign-in/index.ts'
import { ActionError, describeFailure, describeUnexpected } from './errors.ts'
import { idleInputWarnings } from './idle-inputs.ts'
import { inputsFromEnv, readInput, runLabelFrom } from './inputs.ts'
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
import { jobSummary } from './summary.ts'
import type { JobSummary, SummaryFacts } from './summary.ts'
import { audienceMatches, describePrincipal, describeSource, formatExpiry, tokenWarnings } from './token.ts'
import type { IssuedToken } from './token.ts'

export async function run(env: NodeJS.ProcessEnv = process.env, given?: Runner): Promise<void> {
  // Nothing is printed before the token is back, so core needs to be there only then (or for a refusal).
  let loading: Promise<Runner> | undefined = given && Promise.resolve(given)
  const runnerNow = (): Promise<Runner> => (loading ??= loadRunnerEarly())
  let connection: Promise<DicomConnection> | undefined
  // What the summary can tell, as far as the step got; and warnings that wait for the token's mask to be set.
  const facts: SummaryFacts = {}
  const idleWarnings: string[] = []
  // From now on the runner's SIGINT and SIGTERM cancel the step instead of ending Node at once.
  const cancel = listenForCancel()
  try {
    checkNodeVersion(process.versions.node)
    const config = (facts.config = inputsFromEnv(env))
    idleWarnings.push(...idleInputWarnings((name) => readInput(env, name), config))
    checkRunnerFiles(env, config.exportVariable !== undefined)
    const signIn = await startSignIn(config, env)
    void runnerNow()
    const smoke = connectEarly(config, env)
    connection = smoke?.connection
    const runner = await runnerNow()
    const issued = (facts.issued = await signIn.finish(runner, cancel))
    warn(runner, idleWarnings)

    setOutputs(runner, tokenOutputs(config, issued))
    if (config.exportVariable) runner.exportVariable(config.exportVariable, issued.value)
    logToken(runner, config.resource, issued)

    const report = (facts.report = smoke && (await smokeTest(smoke, { config, issued, runner, env, cancel })))
    if (report) logRequests(runner, report)
    setOutputs(runner, smokeTestOutputs(report))
    if (report?.failure) throw report.failure
    if (report && cancel.by) throw cancelled(cancel.by, 'as the smoke test ended', 'it is not reported as passed')
    await writeSummary(runner, jobSummary(facts, env))
    if (report) logPassed(runner, report)
  } catch (error) {
    const runner = await runnerNow()
    warn(runner, idleWarnings)
    fail(runner, error, env)
    // Also when the step failed before it had a token: the summary is where a failed run is read first.
    await writeSummary(runner, jobSummary({ ...facts, failure: error }, env))
  } finally {
    await (await connection?.catch(() => undefined))?.close()
    cancel.dispose()
  }
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
    runner.fail(describeUnexpected(error, env))
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
async function writeSummary(runner: Runner, { heading, rows }: JobSummary): Promise<void> {
  try {
    await runner.writeSummary(heading, rows)
  } catch (error) {
    runner.debug(`No job summary written: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Prints each warning once: what is printed is taken out of `pending`. */
function warn(log: Log, pending: string[]): void {
  for (const warning of pending.splice(0)) log.warning(warning)
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
  // The audience is named only when it is not the resource asked for (tokenWarnings then says why that matters).
  const same = claims.audience !== undefined && audienceMatches(claims.audience, resource)
  const audience = same ? '' : `audience ${claims.audience ?? 'unknown'}; `
  log.info(`Got a token for ${resource} ${describeSource(issued.source)} (${audience}${who}); it expires ${expiry}.`)
  for (const warning of tokenWarnings(claims, resource, expiresAtMs, Date.now())) log.warning(warning)
}
