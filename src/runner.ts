// The seam to the runner. The stages speak `Runner`; `sanitising()` is the one choke point every line, cell and secret
// passes; behind it, a thin adapter over @actions/core speaks the runner's protocol (workflow commands, file commands,
// the job summary, state and the OIDC token). main.ts loads core while az runs (loadRunner), so it costs no wall time.
import { existsSync } from 'node:fs'
import type * as Core from '@actions/core'
import { ActionError } from './errors.ts'
import type { Log } from './log.ts'
import { createPrinter, removeSecret } from './print.ts'

export interface Runner extends Log {
  /** Registers a secret with the runner, which then hides it in every later line; the sanitiser removes it too. */
  mask(secret: string): void
  /** The step's one error line; the step fails. */
  fail(message: string): void
  setOutput(name: string, value: string): void
  exportVariable(name: string, value: string): void
  /** Appends a heading and a two-column table (cells already HTML) to the job summary. */
  writeSummary(heading: string, rows: [string, string][]): Promise<void>
  /**
   * The job's GitHub OIDC token for `audience` (the job needs `permissions: id-token: write`). It is masked, and
   * removed from every later line like the access token, before it is returned. Not bounded here: core's client
   * retries on its own and has no timeout, so the caller races it against its deadline.
   */
  getIDToken(audience: string): Promise<string>
  /** Keeps a value for this action's post step (the runner's GITHUB_STATE file). Never a secret: it is refused. */
  saveState(name: string, value: string): void
  /** What the main step saved under `name`, read in the post step; '' when nothing was saved. */
  getState(name: string): string
}

const FILES = { output: 'GITHUB_OUTPUT', env: 'GITHUB_ENV', state: 'GITHUB_STATE' } as const

/**
 * Refuses to run where the runner gives no file for outputs (or, when asked to export, for the environment):
 * the only other way, `::set-output` on stdout, would print the token in clear.
 */
export function checkRunnerFiles(env: Record<string, string | undefined>, exporting: boolean): void {
  const needed = exporting ? [FILES.output, FILES.env] : [FILES.output]
  const missing = needed.filter((name) => !env[name] || !existsSync(env[name]))
  if (missing.length > 0) {
    throw new ActionError(
      'runner-files',
      `The runner provides no ${missing.join(' or ')} file, so the token cannot be handed to later steps safely; ` +
        `nothing was run.`,
      'Run the action as a step of a GitHub Actions job on a runner that supports node24 actions; to run it by ' +
        'hand, set these variables to files that exist.'
    )
  }
}

/** The choke point: whatever the stages say reaches `sink` only as sanitised lines and cells. */
export function sanitising(sink: Runner): Runner {
  // Every secret of the run (the access token, the OIDC token) is removed from every line.
  const secrets: string[] = []
  let printer = createPrinter()
  const mask = (secret: string): void => {
    if (!secrets.includes(secret)) secrets.push(secret)
    printer = createPrinter(...secrets)
    sink.mask(secret)
  }
  return {
    mask,
    info: (message) => sink.info(printer.line(message)),
    // A debug text may be a stack: each of its lines becomes a line of its own.
    debug: (message) => {
      for (const line of printer.lines(message)) sink.debug(line)
    },
    warning: (message) => sink.warning(printer.line(message)),
    fail: (message) => sink.fail(printer.line(message)),
    setOutput: (name, value) => sink.setOutput(name, value),
    exportVariable: (name, value) => sink.exportVariable(name, value),
    writeSummary: (heading, rows) =>
      sink.writeSummary(
        printer.cell(heading),
        rows.map(([name, value]) => [printer.cell(name), printer.cell(value)])
      ),
    getIDToken: async (audience) => {
      const token = await sink.getIDToken(audience)
      mask(token) // core masks it too; this also puts it into the sanitiser, whatever the sink does
      return token
    },
    saveState: (name, value) => {
      // State is a file the runner keeps for the post step and passes to it in its environment: no place for a token.
      if (removeSecret(value, secrets) !== value) throw new Error(`state '${name}' would hold a secret`)
      sink.saveState(name, value)
    },
    getState: (name) => sink.getState(name)
  }
}

/**
 * Runs one file command of core. Without its file, core would print the value on stdout instead (`::set-output`,
 * `::set-env`, `::save-state`): the token in clear. That is refused, as is a file that cannot be written.
 */
function fileCommand(file: string, name: string, command: () => void): void {
  let reason: string | undefined = process.env[file] ? undefined : 'not set'
  try {
    if (reason === undefined) command()
  } catch (error) {
    // core throws its own Error for a missing file, and the file system's (EISDIR, EACCES…) for the rest.
    reason = (error as NodeJS.ErrnoException).code ?? 'missing'
  }
  if (reason === undefined) return
  throw new ActionError(
    'runner-files',
    `The runner's ${file} file could not be written (${reason}), so '${name}' was not set.`,
    'Run the action as a step of a GitHub Actions job; by hand, set the variable to a file that exists.'
  )
}

/** The runner's own protocol, as @actions/core speaks it. Only ever reached through `sanitising`. */
export function coreProtocol(core: typeof Core): Runner {
  return {
    mask: (secret) => core.setSecret(secret),
    info: (message) => core.info(message),
    debug: (message) => core.debug(message),
    warning: (message) => core.warning(message),
    fail: (message) => core.setFailed(message),
    setOutput: (name, value) => fileCommand(FILES.output, name, () => core.setOutput(name, value)),
    exportVariable: (name, value) => fileCommand(FILES.env, name, () => core.exportVariable(name, value)),
    // core writes the cells as they are (they are already sanitised HTML) and refuses a GITHUB_STEP_SUMMARY that is
    // not set or not a writable file, without creating one. Its buffer is one per process: start it empty.
    writeSummary: async (heading, rows) => {
      await core.summary.emptyBuffer().addHeading(heading, 3).addTable(rows).write()
    },
    getIDToken: (audience) => core.getIDToken(audience),
    saveState: (name, value) => fileCommand(FILES.state, name, () => core.saveState(name, value)),
    getState: (name) => core.getState(name)
  }
}

/** The runner behind the sanitiser, for a core module already loaded. */
export function createRunner(core: typeof Core): Runner {
  return sanitising(coreProtocol(core))
}

/** Loads @actions/core (with its HTTP client, a chunk of its own in dist/) and gives the runner behind it. */
export async function loadRunner(): Promise<Runner> {
  return createRunner(await import('@actions/core'))
}
