// Finds the real Azure CLI and runs it against the loopback world only: its own config dir, a managed-identity
// endpoint on 127.0.0.1, and a dead proxy for everything else so that no stray call can reach the network.
import { execFile } from 'node:child_process'
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, isAbsolute, join } from 'node:path'
import { unusedLoopbackPort } from '../net/loopback-server.ts'
import type { AzResult as AzOutput } from '../../src/sign-in/azure-cli/output.ts'

export interface AzSession {
  env: Record<string, string>
  configDir: string
}

/** What the action itself reads from az, and how long az took. */
export interface AzResult extends AzOutput {
  ms: number
}

export const LOOPBACK_CLOUD_NAME = 'Loopback'
// Python start-up alone is ~0.4 s; the first call in a fresh config dir also builds az's command index.
export const DEFAULT_AZ_TIMEOUT_MS = 30_000

/** A file beside the `az` wrapper that `npm run world` puts on PATH: that az is the world's, not the real one. */
export const WORLD_AZ_MARKER = '.loopback-world-az'

export function findRealAz(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir) || existsSync(join(dir, WORLD_AZ_MARKER))) continue
    const candidate = join(dir, 'az')
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not here; keep looking
    }
  }
  return undefined
}

function requireAz(): string {
  const az = findRealAz()
  if (az === undefined)
    throw new Error('The Azure CLI (az) is not on PATH; the loopback Azure world needs the real az.')
  return az
}

// Inherited variables that would point az at a real identity, cloud, account or proxy, or change its behaviour.
const INHERITED_AZURE_VARIABLE = new RegExp(
  String.raw`^(AZURE_|ARM_|MSI_|IDENTITY_|IMDS_|AZUREPS_|APPSETTING_|ACC_CLOUD$|REQUESTS_CA_BUNDLE$|` +
    String.raw`CURL_CA_BUNDLE$|SSL_CERT_|(HTTPS?|ALL|NO)_PROXY$)`,
  'i'
)

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !INHERITED_AZURE_VARIABLE.test(name)) env[name] = value
  }
  return env
}

// Every config dir made for an identity endpoint, so that closing that endpoint's world removes them all, also the
// not-logged-in sessions tests make with prepareAzEnv alone.
const configDirsByIdentity = new Map<string, Set<string>>()

/** Removes the config dirs of every session prepared for this identity endpoint. */
export async function removeSessionsOf(identityUrl: string): Promise<void> {
  const dirs = [...(configDirsByIdentity.get(identityUrl) ?? [])]
  configDirsByIdentity.delete(identityUrl)
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
}

export async function prepareAzEnv(options: { identityUrl: string; caBundlePath: string }): Promise<AzSession> {
  const configDir = await mkdtemp(join(tmpdir(), 'dicom-token-az-'))
  const dirs = configDirsByIdentity.get(options.identityUrl) ?? new Set<string>()
  configDirsByIdentity.set(options.identityUrl, dirs.add(configDir))
  // az 2.45 checks connectivity (HEAD https://azure.microsoft.com) and GitHub for newer versions on the first call
  // in a fresh config dir; a refused proxy makes that fail at once instead of reaching out. Loopback goes direct.
  const deadProxy = `http://127.0.0.1:${await unusedLoopbackPort()}`
  const noProxy = '127.0.0.1,localhost'
  return {
    configDir,
    env: {
      AZURE_CONFIG_DIR: configDir,
      AZURE_CORE_COLLECT_TELEMETRY: '0',
      AZURE_CORE_SURVEY_MESSAGE: 'false',
      AZURE_CORE_NO_COLOR: 'true',
      AZURE_CORE_DISABLE_PROGRESS_BAR: 'true',
      // No extension from the machine's config dir may load (the Debian image has azure-devops in some setups).
      AZURE_EXTENSION_DIR: join(configDir, 'cliextensions'),
      REQUESTS_CA_BUNDLE: options.caBundlePath,
      MSI_ENDPOINT: options.identityUrl,
      HTTP_PROXY: deadProxy,
      HTTPS_PROXY: deadProxy,
      http_proxy: deadProxy,
      https_proxy: deadProxy,
      NO_PROXY: noProxy,
      no_proxy: noProxy
    }
  }
}

export function runAz(session: AzSession, args: string[], timeoutMs = DEFAULT_AZ_TIMEOUT_MS): Promise<AzResult> {
  const az = requireAz()
  if (session.env.MSI_ENDPOINT === undefined || session.env.AZURE_CONFIG_DIR === undefined) {
    // Without these az would read ~/.azure and fall back to the real IMDS at 169.254.169.254.
    return Promise.reject(new Error('runAz: the session env must set MSI_ENDPOINT and AZURE_CONFIG_DIR'))
  }
  const env = { ...baseEnv(), ...session.env }
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(
      az,
      args,
      { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const ms = Math.round(performance.now() - started)
        if (error === null) {
          resolve({ exitCode: 0, stdout, stderr, ms })
          return
        }
        if (typeof error.code === 'number') {
          resolve({ exitCode: error.code, stdout, stderr, ms })
          return
        }
        const why = error.killed ? `was killed after ${timeoutMs} ms (timeout)` : `failed to run: ${error.message}`
        reject(new Error(`az ${args.join(' ')} ${why}\nstderr: ${stderr}`))
      }
    )
  })
}

async function mustSucceed(session: AzSession, args: string[]): Promise<AzResult> {
  const result = await runAz(session, args)
  if (result.exitCode !== 0) {
    throw new Error(
      `az ${args.join(' ')} exited ${result.exitCode}\nstderr: ${result.stderr}\nstdout: ${result.stdout}`
    )
  }
  return result
}

export async function loginAz(options: {
  identityUrl: string
  armUrl: string
  caBundlePath: string
}): Promise<AzSession> {
  const session = await prepareAzEnv(options)
  const authority = options.armUrl.replace(/\/+$/, '')
  // All three AD endpoints must be given, or az fetches cloud metadata from the network.
  await mustSucceed(session, [
    'cloud',
    'register',
    '--name',
    LOOPBACK_CLOUD_NAME,
    '--endpoint-resource-manager',
    options.armUrl,
    '--endpoint-active-directory',
    authority,
    '--endpoint-active-directory-resource-id',
    'https://management.core.windows.net/',
    '--endpoint-active-directory-graph-resource-id',
    'https://graph.windows.net/',
    '--only-show-errors'
  ])
  await mustSucceed(session, ['cloud', 'set', '--name', LOOPBACK_CLOUD_NAME, '--only-show-errors'])
  await mustSucceed(session, ['login', '--identity', '--output', 'none', '--only-show-errors'])
  return session
}
