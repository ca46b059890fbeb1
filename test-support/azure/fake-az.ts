// A stand-in `az` for runner-level tests, driven by FAKE_AZ_* variables. It records how it was called,
// then behaves like one case of the real CLI: a token in 2.45 or 2.54+ format, an error, garbage, a hang, or a death
// by signal. FAKE_AZ_EXPIRES_ON goes into expires_on as the number it reads as (1e20 stays a number, not a string).
import { appendFileSync, writeFileSync } from 'node:fs'
import { TENANT_ID } from './ids.ts'

const env = process.env
if (env.FAKE_AZ_CALLS)
  appendFileSync(env.FAKE_AZ_CALLS, `${JSON.stringify({ argv: process.argv.slice(2), pid: process.pid })}\n`)

/** az 2.45 prints expiresOn as the runner's local time, without a zone. */
function localTimeWithoutZone(epochSeconds: number): string {
  // An expiry past what a Date holds (FAKE_AZ_EXPIRES_ON=1e20) still gets a readable expiresOn: an hour from now.
  const ms = epochSeconds * 1000
  const d = new Date(Number.isNaN(new Date(ms).getTime()) ? Date.now() + 3600_000 : ms)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.000000`
  )
}

const mode = env.FAKE_AZ_MODE ?? 'token'
if (env.FAKE_AZ_STDERR) process.stderr.write(env.FAKE_AZ_STDERR)
// The real az takes ~0.4 s; a delay lets tests see what the action does meanwhile.
if (env.FAKE_AZ_DELAY_MS) await new Promise((resolve) => setTimeout(resolve, Number(env.FAKE_AZ_DELAY_MS)))

switch (mode) {
  case 'token': {
    const expiresOn = Number(env.FAKE_AZ_EXPIRES_ON ?? Math.floor(Date.now() / 1000) + 3600)
    const body: Record<string, unknown> = {
      accessToken: env.FAKE_AZ_TOKEN,
      expiresOn: localTimeWithoutZone(expiresOn),
      subscription: '00000000-0000-0000-0000-00000000cafe',
      tenant: env.FAKE_AZ_TENANT ?? TENANT_ID,
      tokenType: 'Bearer'
    }
    if (env.FAKE_AZ_FORMAT !== '2.45') body.expires_on = expiresOn
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`)
    process.exitCode = 0
    break
  }
  case 'garbage':
    // Not JSON, yet holding the token: the action must fail without echoing any of it.
    process.stdout.write(`Access token: ${env.FAKE_AZ_TOKEN ?? ''}\n`)
    process.exitCode = 0
    break
  case 'fail':
    process.exitCode = Number(env.FAKE_AZ_EXIT ?? 1)
    break
  case 'signal':
    // Killed by a signal, as the OOM killer or a runner cancelling the job would: no exit code, only SIGKILL.
    process.kill(process.pid, 'SIGKILL')
    break
  case 'hang':
    if (env.FAKE_AZ_PIDFILE) writeFileSync(env.FAKE_AZ_PIDFILE, String(process.pid))
    setInterval(() => undefined, 60_000)
    break
  default:
    process.stderr.write(`fake az: unknown FAKE_AZ_MODE ${mode}\n`)
    process.exitCode = 99
}
