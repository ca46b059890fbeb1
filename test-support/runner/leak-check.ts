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
      if (segment.length >= 8 && visible.includes(segment))
        leaks.push({ where, segment: SEGMENT_NAMES[index] ?? 'signature' })
    })
  }
  return leaks
}

/**
 * The places a finished run shows to people: log, summary, every output but `token`, exported variables but
 * `allowedVariable`.
 */
export function runPlaces(
  run: {
    stdout: string
    stderr: string
    summary: string
    outputs: Record<string, string>
    exportedEnv: Record<string, string>
  },
  allowedVariable?: string
): Record<string, string> {
  const places: Record<string, string> = { stdout: run.stdout, stderr: run.stderr, summary: run.summary }
  for (const [name, value] of Object.entries(run.outputs)) if (name !== 'token') places[`output ${name}`] = value
  for (const [name, value] of Object.entries(run.exportedEnv))
    if (name !== allowedVariable) places[`env ${name}`] = value
  return places
}

/**
 * The secret parts of a JWT: payload and signature (the header names only the algorithm and key, and is not secret).
 */
function secretSegments(token: string): { segment: 'payload' | 'signature'; text: string }[] {
  const [, payload = '', signature = ''] = token.split('.')
  return [
    { segment: 'payload' as const, text: payload },
    { segment: 'signature' as const, text: signature }
  ].filter((s) => s.text !== '')
}

const JSON_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }

/** Text as it would read once percent-encoding, or JSON escapes (`\/`, `\u002e`, `\n`), are undone. */
function decodings(text: string): string[] {
  const percent = text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  const json = text.replace(/\\u([0-9a-fA-F]{4})|\\(.)/g, (_, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : (JSON_ESCAPES[char ?? ''] ?? char ?? '')
  )
  return [text, percent, json]
}

export const LEAK_WINDOW_CHARS = 16

interface WindowOptions {
  /** false: not even the mask line may hold the token. */
  maskLine?: boolean
}

/**
 * The stronger check: no run of LEAK_WINDOW_CHARS characters of the token's payload or signature appears in a place
 * once all whitespace is removed from it (so a token wrapped at 64 columns, or split by single spaces, is still found),
 * nor once percent-encoding or JSON escapes are undone. The `::add-mask::` line is the one place the token may be,
 * unless `maskLine: false` says it may not be even there (a token the action must refuse).
 */
export function findLeakedWindows(token: string, places: Record<string, string>, options: WindowOptions = {}): Leak[] {
  const leaks: Leak[] = []
  const maskLine = options.maskLine === false ? undefined : `::add-mask::${token}`
  for (const [where, text] of Object.entries(places)) {
    const visible = text
      .split(/\r?\n/)
      .filter((line) => line !== maskLine)
      .join('\n')
    const squeezed = decodings(visible).map((variant) => variant.replace(/\s+/g, ''))
    for (const { segment, text: secret } of secretSegments(token)) {
      for (let start = 0; start + LEAK_WINDOW_CHARS <= secret.length; start++) {
        const window = secret.slice(start, start + LEAK_WINDOW_CHARS)
        if (squeezed.some((variant) => variant.includes(window))) {
          leaks.push({ where, segment })
          break
        }
      }
    }
  }
  return leaks
}
