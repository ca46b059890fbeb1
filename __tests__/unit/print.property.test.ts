// Properties of the sanitiser over random text: a random JWT-shaped token, embedded in random forms among control
// characters, escape sequences and workflow-command look-alikes, never comes out, and no output is a command.
import fc from 'fast-check'
import { createPrinter, type PrintOptions } from '../../src/print.ts'

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const segmentArb = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...Array.from(BASE64URL)), minLength, maxLength })

/** Header, payload and signature at realistic lengths: an Entra ID access token is about 36 + 300..1500 + 342. */
const tokenArb = fc.tuple(segmentArb(20, 60), segmentArb(100, 400), segmentArb(86, 342))

const SPACING = [' ', '\n', '\r\n', '\t', '  \n  ', '\n\n', '\r', ' \\n ']
const spacingArb = fc.constantFrom(...SPACING)

/** How a server or az may give the token back: all or part of it, encoded or not, then laid out in some way. */
interface Form {
  /** Only part of it, as a server that echoes it cut short: where the part starts, and its length (16 or more). */
  excerpt?: { from: number; length: number }
  encoding:
    | { kind: 'none' }
    | { kind: 'url-encoded'; stride: number; offset: number; lowerCase: boolean }
    | { kind: 'json-escaped'; stride: number; offset: number; standardBase64: boolean }
  layout:
    | { kind: 'whole' }
    | { kind: 'split'; cuts: number[]; spacing: string[] }
    | { kind: 'wrapped'; width: number; spacing: string }
}

const everyFew = { stride: fc.integer({ min: 1, max: 7 }), offset: fc.integer({ min: 0, max: 6 }) }

const formArb: fc.Arbitrary<Form> = fc.record(
  {
    excerpt: fc.record({ from: fc.integer({ min: 0, max: 2000 }), length: fc.integer({ min: 16, max: 120 }) }),
    encoding: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({ kind: fc.constant('url-encoded' as const), ...everyFew, lowerCase: fc.boolean() }),
      fc.record({ kind: fc.constant('json-escaped' as const), ...everyFew, standardBase64: fc.boolean() })
    ),
    layout: fc.oneof(
      fc.constant({ kind: 'whole' as const }),
      fc.record({
        kind: fc.constant('split' as const),
        cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        spacing: fc.array(spacingArb, { minLength: 1, maxLength: 8 })
      }),
      fc.record({ kind: fc.constant('wrapped' as const), width: fc.integer({ min: 1, max: 120 }), spacing: spacingArb })
    )
  },
  { requiredKeys: ['encoding', 'layout'] }
)

function hex(char: string, digits: number): string {
  return char.charCodeAt(0).toString(16).padStart(digits, '0')
}

function excerpt(token: string, part: Form['excerpt']): string {
  if (!part) return token
  const from = part.from % (token.length - part.length + 1)
  return token.slice(from, from + part.length)
}

function encode(text: string, encoding: Form['encoding']): string {
  switch (encoding.kind) {
    case 'none':
      return text
    case 'url-encoded':
      return Array.from(text, (char, i) => {
        if ((i + encoding.offset) % encoding.stride !== 0) return char
        const code = hex(char, 2)
        return `%${encoding.lowerCase ? code : code.toUpperCase()}`
      }).join('')
    case 'json-escaped': {
      const spelled = encoding.standardBase64 ? text.replace(/-/g, '+').replace(/_/g, '/') : text
      return Array.from(spelled, (char, i) => {
        if (char === '.') return '\\u002e'
        if (char === '/') return '\\/'
        return (i + encoding.offset) % encoding.stride === 0 ? `\\u${hex(char, 4)}` : char
      }).join('')
    }
  }
}

/** Lays text out as a server might: split at random points, or wrapped (which may cut an escape in two). */
function layOut(text: string, layout: Form['layout']): string {
  switch (layout.kind) {
    case 'whole':
      return text
    case 'split': {
      const cuts = [...new Set(layout.cuts.map((share) => Math.floor(share * text.length)))].sort((a, b) => a - b)
      const pieces = [...cuts, text.length].map((cut, i) => text.slice(i === 0 ? 0 : cuts[i - 1], cut))
      const spacing = (i: number): string => (i === 0 ? '' : (layout.spacing[i % layout.spacing.length] ?? ' '))
      return pieces.map((piece, i) => spacing(i) + piece).join('')
    }
    case 'wrapped':
      return (text.match(new RegExp(`.{1,${layout.width}}`, 'g')) ?? []).join(layout.spacing)
  }
}

function inForm(token: string, form: Form): string {
  return layOut(encode(excerpt(token, form.excerpt), form.encoding), form.layout)
}

const controlArb = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.constantFrom(0x200b, 0x200d, 0x202e, 0x2028, 0x2029, 0xfeff, 0x00ad, 0x2060)
)

/** Text around the token: ordinary words and every kind of trouble. */
const fragmentArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  controlArb.map((code) => String.fromCharCode(code)),
  fc.constantFrom('::', '::warning::', '::add-mask::', ' ::error file=x::', '\u3000::'),
  fc.constantFrom('##[', '##[error]', '#', ':'),
  fc.constantFrom('\u001b[31m', '\u001b[0m', '\u001b]8;;https://evil.example\u0007', '\u001b]0;title\u001b\\'),
  spacingArb,
  fc.constantFrom('%', '%2', '\\', '\\u00', '&#', 'Bearer ', '"access_token":"')
)

const caseArb = fc.record({
  token: tokenArb,
  forms: fc.array(formArb, { minLength: 1, maxLength: 3 }),
  before: fc.array(fragmentArb, { maxLength: 12 }),
  after: fc.array(fragmentArb, { maxLength: 12 }),
  between: fc.array(fragmentArb, { maxLength: 4 }),
  quoted: fc.boolean()
})

interface Case {
  token: string
  payload: string
  signature: string
  text: string
  options: PrintOptions
}

type Generated = typeof caseArb extends fc.Arbitrary<infer T> ? T : never

function toCase(generated: Generated): Case {
  const [header, payload, signature] = generated.token
  const token = `${header}.${payload}.${signature}`
  const embedded = generated.forms.map((form) => inForm(token, form)).join(generated.between.join(''))
  return {
    token,
    payload,
    signature,
    text: `${generated.before.join('')}${embedded}${generated.after.join('')}`,
    options: { quoted: generated.quoted }
  }
}

/**
 * The 16-character runs of the payload and signature found in `printed`, with whitespace removed and percent and
 * JSON escapes decoded (written apart from src/print.ts, so a mistake there is not repeated here).
 */
function leakedRuns(printed: string, { payload, signature }: Case): string[] {
  let compact = printed
  for (let layer = 0; layer < 3; layer++) {
    compact = compact
      .replace(/\s/g, '')
      .replace(/%([0-9a-fA-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
      .replace(/\\\//g, '/')
  }
  compact = compact.replace(/\+/g, '-').replace(/\//g, '_')
  const leaked: string[] = []
  for (const segment of [payload, signature]) {
    for (let i = 0; i + 16 <= segment.length; i++) {
      const run = segment.slice(i, i + 16)
      if (compact.includes(run)) leaked.push(run)
    }
  }
  return leaked
}

const RAW_INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/u

/** A line the runner would read as a workflow command, or that shows anything raw. */
function unsafe(printed: string): string | undefined {
  if (/^\s*::/.test(printed)) return 'starts with ::'
  if (printed.includes('##[')) return 'holds ##['
  if (RAW_INVISIBLE.test(printed)) return 'holds a raw control or invisible character'
  return undefined
}

const settings = { numRuns: 200 }

describe('the printer, over random text holding a random token', () => {
  it('prints one line with no 16-character run of the token and nothing a runner would obey', () => {
    fc.assert(
      fc.property(caseArb.map(toCase), (c) => {
        const printed = createPrinter(c.token).line(c.text, c.options)
        expect(leakedRuns(printed, c)).toEqual([])
        expect(unsafe(printed)).toBeUndefined()
      }),
      settings
    )
  })

  it('prints every line of multi-line text the same way', () => {
    fc.assert(
      fc.property(caseArb.map(toCase), (c) => {
        const printed = createPrinter(c.token).lines(c.text, c.options)
        expect(leakedRuns(printed.join(''), c)).toEqual([])
        for (const line of printed) expect(unsafe(line)).toBeUndefined()
      }),
      settings
    )
  })

  it('makes summary cells of one line, with no markup and no token', () => {
    fc.assert(
      fc.property(caseArb.map(toCase), (c) => {
        const cell = createPrinter(c.token).cell(c.text, c.options)
        expect(leakedRuns(cell, c)).toEqual([])
        expect(unsafe(cell)).toBeUndefined()
        expect(cell).not.toMatch(/[<>"']/)
      }),
      settings
    )
  })

  it('changes nothing more when a printed line is printed again', () => {
    fc.assert(
      fc.property(caseArb.map(toCase), (c) => {
        const print = createPrinter(c.token)
        const once = print.line(c.text)
        expect(print.line(once)).toBe(once)
      }),
      settings
    )
  })
})

describe('the printer, over random text holding two random secrets (the access token and the OIDC token)', () => {
  const twoCasesArb = fc.tuple(caseArb.map(toCase), caseArb.map(toCase), fc.boolean())

  it('prints no 16-character run of either, in whichever order they come and were registered', () => {
    fc.assert(
      fc.property(twoCasesArb, ([accessToken, oidcToken, swapped]) => {
        const print = swapped
          ? createPrinter(oidcToken.token, accessToken.token)
          : createPrinter(accessToken.token, oidcToken.token)
        const text = swapped ? `${oidcToken.text}${accessToken.text}` : `${accessToken.text}${oidcToken.text}`
        for (const printed of [print.line(text, accessToken.options), print.lines(text).join(''), print.cell(text)]) {
          expect(leakedRuns(printed, accessToken)).toEqual([])
          expect(leakedRuns(printed, oidcToken)).toEqual([])
          expect(unsafe(printed)).toBeUndefined()
        }
      }),
      settings
    )
  })
})
