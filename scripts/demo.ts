// npm run demo: the action end to end on the loopback world. Starts the identity, ARM and DICOM endpoints,
// logs the real Azure CLI in offline, runs dist/index.js as a workflow step with `smoke-test: true`,
// and prints what the workflow log, the step outputs and the job summary would show.
// npm run demo -- --write: the same with `smoke-test: write` against the HTTPS front over a real Orthanc.
import { startDicomService, type DicomService } from '../test-support/dicom/service.ts'
import { startLoopbackWorld } from '../test-support/loopback-world.ts'
import { startOrthanc, type Orthanc } from '../test-support/dicom/orthanc.ts'
import { runAction } from '../test-support/runner/run-action.ts'
import { requireAzureCli } from './require-az.ts'

// --debug is what "Enable debug logging" does to a step: RUNNER_DEBUG=1, and the log shows its ::debug:: lines.
const debug = process.argv.includes('--debug')
requireAzureCli('npm run demo')
const writeMode = process.argv.includes('--write')

/** What the runner shows for the action's stdout: commands interpreted, every masked value as ***. */
function renderLog(stdout: string, masks: string[]): string[] {
  const mask = (text: string): string => masks.reduce((shown, secret) => shown.split(secret).join('***'), text)
  const lines: string[] = []
  for (const line of stdout.split('\n')) {
    if (line === '' || line.startsWith('::add-mask::')) continue
    const command = /^::(debug|warning|error|notice)[^:]*::(.*)$/.exec(line)
    if (!command) lines.push(mask(line))
    else if (command[1] !== 'debug' || debug) {
      // As the runner shows them: ##[debug]… for debug lines, "Warning: …" and "Error: …" for the others.
      const label = command[1] === 'debug' ? '##[debug]' : `${command[1]?.replace(/^./, (c) => c.toUpperCase())}: `
      lines.push(`${label}${mask(command[2] ?? '')}`)
    }
  }
  return lines
}

/** The job summary's HTML (a heading and a two-column table) as aligned text. */
function renderSummary(html: string): string[] {
  const heading = /<h\d>(.*?)<\/h\d>/.exec(html)?.[1] ?? ''
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((cell) => cell[1] ?? '')
  )
  const width = Math.max(0, ...rows.map((row) => (row[0] ?? '').length))
  return [heading, ...rows.map((row) => `  ${(row[0] ?? '').padEnd(width)}  ${row.slice(1).join('  ')}`)]
}

console.log('Starting the loopback world (identity endpoint, ARM endpoint, DICOM emulator over TLS) and logging az in…')
const world = await startLoopbackWorld()
let exitCode = 1
let orthanc: Orthanc | undefined
let front: DicomService | undefined
try {
  if (writeMode) {
    console.log('Starting Orthanc and the HTTPS front that answers like the DICOM service over it…')
    const started = await startOrthanc()
    if (typeof started === 'string') throw new Error(`--write needs Orthanc: ${started}`)
    orthanc = started
    const roles = { [world.azure.identity.objectId]: 'owner' } as const
    const tenantId = world.azure.identity.tenantId
    front = await startDicomService({
      certificate: world.azure.certificate,
      orthanc,
      roles,
      tenantId,
      fault: { kind: 'create-hidden', reads: 1 }
    })
  }
  const inputs = front
    ? { 'dicom-url': front.url, 'smoke-test': 'write' }
    : { 'dicom-url': world.dicom.url, 'smoke-test': 'true' }
  console.log(
    `\nRunning dist/index.js as a workflow step with:\n${Object.entries(inputs)
      .map(([name, value]) => `  ${name}: ${value}`)
      .join('\n')}`
  )
  const env = debug ? { ...world.actionEnv, RUNNER_DEBUG: '1' } : world.actionEnv
  const run = await runAction({ inputs, path: world.path, env })
  exitCode = run.exitCode ?? 1
  const mask = (value: string): string => run.masks.reduce((shown, secret) => shown.split(secret).join('***'), value)
  console.log(`\n── Workflow log ${debug ? '(with debug lines) ' : ''}──`)
  for (const line of renderLog(run.stdout, run.masks)) console.log(`  ${line}`)
  if (debug && !run.stdout.includes('::debug::')) console.log('  (no debug lines: the action printed none on this run)')
  if (run.stderr.trim()) console.log(`  ${mask(run.stderr.trim())}`)
  console.log('\n── Step outputs ──')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name}: ${mask(value)}`)
  console.log('\n── Job summary ──')
  for (const line of renderSummary(run.summary)) console.log(`  ${line}`)
  console.log(`\nThe step ${exitCode === 0 ? 'succeeded' : `failed (exit code ${exitCode})`} in ${run.durationMs} ms.`)
  if (front && orthanc) {
    console.log(`\n── What the front saw ──`)
    for (const r of front.requests) console.log(`  ${r.method} ${r.path} → ${r.status ?? '?'}`)
    const left = (await orthanc.json('GET', '/studies')) as unknown[]
    console.log(`  Studies left in Orthanc: ${left.length}`)
  }
} finally {
  await front?.close()
  await orthanc?.stop()
  await world.close()
}
process.exitCode = exitCode
