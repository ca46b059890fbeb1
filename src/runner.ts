// The runner's protocol, and the only code that speaks it: workflow commands on stdout (mask, debug, warning, error),
// the output and environment files, and the job summary. Every line and cell goes through the sanitiser (print.ts).
// Written here rather than loaded from @actions/core, whose bundle (with its own HTTP client) took 75–185 ms to load
// for the eight calls the action makes; and unlike core it never falls back to printing outputs on stdout.
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { access, appendFile, constants } from 'node:fs/promises'
import { EOL } from 'node:os'
import { ActionError } from './errors.ts'
import type { Log } from './log.ts'
import { createPrinter } from './print.ts'

export interface Runner extends Log {
  /** Registers the token with the runner, which then hides it in every later line; the sanitiser removes it too. */
  mask(secret: string): void
  /** The step's one error line; the step fails. */
  fail(message: string): void
  setOutput(name: string, value: string): void
  exportVariable(name: string, value: string): void
  /** Appends a heading and a two-column table (cells already HTML) to the job summary. */
  writeSummary(heading: string, rows: [string, string][]): Promise<void>
}

const FILES = { output: 'GITHUB_OUTPUT', env: 'GITHUB_ENV' } as const

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
  let printer = createPrinter()
  return {
    mask: (secret) => {
      printer = createPrinter(secret)
      sink.mask(secret)
    },
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
      )
  }
}

/** What a workflow command's message may hold: the runner reads '%', CR and LF as escapes. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** The runner's own protocol, as it is: stdout and files. Only ever reached through `sanitising`. */
function runnerProtocol(env: Record<string, string | undefined>, stdout: NodeJS.WritableStream): Runner {
  const line = (text: string): void => void stdout.write(`${text}${EOL}`)
  const command = (name: string, message: string): void => line(`::${name}::${escapeData(message)}`)
  const appendKeyValue = (file: string, name: string, value: string): void => {
    const delimiter = `ghadelimiter_${randomUUID()}`
    try {
      appendFileSync(env[file] ?? '', `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
    } catch (error) {
      throw new ActionError(
        'runner-files',
        `The runner's ${file} file could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}), ` +
          `so '${name}' was not set.`,
        'Run the action as a step of a GitHub Actions job; by hand, set the variable to a file that exists.'
      )
    }
  }
  return {
    mask: (secret) => command('add-mask', secret),
    info: line,
    debug: (message) => command('debug', message),
    warning: (message) => command('warning', message),
    fail: (message) => {
      process.exitCode = 1
      command('error', message)
    },
    setOutput: (name, value) => appendKeyValue(FILES.output, name, value),
    exportVariable: (name, value) => appendKeyValue(FILES.env, name, value),
    writeSummary: async (heading, rows) => {
      const path = env.GITHUB_STEP_SUMMARY
      if (!path) throw new Error('GITHUB_STEP_SUMMARY is not set')
      await access(path, constants.W_OK) // as core does: the runner creates the file; a missing one is not made here
      const table = rows.map(([name, value]) => `<tr><td>${name}</td><td>${value}</td></tr>`).join('')
      await appendFile(path, `<h3>${heading}</h3>${EOL}<table>${table}</table>${EOL}`, 'utf8')
    }
  }
}

export function createRunner(
  env: Record<string, string | undefined>,
  stdout: NodeJS.WritableStream = process.stdout
): Runner {
  return sanitising(runnerProtocol(env, stdout))
}
