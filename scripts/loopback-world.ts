// npm run world: serves the loopback world (identity + ARM endpoints with the real Azure CLI logged in, and the
// DICOM emulator over TLS) until stopped, for trying the action or curl by hand, or for a CI job that runs `uses: ./`.
//   --shell-file FILE   where to write the shell lines to source (default: world.env in the world's temp directory)
//   --github-env FILE   append the same environment to FILE in the runner's format (a CI job's $GITHUB_ENV)
//   --ready-file FILE   create FILE once everything is up
//   --max-seconds N     stop by itself after N seconds (default 600), so a forgotten world never lingers
//
// What points az at the world (its config dir, the identity endpoint, the world's CA for az's Python, and a refused
// proxy that keeps az 2.45's update and connectivity checks off the network) lives in an `az` wrapper, not in the
// environment: a shell that sources the env file gets that az, Node 24 and DICOM_URL, and keeps its own internet.
import { randomBytes } from 'node:crypto'
import { appendFile, chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { findRealAz, WORLD_AZ_MARKER } from '../test-support/azure/azure-login.ts'
import { startLoopbackWorld } from '../test-support/loopback-world.ts'
import { requireAzureCli } from './require-az.ts'

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}

/** A POSIX shell word for any value. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}

requireAzureCli('npm run world')
const realAz = findRealAz() ?? 'az'
const maxSeconds = Number(option('--max-seconds') ?? 600)
const world = await startLoopbackWorld()
const home = await mkdtemp(join(tmpdir(), 'dicom-token-world-'))
// Not --env-file: Node.js takes that option for itself, even after the script's name.
const envFile = option('--shell-file') ?? join(home, 'world.env')

const stop = async (): Promise<void> => {
  await world.close()
  await rm(home, { recursive: true, force: true })
  await rm(envFile, { force: true })
  process.exit(0)
}
process.once('SIGINT', () => void stop())
process.once('SIGTERM', () => void stop())
setTimeout(() => void stop(), maxSeconds * 1000)

const azWrapper = [
  '#!/bin/sh',
  `# The Azure CLI, logged in to the loopback world of npm run world (pid ${process.pid}); gone when it stops.`,
  'unset ALL_PROXY all_proxy',
  ...Object.entries(world.azure.session.env).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
  `exec ${shellQuote(realAz)} "$@"`,
  ''
].join('\n')
await writeFile(join(home, 'az'), azWrapper)
await chmod(join(home, 'az'), 0o755)
await writeFile(join(home, WORLD_AZ_MARKER), 'findRealAz() skips this directory: its az is the world wrapper.\n')

// The wrapper's directory first, then the Node this script runs on (Node 24 under npm run, as on a runner).
const path = [home, dirname(process.execPath)]
// A step's files, as the runner gives them (the action refuses to run without an output file): read them after a run.
const stepFiles = {
  GITHUB_OUTPUT: join(home, 'output'),
  GITHUB_ENV: join(home, 'env'),
  GITHUB_STEP_SUMMARY: join(home, 'summary')
}
await Promise.all(Object.values(stepFiles).map((file) => writeFile(file, '')))
const shared = { DICOM_URL: world.dicom.url, NODE_EXTRA_CA_CERTS: world.azure.certificate.certPath }
await writeFile(
  envFile,
  [
    `# The loopback world of npm run world (pid ${process.pid}); stale once it stops. Use: . ${shellQuote(envFile)}`,
    `export PATH=${shellQuote(path.join(':'))}:"$PATH"`,
    ...Object.entries({ ...shared, ...stepFiles }).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
    ''
  ].join('\n')
)

const githubEnv = option('--github-env')
if (githubEnv) {
  // The runner's heredoc form, with a delimiter no value can contain.
  const delimiter = `EOF_${randomBytes(8).toString('hex')}`
  const env = { ...shared, PATH: [...path, process.env.PATH ?? ''].join(':') }
  await appendFile(
    githubEnv,
    Object.entries(env)
      .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
      .join('')
  )
}

console.log(`Loopback world up: DICOM service ${world.dicom.url}, identity endpoint ${world.azure.identity.url}.`)
console.log(`In another shell: . ${shellQuote(envFile)}`)
console.log("That shell then runs this world's az and Node 24, and has DICOM_URL and NODE_EXTRA_CA_CERTS (its CA).")
console.log(`Stops on Ctrl-C, SIGTERM, or after ${maxSeconds} s.`)
const readyFile = option('--ready-file')
if (readyFile) await writeFile(readyFile, world.dicom.url)
