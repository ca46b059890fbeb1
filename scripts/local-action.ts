// npm run local-action [-- ENV_FILE]: runs src/main.ts with @github/local-action, inputs from ENV_FILE (default .env).
// local-action shows a failed action but exits 0 (its setFailed stub sets no exit code for the process), so this
// wrapper exits 1 when the action reported a failure (an `::error::` line), or with local-action's own failing code.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { REPO_ROOT } from '../test-support/runner/run-action.ts'

const envFile = resolve(process.argv[2] ?? '.env')
if (!existsSync(envFile)) {
  console.error(
    `npm run local-action: no ${envFile}. Copy .env.example to .env and set the inputs, or name another file.`
  )
  process.exit(1)
}

const localAction = join(REPO_ROOT, 'node_modules', '.bin', 'local-action')
const child = spawn(localAction, ['.', 'src/main.ts', envFile], {
  cwd: REPO_ROOT,
  stdio: ['inherit', 'pipe', 'inherit']
})
let failed = false
let partial = ''
const scan = (line: string): void => {
  if (/^::error(?: [^:]*)?::/.test(stripVTControlCharacters(line).trim())) failed = true
}
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk)
  const lines = (partial + chunk.toString('utf8')).split('\n')
  partial = lines.pop() ?? ''
  lines.forEach(scan)
})
child.on('close', (code) => {
  scan(partial)
  if (code !== 0) process.exitCode = code ?? 1
  else if (failed) {
    console.error('npm run local-action: the action failed (the ::error:: line above says why).')
    process.exitCode = 1
  }
})
