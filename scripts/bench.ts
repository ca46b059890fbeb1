// npm run bench: times, in one run and alternating on the same loopback world,
//   A: the action with the smoke test (dist/index.js as the runner runs it),
//   B: the two shell lines the README starts with (az ... --query accessToken --output tsv, then curl the change feed),
//   C: az account get-access-token alone, the floor,
//   D: the action without az (client-id: the federated exchange with the loopback GitHub OIDC endpoint and Entra), with
//      the smoke test, when this build of the action has the client-id input,
// and prints medians of wall and CPU time (the process and its children, from GNU time), the ratios A/B, A/C and D/B,
// the action's peak memory, and the JavaScript it loads for this run against the bundle's size.
// `--write-readme` also records the figures in README.md between the bench markers.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_RESOURCE } from '../src/dicom-service.ts'
import { defaultTenant, FEDERATED_CLIENT_ID, startEntraEndpoint } from '../test-support/azure/entra-endpoint.ts'
import { startGithubOidcEndpoint } from '../test-support/azure/github-oidc-endpoint.ts'
import { startLoopbackWorld } from '../test-support/loopback-world.ts'
import {
  ACTION_ENTRY,
  declaredInputDefaults,
  REPO_ROOT,
  runAction,
  type RunOptions
} from '../test-support/runner/run-action.ts'
import { requireAzureCli } from './require-az.ts'

requireAzureCli('npm run bench')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const WARMUP = 2

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

type Contender = 'A' | 'B' | 'C' | 'D'

interface Sample {
  wallMs: number
  cpuMs: number
}

const scratch = await mkdtemp(join(tmpdir(), 'bench-'))
const cpuFile = join(scratch, 'cpu')
/** GNU time writes the user and system CPU seconds of what it runs (and its children) to cpuFile. */
const TIME = ['/usr/bin/time', '-f', '%U %S', '-o', cpuFile]

async function cpuMs(): Promise<number> {
  const [user = NaN, system = NaN] =
    (await readFile(cpuFile, 'utf8')).trim().split('\n').at(-1)?.split(' ').map(Number) ?? []
  return (user + system) * 1000
}

function timed(command: string, args: string[], env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(TIME[0] ?? '', [...TIME.slice(1), command, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('close', (code) => {
      clearTimeout(guard)
      const wallMs = performance.now() - started
      if (code === 0) cpuMs().then((cpu) => resolve({ wallMs, cpuMs: cpu }), reject)
      else reject(new Error(`${command} exited ${code}: ${stderr.slice(0, 300)}`))
    })
  })
}

/** A hook that lists every file the action loads (its chunks are loaded with import()), for the loaded bytes. */
const loadedLog = join(scratch, 'loaded')
const LOAD_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { registerHooks } from 'node:module'; import { appendFileSync } from 'node:fs';` +
    `registerHooks({ load(url, context, next) { if (url.startsWith('file:')) ` +
    `appendFileSync(${JSON.stringify(loadedLog)}, url + '\\n'); return next(url, context) } })`
)}`

console.log('Starting the loopback world…')
const world = await startLoopbackWorld()
// D needs the action's direct mode; a build without the client-id input is measured without D.
const directMode = 'client-id' in (await declaredInputDefaults())
if (!directMode) console.log('No D: this build of the action has no client-id input (action.yml).')
const certificate = world.azure.certificate
// Entra issues tokens in the tenant the DICOM emulator accepts, for the client its federated credential names.
const federated = directMode
  ? await Promise.all([
      startGithubOidcEndpoint({ certificate }),
      startEntraEndpoint({ certificate, tenants: [{ ...defaultTenant(), tenantId: world.azure.identity.tenantId }] })
    ])
  : undefined
try {
  const env = {
    ...world.actionEnv,
    PATH: [...world.path, '/usr/bin', '/bin'].join(':'),
    CURL_CA_BUNDLE: world.azure.certificate.certPath
  }
  const seed = [
    `token=$(az account get-access-token --resource=${DEFAULT_RESOURCE} --query accessToken --output tsv)`,
    `curl -sS -o /dev/null --fail -X GET --header "Authorization: Bearer $token" ${world.dicom.url}/v2/changefeed`
  ].join('\n')
  const runTheAction = async (options: Partial<RunOptions>): Promise<number> => {
    const run = await runAction({
      inputs: { 'dicom-url': world.dicom.url, 'smoke-test': 'true' },
      path: world.path,
      env: world.actionEnv,
      ...options
    })
    if (run.exitCode !== 0 || run.outputs['smoke-test-result'] !== 'passed')
      throw new Error(`the action failed: ${run.errors.join(' ')}`)
    return run.durationMs
  }
  const runDirectMode = async (): Promise<Sample> => {
    const [oidc, entra] = federated ?? []
    if (oidc === undefined || entra === undefined) throw new Error('D needs the federated endpoints')
    const exchanges = entra.issued.length
    const wallMs = await runTheAction({
      prefix: TIME,
      inputs: {
        'dicom-url': world.dicom.url,
        'smoke-test': 'true',
        'client-id': FEDERATED_CLIENT_ID,
        tenant: world.azure.identity.tenantId
      },
      // Node only: no az on PATH, so a run that reached for az would fail.
      path: [dirname(process.execPath)],
      env: { ...oidc.env, AZURE_AUTHORITY_HOST: entra.authorityHost, NODE_EXTRA_CA_CERTS: certificate.certPath }
    })
    if (entra.issued.length !== exchanges + 1) throw new Error('D did not make exactly one federated exchange')
    return { wallMs, cpuMs: await cpuMs() }
  }
  const contenders: Record<Contender, () => Promise<Sample>> = {
    A: async () => {
      const wallMs = await runTheAction({ prefix: TIME })
      return { wallMs, cpuMs: await cpuMs() }
    },
    B: () => timed('bash', ['-c', seed], env),
    C: () => timed('az', ['account', 'get-access-token', '--resource', DEFAULT_RESOURCE, '--output', 'json'], env),
    D: runDirectMode
  }
  const samples: Record<Contender, Sample[]> = { A: [], B: [], C: [], D: [] }
  const order: Contender[] = directMode ? ['A', 'B', 'C', 'D'] : ['A', 'B', 'C']
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // Rotate who goes first, so no contender always runs on a cold or warm machine.
    const turn = round % order.length
    const rotation = [...order.slice(turn), ...order.slice(0, turn)]
    for (const name of rotation) {
      const sample = await contenders[name]()
      if (round >= WARMUP) samples[name].push(sample)
    }
    process.stdout.write('.')
  }
  console.log()

  // Peak memory of the action: one extra run under GNU time (maximum resident set size, KiB).
  let peakMiB = 'n/a'
  try {
    const rss = await new Promise<string>((resolve, reject) => {
      const inputs = {
        INPUT_RESOURCE: DEFAULT_RESOURCE,
        'INPUT_DICOM-URL': world.dicom.url,
        'INPUT_API-VERSION': 'v2',
        'INPUT_SMOKE-TEST': 'true',
        'INPUT_TIMEOUT-SECONDS': '60'
      }
      const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, ACTION_ENTRY], {
        env: { ...world.actionEnv, ...inputs, PATH: world.path.join(':') },
        stdio: ['ignore', 'ignore', 'pipe']
      })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('error', reject)
      child.on('close', () => resolve(stderr.trim().split('\n').at(-1) ?? ''))
    })
    if (/^\d+$/.test(rss)) peakMiB = `${(Number(rss) / 1024).toFixed(0)} MiB`
  } catch {
    // GNU time is not everywhere; the other figures stand without it.
  }
  // What the action loads for this run, against what the bundle holds.
  await runTheAction({ nodeArgs: ['--import', LOAD_HOOK] })
  const loaded = [...new Set((await readFile(loadedLog, 'utf8')).trim().split('\n'))]
  let loadedKiB = 0
  for (const url of loaded) if (url.includes('/dist/')) loadedKiB += (await stat(fileURLToPath(url))).size / 1024
  const dist = join(REPO_ROOT, 'dist')
  const entryKiB = (await stat(ACTION_ENTRY)).size / 1024
  let totalKiB = 0
  for (const file of await readdir(dist))
    if (file.endsWith('.js')) totalKiB += (await stat(join(dist, file))).size / 1024

  const wall = (name: Contender): number => median(samples[name].map((sample) => sample.wallMs))
  const cpu = (name: Contender): number => median(samples[name].map((sample) => sample.cpuMs))
  const [a, b, c, d] = [wall('A'), wall('B'), wall('C'), wall('D')]
  const directRow = directMode
    ? [
        `| D | this action without az, \`client-id\` (a federated exchange with Entra), \`smoke-test: true\` | ` +
          `${d.toFixed(0)} ms | ${cpu('D').toFixed(0)} ms |`
      ]
    : []
  const directRatio = directMode
    ? ` Without az (D): D/B = **${(d / b).toFixed(2)}** of the wall time, ${(cpu('D') / cpu('B')).toFixed(2)} of ` +
      'the CPU.'
    : ''
  const lines = [
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${ROUNDS} alternating rounds on ` +
      `a local stand-in for Azure on 127.0.0.1 (real Azure CLI ${process.env.AZ_VERSION ?? '2.45'}, ` +
      `Node ${process.versions.node}, ` +
      `${(await import('node:os')).cpus().length} cores); medians.`,
    '',
    '| | what runs | wall | CPU |',
    '|---|---|---|---|',
    `| A | this action, \`smoke-test: true\` (token, outputs, both change feed requests, summary) | ` +
      `${a.toFixed(0)} ms | ${cpu('A').toFixed(0)} ms |`,
    `| B | \`az account get-access-token\`, then \`curl\` on the change feed (the lines at the top) | ` +
      `${b.toFixed(0)} ms | ${cpu('B').toFixed(0)} ms |`,
    `| C | \`az account get-access-token\` alone (the least any sign-in with az takes) | ` +
      `${c.toFixed(0)} ms | ${cpu('C').toFixed(0)} ms |`,
    ...directRow,
    '',
    `Wall: A/B = **${(a / b).toFixed(2)}**, A/C = **${(a / c).toFixed(2)}**; the action adds ` +
      `${(a - c).toFixed(0)} ms of wall time and ${(cpu('A') - cpu('C')).toFixed(0)} ms of CPU to \`az\` alone. It ` +
      `loads ${loadedKiB.toFixed(0)} KiB of JavaScript for this run (\`dist/index.js\` ${entryKiB.toFixed(0)} KiB; ` +
      `${totalKiB.toFixed(0)} KiB in all, with the chunks only \`write\` or a proxy loads). Peak memory: ` +
      `${peakMiB}.${directRatio}`
  ]
  console.log(`\n${lines.join('\n')}`)
  if (process.argv.includes('--write-readme')) {
    const readmePath = join(REPO_ROOT, 'README.md')
    const readme = await readFile(readmePath, 'utf8')
    if (!readme.includes('<!-- bench:start -->')) throw new Error('README.md has no <!-- bench:start --> marker')
    const updated = readme.replace(
      /<!-- bench:start -->[\s\S]*?<!-- bench:end -->/,
      `<!-- bench:start -->\n${lines.join('\n')}\n<!-- bench:end -->`
    )
    // Formatted as `npm run format:check` expects it, so recording figures never breaks the test command.
    const prettier = await import('prettier')
    await writeFile(
      readmePath,
      await prettier.format(updated, { ...(await prettier.resolveConfig(readmePath)), filepath: readmePath })
    )
    console.log('\nREADME.md updated.')
  }
} finally {
  await Promise.all((federated ?? []).map((endpoint) => endpoint.close()))
  await world.close()
  await rm(scratch, { recursive: true, force: true })
}
