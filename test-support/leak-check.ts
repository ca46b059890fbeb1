// Finds the token, or any one of its three segments, anywhere it must not be. The only place it may
// appear in the log is the runner's mask command; in files, only where the test says it belongs.

export interface Leak {
  where: string
  segment: 'token' | 'header' | 'payload' | 'signature'
}

const SEGMENT_NAMES = ['header', 'payload', 'signature'] as const

export function findLeaks(token: string, places: Record<string, string>): Leak[] {
  const leaks: Leak[] = []
  const maskLine = `::add-mask::${token}`
  for (const [where, text] of Object.entries(places)) {
    const visible = text
      .split(/\r?\n/)
      .filter((line) => line !== maskLine)
      .join('\n')
    if (visible.includes(token)) leaks.push({ where, segment: 'token' })
    token.split('.').forEach((segment, index) => {
      if (segment.length >= 8 && visible.includes(segment)) leaks.push({ where, segment: SEGMENT_NAMES[index] ?? 'signature' })
    })
  }
  return leaks
}

/** The places a finished run shows to people: log, summary, every output but `token`, exported variables but `allowedVariable`. */
export function runPlaces(
  run: { stdout: string; stderr: string; summary: string; outputs: Record<string, string>; exportedEnv: Record<string, string> },
  allowedVariable?: string
): Record<string, string> {
  const places: Record<string, string> = { stdout: run.stdout, stderr: run.stderr, summary: run.summary }
  for (const [name, value] of Object.entries(run.outputs)) if (name !== 'token') places[`output ${name}`] = value
  for (const [name, value] of Object.entries(run.exportedEnv)) if (name !== allowedVariable) places[`env ${name}`] = value
  return places
}
