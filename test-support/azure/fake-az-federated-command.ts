// Writes an executable `az` that runs fake-az-federated.ts with its FAKE_AZ_* settings written into the launcher, so
// the same directory serves runner-level tests (PATH of the spawned action) and in-process ones (jest gives each test
// file its own process.env, which the children of @actions/exec do not inherit).
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FakeAzAccount } from './fake-az-federated.ts'

export interface FederatedFakeAzOptions {
  account?: FakeAzAccount
  clientId?: string
  tenantId?: string
  subscriptionId?: string
  cloudName?: string
  /** `az cloud show`'s endpoints.activeDirectory, e.g. the loopback Entra's authorityHost. */
  authority?: string
}

export interface FederatedFakeAz {
  /** Put it first on PATH. */
  dir: string
  /** Each call's argv, in order. */
  calls(): Promise<string[][]>
  remove(): Promise<void>
}

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'fake-az-federated.ts')

function shellQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

export async function writeFederatedFakeAz(options: FederatedFakeAzOptions = {}): Promise<FederatedFakeAz> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-az-federated-'))
  const callsFile = join(dir, 'calls.jsonl')
  const settings: Record<string, string | undefined> = {
    FAKE_AZ_ACCOUNT: options.account,
    FAKE_AZ_CLIENT_ID: options.clientId,
    FAKE_AZ_TENANT: options.tenantId,
    FAKE_AZ_SUBSCRIPTION_ID: options.subscriptionId,
    FAKE_AZ_CLOUD: options.cloudName,
    FAKE_AZ_AUTHORITY: options.authority,
    FAKE_AZ_CALLS: callsFile
  }
  const exports = Object.entries(settings)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `export ${name}=${shellQuoted(value)}\n`)
  const command = `exec ${shellQuoted(process.execPath)} ${shellQuoted(SCRIPT)} "$@"\n`
  await writeFile(join(dir, 'az'), `#!/bin/sh\n${exports.join('')}${command}`)
  await chmod(join(dir, 'az'), 0o755)
  await writeFile(callsFile, '')
  return {
    dir,
    calls: async () =>
      (await readFile(callsFile, 'utf8'))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { argv: string[] }).argv),
    remove: () => rm(dir, { recursive: true, force: true })
  }
}
