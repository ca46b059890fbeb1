// The Node.js the action needs. The runner starts node24 actions on Node 24; run by hand on an older Node, the smoke
// test's HTTP client (undici 8, which needs 22.19) would fail with an error that blames the network. Pure.
import { ActionError } from './errors.ts'

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
