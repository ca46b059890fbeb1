// Runs Orthanc as its child and stops it when the test process that started this guard goes away, however it goes:
// that process holds this guard's stdin, and the pipe closes when it exits, is killed, or crashes. Orthanc has no
// such tie of its own, and a test killed by jest's timeout or a signal would otherwise leave it running (ppid 1).
// Usage: node orthanc-guard.ts <Orthanc binary> <config file> <temp folder to remove once Orthanc is gone>
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'

const STOP_GRACE_MS = 10_000
const [binary = '', config = '', directory] = process.argv.slice(2)
const orthanc = spawn(binary, [config], { stdio: ['ignore', 'inherit', 'inherit'] })
let stopping = false

function stop(): void {
  if (stopping) return
  stopping = true
  orthanc.kill('SIGTERM')
  setTimeout(() => orthanc.kill('SIGKILL'), STOP_GRACE_MS).unref()
}

orthanc.once('error', (error) => {
  process.stderr.write(`Orthanc could not be run: ${error.message}\n`)
  process.exit(127)
})
orthanc.once('exit', (code, signal) => {
  // Orphaned, nobody else will remove the folder; when the test process stops Orthanc, it removes it too (force).
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true })
  process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1))
})
process.stdin.once('close', stop)
process.stdin.once('end', stop)
process.stdin.resume()
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
