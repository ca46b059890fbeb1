// The sanitiser every log line and summary cell goes through: what a person reading the log or summary sees.
import {
  REDACTED,
  createPrinter,
  escapeHtml,
  neutraliseCommands,
  quote,
  removeSecret,
  removeSecretLikeRuns,
  showInvisible
} from '../../src/print.ts'
import { findLeaks } from '../../test-support/runner/leak-check.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'

const claims = {
  audience: 'https://dicom.healthcareapis.azure.com',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  objectId: '6f1f3a52-8c3b-4d8e-9f6e-1a2b3c4d5e6f',
  appId: 'a1b2c3d4-0000-4000-8000-0123456789ab',
  lifetimeSeconds: 3600
}
const token = makeJwt(accessTokenClaims(claims))
const [header = '', payload = '', signature = ''] = token.split('.')
const print = createPrinter(token)

/** Every 16-character run of the payload and signature that is still in the text, whitespace removed. */
function leakedRuns(text: string): string[] {
  const compact = text.replace(/\s/g, '')
  const runs: string[] = []
  for (const segment of [payload, signature]) {
    for (let i = 0; i + 16 <= segment.length; i++) {
      const run = segment.slice(i, i + 16)
      if (compact.includes(run)) runs.push(run)
    }
  }
  return runs
}

function wrap(text: string, width: number, separator: string): string {
  return (text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(separator)
}

function hex(char: string, digits: number): string {
  return char.charCodeAt(0).toString(16).padStart(digits, '0')
}

function percentEncodeAll(text: string): string {
  return Array.from(text, (char) => `%${hex(char, 2).toUpperCase()}`).join('')
}

function jsonEscapeAll(text: string): string {
  return Array.from(text, (char) => `\\u${hex(char, 4)}`).join('')
}

const standardBase64 = token.replace(/-/g, '+').replace(/_/g, '/')

describe('removing the token', () => {
  test.each([
    ['whole', `Authorization: Bearer ${token}`],
    ['twice', `${token} and again ${token}`],
    ['as its header alone', `kid header was ${header}.`],
    ['as its payload alone', `claims: ${payload}`],
    ['as its signature alone', `sig=${signature}`],
    ['as segments split apart', `${signature} ${header}\n${payload}`],
    ['wrapped at 64 columns with newlines', `{"echo": "\n${wrap(token, 64, '\n')}\n"}`],
    ['wrapped at 76 columns with CRLF and indentation', `token:\r\n  ${wrap(token, 76, '\r\n  ')}`],
    ['wrapped with spaces', `echo ${wrap(token, 40, ' ')} end`],
    ['split with tabs and newlines', `${token.slice(0, 7)}\t${token.slice(7, 300)}\n \n${token.slice(300)}`],
    ['URL-encoded', `GET /?access_token=${encodeURIComponent(token)}&x=1`],
    ['percent-encoded character by character', `redirect=${percentEncodeAll(token)}`],
    ['percent-encoded twice', `u=${percentEncodeAll(token).replace(/%/g, '%25')}`],
    ['JSON-escaped, with \\u002e for its dots', JSON.stringify({ token: token.replace(/\./g, '\\u002e') })],
    ['JSON-escaped character by character', `"${jsonEscapeAll(token)}"`],
    ['in standard base64, with \\/ escapes', JSON.stringify(standardBase64).replace(/\//g, '\\/')],
    ['HTML-escaped, with &#46; for its dots', `<td>${token.replace(/\./g, '&#46;')}</td>`],
    ['cut short by a server that echoes its first 100 characters', `invalid token '${token.slice(0, 100)}…'`],
    ['with zero-width spaces between its characters', Array.from(token).join('\u200b')]
  ])('removes it %s', (_, text) => {
    const printed = print.line(text)
    expect(leakedRuns(printed)).toEqual([])
    expect(findLeaks(token, { printed })).toEqual([])
    expect(printed).toContain(REDACTED)
  })

  it('leaves the rest of the text as it was', () => {
    expect(print.line(`before ${token} after`)).toBe(`before ${REDACTED} after`)
    expect(print.line(`before\n${wrap(token, 64, '\n')}\nafter`)).toBe(`before\\n${REDACTED}\\nafter`)
  })

  it('leaves text alone when there is no token', () => {
    expect(createPrinter().line('nothing to hide')).toBe('nothing to hide')
    expect(createPrinter('').line('nothing to hide')).toBe('nothing to hide')
    expect(removeSecret('nothing to hide', undefined)).toBe('nothing to hide')
  })

  it('removes each of several secrets from every line and cell, whichever was given first', () => {
    const oidc = makeJwt({ aud: 'api://AzureADTokenExchange', sub: 'repo:octo/dicom:ref:refs/heads/main' })
    const both = createPrinter(token, oidc)
    const text = `access ${token}, oidc ${wrap(oidc, 40, '\n')}, encoded ${encodeURIComponent(token)}`
    for (const printed of [
      both.line(text),
      both.cell(text),
      ...both.lines(text),
      createPrinter(oidc, token).line(text)
    ]) {
      expect(leakedRuns(printed)).toEqual([])
      expect(findLeaks(oidc, { printed })).toEqual([])
    }
    expect(both.line(text)).toBe(`access ${REDACTED}, oidc ${REDACTED}, encoded ${REDACTED}`)
    // One of them alone leaves the other: the test above would see it.
    expect(createPrinter(token).line(`oidc ${oidc}`)).toContain(oidc.split('.')[2]) // its random signature, whole
  })

  it('removes an opaque token', () => {
    const opaque = 'Zm9vYmFyYmF6cXV4LW9wYXF1ZS10b2tlbi0xMjM0NTY3ODkw'
    expect(createPrinter(opaque).line(`token=${opaque};`)).toBe(`token=${REDACTED};`)
  })

  it('removes a short segment whole, but not text that only shares a few characters with the token', () => {
    const short = 'eyJhbGci.AbCdEfGhIjKl.zz'
    expect(removeSecret('kid=AbCdEfGhIjKl', short)).toBe(`kid=${REDACTED}`)
    expect(removeSecret('AbCdEfG and eyJhbG stay', short)).toBe('AbCdEfG and eyJhbG stay')
  })
})

describe('quoted text', () => {
  // Another token, for another audience: its payload and signature are long runs; its header is not secret.
  const otherJwt = makeJwt(accessTokenClaims({ ...claims, audience: 'https://management.azure.com' }))

  it('removes long base64url runs that may be secrets the printer does not know', () => {
    const printed = print.line(`upstream said: Bearer ${otherJwt}`, { quoted: true })
    expect(findLeaks(otherJwt, { printed })).toEqual([])
    expect(removeSecretLikeRuns('key=Q2hhbmdlRmVlZC1zZWNyZXQta2V5LXRoYXQtaXMtbG9uZw_x')).toBe(`key=${REDACTED}`)
  })

  test.each([
    ['a GUID pair', 'correlation 6f1f3a52-8c3b-4d8e-9f6e-1a2b3c4d5e6f-a1b2c3d4-0000-4000-8000-0123456789ab'],
    ['a SHA-256 digest', 'etag e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
    ['a long host name label', 'https://contosohealthcareworkspace-contosodicomservice.dicom.azurehealthcareapis.com'],
    ['an upper-case error code', 'AUTHENTICATION_FAILED_BECAUSE_THE_TOKEN_AUDIENCE_IS_WRONG']
  ])('keeps %s, which is plainly not a secret', (_, text) => {
    expect(print.line(text, { quoted: true })).toBe(text)
  })

  it('leaves long runs alone in the action’s own text', () => {
    const run = 'Q2hhbmdlRmVlZC1zZWNyZXQta2V5LXRoYXQtaXMtbG9uZw_x'
    expect(print.line(`id ${run}`)).toBe(`id ${run}`)
  })
})

describe('workflow commands', () => {
  test.each([
    ['::add-mask::x', ': :add-mask::x'],
    ['::error file=a.ts::boom', ': :error file=a.ts::boom'],
    ['   ::warning::indented', '   : :warning::indented'],
    ['\u3000::notice::after an ideographic space', '\u3000: :notice::after an ideographic space'],
    [':::', ': ::'],
    ['##[error]old form', '## [error]old form'],
    ['text then ##[group]x and ##[endgroup]', 'text then ## [group]x and ## [endgroup]'],
    ['###[', '### [']
  ])('neutralises %j', (text, expected) => {
    expect(print.line(text)).toBe(expected)
    expect(neutraliseCommands(text)).toBe(expected)
  })

  test.each(['a :: in the middle', 'IPv6 ::1 is loopback', 'Namespace::Type'])(
    'leaves %j alone: the runner reads :: only at the start',
    (text) => {
      expect(print.line(text)).toBe(text)
    }
  )

  it('keeps a command on a later line of multi-line text from starting a line', () => {
    expect(print.line('ok\n::set-env name=X::y')).toBe('ok\\n::set-env name=X::y')
    const lines = print.lines('ok\n::set-env name=X::y\r\n  ##[error]z')
    expect(lines).toEqual(['ok', ': :set-env name=X::y', '  ## [error]z'])
  })

  test.each([':\u200b:warning::x', ':\u00ad:warning::x', '#\u2060#[error]x', '\ufeff::warning::x'])(
    'shows a zero-width character hidden in %j, which .NET may ignore when comparing',
    (text) => {
      const printed = print.line(text)
      expect(printed).toMatch(/\\u(200b|00ad|2060|feff)/)
      expect(printed.trimStart().startsWith('::')).toBe(false)
      expect(printed).not.toContain('##[')
    }
  )
})

describe('invisible characters', () => {
  test.each([
    ['an ANSI colour', '\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    [
      'an OSC 8 hyperlink',
      '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u001b\\',
      '\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u001b\\'
    ],
    ['a NUL', 'a\u0000b', 'a\\u0000b'],
    ['a carriage return that would overwrite the line', 'safe\roverwritten', 'safe\\roverwritten'],
    ['a newline and a tab', 'one\ntwo\tthree', 'one\\ntwo\\tthree'],
    ['DEL and a C1 CSI', 'x\u007fy\u009bz', 'x\\u007fy\\u009bz'],
    ['a right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['a line separator', 'a\u2028b', 'a\\u2028b'],
    ['an invisible tag character', 'a\u{e0041}b', 'a\\u{e0041}b'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b']
  ])('shows %s as an escape', (_, text, expected) => {
    expect(print.line(text)).toBe(expected)
    expect(showInvisible(text)).toBe(expected)
  })

  it('keeps printable text in any script as it is', () => {
    const text = 'Résumé: 日本語, Ελληνικά, emoji 🩻, quotes “ok”'
    expect(print.line(text)).toBe(text)
  })

  it('prints one line, whatever the text holds', () => {
    expect(print.line('a\nb\r\nc\rd\u0085e\u2029f').split(/\r\n|\n|\r/)).toHaveLength(1)
  })
})

describe('summary cells', () => {
  it('escapes HTML', () => {
    const cell = print.cell('<img src=x onerror="alert(1)"> & \'q\'')
    expect(cell).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;')
    expect(escapeHtml('a<b')).toBe('a&lt;b')
  })

  it('keeps Markdown from starting after a blank line: a cell is one line', () => {
    const cell = print.cell('fine\n\n# Heading\n\n[link](https://evil.example)')
    expect(cell).not.toMatch(/[\r\n]/)
    expect(cell).toBe('fine\\n\\n# Heading\\n\\n[link](https://evil.example)')
  })

  it('removes the token and shows control characters', () => {
    const cell = print.cell(`503 \u001b[1m${wrap(token, 64, '\n')}`)
    expect(cell).toBe(`503 \\u001b[1m${REDACTED}`)
  })

  it('removes secret-like runs from quoted text', () => {
    expect(print.cell(`said ${makeJwt({})}`, { quoted: true })).not.toMatch(/[A-Za-z0-9_-]{40}/)
  })
})

describe('a token that one decoding shows whole and the next spoils', () => {
  // Found by the property test (seed 989869056): a literal '%' before a URL-encoded run of the token. Decoded once,
  // the run is the token's; decoded again, the '%' and the first two decoded 'A's read as '%AA', so the last layer
  // alone no longer holds a whole window of it.
  it('removes it: every layer is searched, not only the last', () => {
    const signature = `${'A'.repeat(48)}6Ab${'A'.repeat(35)}`
    const token = `${'A'.repeat(20)}.${'A'.repeat(100)}.${signature}`
    const text = `%  \n  ${'%41'.repeat(15)}%36${token}`
    const printed = createPrinter(token).line(text)
    expect(decodeURIComponent(printed.replace(/%(?![0-9a-fA-F]{2})/g, '%25')).replace(/\s/g, '')).not.toContain(
      `${'A'.repeat(15)}6`
    )
  })
})

describe('quote()', () => {
  const jwt = makeJwt(accessTokenClaims(claims))

  it('cuts a 1 MiB body before it scans it: as fast as a short one, and as short', () => {
    const body = `${'lorem ipsum '.repeat(90_000)}${jwt}`
    const started = performance.now()
    const quoted = quote(body, jwt, 120)
    expect(performance.now() - started).toBeLessThan(100)
    expect(quoted).toHaveLength(121)
    expect(quoted.endsWith('…')).toBe(true)
  })

  it('drops a run the cut splits, which may be the start of a secret', () => {
    const secret = `ghp_${'aB3xY7'.repeat(7)}`
    const quoted = quote(`${' '.repeat(4096 - 10)}${secret}`, undefined, 120)
    expect(quoted).not.toContain(secret.slice(0, 6))
    expect(quoted).toBe('…')
  })

  it('still finds the token in a short text wrapped across lines', () => {
    const wrapped = (jwt.match(/.{1,64}/g) ?? []).join('\n')
    expect(findLeaks(jwt, { quoted: quote(`said: ${wrapped}`, jwt, 2000) })).toEqual([])
  })
})
