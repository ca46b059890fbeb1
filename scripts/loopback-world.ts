// npm run world: serves the loopback world (identity + ARM endpoints with the real Azure CLI logged in, and the
// DICOM emulator over TLS) until stopped, for trying the action or curl by hand, or for a CI job that runs `uses: ./`.
//   --github-env FILE   append the environment a later step needs (az session, CA trust, DICOM_URL) to FILE
//   --ready-file FILE   create FILE once everything is up
//   --max-seconds N     stop by itself after N seconds (default 600), so a forgotten world never lingers
import { appendFile, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { startLoopbackWorld } from '../test-support/loopback-world.ts'

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}

const maxSeconds = Number(option('--max-seconds') ?? 600)
const world = await startLoopbackWorld()
const env = { ...world.actionEnv, DICOM_URL: world.dicom.url, PATH: [...world.path, process.env.PATH ?? ''].join(':') }

const githubEnv = option('--github-env')
if (githubEnv) {
  // The runner's heredoc form, with a delimiter no value can contain.
  const delimiter = `EOF_${randomBytes(8).toString('hex')}`
  await appendFile(
    githubEnv,
    Object.entries(env)
      .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
      .join('')
  )
}
console.log(
  `Loopback world up: DICOM service ${world.dicom.url}, identity endpoint ${world.azure.identity.url}, ARM ${world.azure.arm.url}.`
)
console.log(
  `To use it from a shell:\n${Object.entries(world.actionEnv)
    .map(([name, value]) => `  export ${name}='${value}'`)
    .join('\n')}`
)
console.log(`Stops on Ctrl-C, SIGTERM, or after ${maxSeconds} s.`)
const readyFile = option('--ready-file')
if (readyFile) await writeFile(readyFile, world.dicom.url)

const stop = async (): Promise<void> => {
  await world.close()
  process.exit(0)
}
process.once('SIGINT', () => void stop())
process.once('SIGTERM', () => void stop())
setTimeout(() => void stop(), maxSeconds * 1000)
