// The Node.js the action needs. The runner starts node24 actions on Node 24; run by hand on an older Node, the smoke
// test's HTTP client (undici 8, which needs 22.19) would fail with an error that blames the network. Pure.
import { EOL } from 'node:os'
import { ActionError, describeFailure } from './errors.ts'
import type { RunnerEnv } from './errors.ts'

export const MINIMUM_NODE = '22.19'

/** Refuses a Node.js older than MINIMUM_NODE, before anything runs. */
export function checkNodeVersion(version: string): void {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  const [needMajor = 0, needMinor = 0] = MINIMUM_NODE.split('.').map(Number)
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return
  throw new ActionError(
    'node-too-old',
    `The action runs on Node.js ${version}, but it needs Node.js ${MINIMUM_NODE} or later; nothing was run.`,
    'Run it as a step of a GitHub Actions job (the runner starts it on Node.js 24), or by hand with Node.js 24.'
  )
}

/**
 * On a Node.js too old for it, @actions/core cannot even load (its HTTP client's undici needs zstd from Node.js 22.15),
 * so this one refusal is printed as the runner reads an error line, without core. The text is the action's own; it
 * is kept to one line with no '%', the only characters the runner would read as escapes.
 */
export function refusedOldNode(
  version: string,
  env: RunnerEnv,
  write: (line: string) => void = (line) => process.stdout.write(line)
): boolean {
  try {
    checkNodeVersion(version)
    return false
  } catch (error) {
    if (!(error instanceof ActionError)) throw error
    process.exitCode = 1
    write(`::error::${describeFailure(error, env).replace(/[%\r\n]/g, ' ')}${EOL}`)
    return true
  }
}
