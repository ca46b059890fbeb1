// The runner's protocol, and the only code that speaks it: workflow commands on stdout (mask, debug, warning, error),
// the output and environment files, and the job summary. Every line and cell goes through the sanitiser first.
// Written here rather than loaded from @actions/core, whose bundle (with its own HTTP client) took 75–185 ms to load
// for the eight calls the action makes; and unlike core it never falls back to printing outputs on stdout.
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { access, appendFile, constants } from 'node:fs/promises'
import { EOL } from 'node:os'
import { ActionError } from './errors.ts'
import type { Log } from './log.ts'
import { redactToken } from './token.ts'

export interface Runner extends Log {
  /** Registers the token with the runner, which then hides it in every later line; the sanitiser removes it too. */
  mask(secret: string): void
  /** The step's one error line; the step fails. */
  fail(message: string): void
  setOutput(name: string, value: string): void
  exportVariable(name: string, value: string): void
  /** Appends a heading and a two-column table to the job summary. */
  writeSummary(heading: string, rows: [string, string][]): Promise<void>
}

/** What a workflow command's message may hold: the runner reads '%', CR and LF as escapes. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
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
      `The runner provides no ${missing.join(' or ')} file, so the token cannot be handed to later steps safely; nothing was run.`,
      'Run the action as a step of a GitHub Actions job on a runner that supports node24 actions; to run it by hand, set these variables to files that exist.'
    )
  }
}

export function createRunner(env: Record<string, string | undefined>, stdout: NodeJS.WritableStream = process.stdout): Runner {
  let secret: string | undefined
  const clean = (text: string): string => redactToken(text, secret)
  const line = (text: string): void => void stdout.write(`${text}${EOL}`)
  const command = (name: string, message: string): void => line(`::${name}::${escapeData(message)}`)
  const appendKeyValue = (file: string, name: string, value: string): void => {
    const path = env[file]
    if (!path || !existsSync(path)) {
      throw new ActionError(
        'runner-files',
        `The runner's ${file} file is missing, so '${name}' could not be written.`,
        'Run the action as a step of a GitHub Actions job; by hand, set the variable to a file that exists.'
      )
    }
    const delimiter = `ghadelimiter_${randomUUID()}`
    appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
  }
  return {
    mask: (value) => {
      secret = value
      command('add-mask', value)
    },
    info: (message) => line(clean(message)),
    debug: (message) => command('debug', clean(message)),
    warning: (message) => command('warning', clean(message)),
    fail: (message) => {
      process.exitCode = 1
      command('error', clean(message))
    },
    setOutput: (name, value) => appendKeyValue(FILES.output, name, value),
    exportVariable: (name, value) => appendKeyValue(FILES.env, name, value),
    writeSummary: async (heading, rows) => {
      const path = env.GITHUB_STEP_SUMMARY
      if (!path) throw new Error('GITHUB_STEP_SUMMARY is not set')
      await access(path, constants.W_OK) // as core does: the runner creates the file; a missing one is not made here
      const cell = (text: string): string => `<td>${htmlEscape(clean(text))}</td>`
      const table = rows.map(([name, value]) => `<tr>${cell(name)}${cell(value)}</tr>`).join('')
      await appendFile(path, `<h3>${htmlEscape(heading)}</h3>${EOL}<table>${table}</table>${EOL}`, 'utf8')
    }
  }
}
