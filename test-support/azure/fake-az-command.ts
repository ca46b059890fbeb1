// An `az` for in-process tests: fake-az.ts with its FAKE_AZ_* variables written into the launcher script. In-process,
// a test cannot hand variables to the child the way run-action.ts does: jest gives each test file its own copy of
// process.env, and the children that @actions/exec starts inherit the real one.
import { chmod, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../runner/run-action.ts'

function shellQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** Writes an executable `az` into a fresh directory (returned) that runs fake-az.ts with `env` set. */
export async function fakeAzWith(env: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-az-in-process-'))
  const exports = Object.entries(env).map(([name, value]) => `export ${name}=${shellQuoted(value)}\n`)
  const fakeAz = join(REPO_ROOT, 'test-support', 'azure', 'fake-az.ts')
  const command = `exec ${shellQuoted(process.execPath)} ${shellQuoted(fakeAz)} "$@"\n`
  await writeFile(join(dir, 'az'), `#!/bin/sh\n${exports.join('')}${command}`)
  await chmod(join(dir, 'az'), 0o755)
  return dir
}
