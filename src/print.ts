// The one sanitiser every log line and job-summary cell goes through. Pure: it removes the token in whatever form
// it comes back in, shows invisible characters as escapes, and keeps quoted text from issuing workflow commands.

/** What a removed secret is shown as: the runner's own mask, so both read the same. */
export const REDACTED = '***'
/** Any run of the token this long is removed, so an echo that is cut short or split up is caught too. */
export const TOKEN_WINDOW_CHARS = 16
/** A `.`-separated segment of the token this long is removed on its own (shorter ones are too common to remove). */
export const MIN_SEGMENT_CHARS = 8
/** In quoted text, a base64url run this long is taken for a secret, unless it is plainly not one. */
export const SECRET_RUN_CHARS = 40

/** `quoted`: the text is quoted from a server or az, so long base64url runs, which may be secrets, go too. */
export interface PrintOptions {
  quoted?: boolean
}

export interface Printer {
  /** One log line: never more than one line, whatever the text holds. */
  line(text: string, options?: PrintOptions): string
  /** Multi-line text (az's stderr, say) as safe log lines; a token wrapped across them is still found. */
  lines(text: string, options?: PrintOptions): string[]
  /** One job-summary cell: a safe line, HTML-escaped, as core.summary writes cells as they are. */
  cell(text: string, options?: PrintOptions): string
}

/** The printer for a run: every line and cell it makes is free of each of `secrets` (the access token, an OIDC token). */
export function createPrinter(...secrets: string[]): Printer {
  const clean = (text: string, options: PrintOptions = {}): string => {
    const withoutToken = removeSecret(text, secrets)
    return options.quoted ? removeSecretLikeRuns(withoutToken) : withoutToken
  }
  const line = (text: string, options?: PrintOptions): string => neutraliseCommands(showInvisible(clean(text, options)))
  return {
    line,
    lines: (text, options) =>
      clean(text, options)
        .split(/\r\n|\n|\r/)
        .map((part) => neutraliseCommands(showInvisible(part))),
    cell: (text, options) => escapeHtml(line(text, options))
  }
}

/** One character of the text as searched, and the span of the original text it was read from. */
interface Unit {
  char: string
  start: number
  end: number
}

// Dropped from the searched text: what a server or a terminal puts between the pieces of a wrapped token.
const SPACING = /^[\s\p{Default_Ignorable_Code_Point}]$/u
// JSON (\u002e, \/), percent (%2E) and HTML (&#46;) encodings, and the JSON escapes of whitespace (\n).
const ENCODED = /\\u([0-9a-fA-F]{4})|\\([/\\"'])|\\[nrtbfv]|%([0-9a-fA-F]{2})|&#(\d{1,5});|&#[xX]([0-9a-fA-F]{1,4});/y
// Enough for a token encoded twice (%252E), without looping on text that keeps changing.
const DECODING_PASSES = 3

function decodedChar(match: RegExpExecArray): string | undefined {
  const [, unicodeHex, escaped, percentHex, decimal, htmlHex] = match
  const hex = unicodeHex ?? percentHex ?? htmlHex
  if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16))
  if (escaped !== undefined) return escaped
  if (decimal !== undefined) return Number(decimal) <= 0xffff ? String.fromCharCode(Number(decimal)) : undefined
  return ' ' // \n, \t ...: whitespace, dropped like the real thing
}

/** One pass: drops spacing and decodes one layer of encoding, each unit keeping the span it came from. */
function decodeOnce(units: readonly Unit[]): Unit[] {
  const text = units.map((unit) => unit.char).join('')
  const decoded: Unit[] = []
  for (let i = 0; i < units.length;) {
    const codePoint = text.codePointAt(i) ?? 0
    const width = codePoint > 0xffff ? 2 : 1
    if (SPACING.test(String.fromCodePoint(codePoint))) {
      i += width
      continue
    }
    ENCODED.lastIndex = i
    const match = ENCODED.exec(text)
    const char = match ? decodedChar(match) : undefined
    const first = units[i]
    const last = units[i + (match?.[0].length ?? 1) - 1]
    if (match && char !== undefined && first && last) {
      if (!SPACING.test(char)) decoded.push({ char, start: first.start, end: last.end })
      i += match[0].length
    } else {
      if (first) decoded.push(first)
      i += 1
    }
  }
  return decoded
}

/**
 * The text as the token is searched for in it, layer by layer: as it is, then without whitespace (the runner masks
 * whole strings only, so a token a server wrapped at 64 columns would show) and decoded once, twice… Each layer keeps a
 * map back to where each character came from. Every layer is searched: a later decoding can also spoil a token that
 * an earlier one showed whole (a literal '%' before decoded 'AA' reads as '%AA').
 */
function searchableLayers(text: string): Unit[][] {
  let units: Unit[] = Array.from({ length: text.length }, (_, i) => ({ char: text.charAt(i), start: i, end: i + 1 }))
  const layers = [units]
  for (let pass = 0; pass < DECODING_PASSES; pass++) {
    const decoded = decodeOnce(units)
    // Every decoding or drop shortens the text, so the same length means nothing is left to do.
    if (decoded.length === units.length) break
    units = decoded
    layers.push(units)
  }
  return layers
}

interface SecretPatterns {
  /** Every TOKEN_WINDOW_CHARS run of the secret, in each of its spellings. */
  windows: Set<string>
  /** Shorter parts found whole: a short secret, and segments too short for a window. */
  whole: string[]
}

// The patterns of the secrets asked about: a run has a token or two, and every line and cell asks about each again.
const knownPatterns = new Map<string, SecretPatterns>()

function secretPatterns(secret: string): SecretPatterns {
  const known = knownPatterns.get(secret)
  if (known) return known
  // A server may also give a base64url token back in standard base64.
  const spellings = [...new Set([secret, secret.replace(/-/g, '+').replace(/_/g, '/')])]
  const windows = new Set<string>()
  const whole: string[] = []
  for (const spelling of spellings) {
    if (spelling.length < TOKEN_WINDOW_CHARS) whole.push(spelling)
    for (let i = 0; i + TOKEN_WINDOW_CHARS <= spelling.length; i++) {
      windows.add(spelling.slice(i, i + TOKEN_WINDOW_CHARS))
    }
    // Longer segments are caught by the windows.
    whole.push(...spelling.split('.').filter((s) => s.length >= MIN_SEGMENT_CHARS && s.length < TOKEN_WINDOW_CHARS))
  }
  const patterns = { windows, whole }
  if (knownPatterns.size >= 8) knownPatterns.clear() // only tests ask about more than a few secrets, in one process
  knownPatterns.set(secret, patterns)
  return patterns
}

/** Marks the characters of `searched` that belong to the secret: any TOKEN_WINDOW_CHARS run of it, or a segment. */
function markSecretCharacters(searched: string, secret: string, covered: boolean[]): void {
  const { windows, whole } = secretPatterns(secret)
  for (let i = 0; i + TOKEN_WINDOW_CHARS <= searched.length; i++) {
    if (windows.has(searched.slice(i, i + TOKEN_WINDOW_CHARS))) covered.fill(true, i, i + TOKEN_WINDOW_CHARS)
  }
  for (const part of whole) {
    for (let at = searched.indexOf(part); at >= 0; at = searched.indexOf(part, at + 1)) {
      covered.fill(true, at, at + part.length)
    }
  }
}

/**
 * Removes each secret in every form it may come back in: whole or in segments, cut short, split across lines or
 * wrapped with spaces, URL-encoded, JSON- or HTML-escaped. Each run of one, with the spacing inside, becomes REDACTED.
 */
export function removeSecret(text: string, secret: string | readonly string[] | undefined): string {
  const secrets = [secret ?? []].flat().flatMap((one) => one.replace(/\s/g, '') || []) // without spacing; '' dropped
  if (secrets.length === 0 || text === '') return text
  // Which characters of the original text are a secret (or spacing inside one), found in any layer.
  const hidden = new Array<boolean>(text.length).fill(false)
  for (const units of searchableLayers(text)) hideCovered(units, coveredBySecrets(units, secrets), hidden)
  return redacted(text, hidden)
}

/** Which characters of one layer belong to a secret. */
function coveredBySecrets(units: readonly Unit[], secrets: readonly string[]): boolean[] {
  const searched = units.map((unit) => unit.char).join('')
  const covered = new Array<boolean>(searched.length).fill(false)
  for (const one of secrets) markSecretCharacters(searched, one, covered)
  return covered
}

/** Marks, in the original text, the span of each covered run of a layer's characters. */
function hideCovered(units: readonly Unit[], covered: boolean[], hidden: boolean[]): void {
  for (let i = 0; i < units.length; i++) {
    if (!covered[i] || covered[i - 1]) continue
    let last = i
    while (covered[last + 1]) last++
    hidden.fill(true, units[i]?.start ?? 0, units[last]?.end ?? 0)
    i = last
  }
}

/** The text with each hidden run replaced by one REDACTED. */
function redacted(text: string, hidden: readonly boolean[]): string {
  let result = ''
  for (let i = 0; i < text.length; i++) {
    if (!hidden[i]) result += text.charAt(i)
    else if (!hidden[i - 1]) result += REDACTED
  }
  return result
}

const SECRET_LIKE_RUN = new RegExp(`[A-Za-z0-9_-]{${SECRET_RUN_CHARS},}`, 'g')

/**
 * Plainly not a secret: hex digits and hyphens (digests, GUIDs, trace and correlation ids), or words joined by `-`
 * or `_` each in one letter case (host names, error codes). Random base64url of this length is almost never either
 * (odds about 1e-10); a secret that is all hex or all one case would be shown, which is why the token itself is
 * removed by value, not by this rule.
 */
function plainlyNotSecret(run: string): boolean {
  if (/^[0-9a-f-]+$/.test(run) || /^[0-9A-F-]+$/.test(run)) return true
  return run.split(/[-_]/).every((word) => /^[a-z0-9]*$/.test(word) || /^[A-Z0-9]*$/.test(word))
}

/** For quoted text: replaces base64url runs of SECRET_RUN_CHARS or more that may be secrets (another token, a key). */
export function removeSecretLikeRuns(text: string): string {
  return text.replace(SECRET_LIKE_RUN, (run) => (plainlyNotSecret(run) ? run : REDACTED))
}

// Control characters (ANSI and OSC sequences start with ESC, end with BEL), format and other default-ignorable
// characters (zero-width spaces, bidi overrides), line and paragraph separators, and lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * Shows every invisible character as an escape (\n, \t, \u001b, \u200b, \u{e0041}), so the text is one line, a
 * terminal sequence is shown rather than obeyed, and nothing hides between the characters of a command.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => {
    const codePoint = char.codePointAt(0) ?? 0
    const short = SHORT_ESCAPES[char]
    if (short !== undefined) return short
    return codePoint > 0xffff ? `\\u{${codePoint.toString(16)}}` : `\\u${codePoint.toString(16).padStart(4, '0')}`
  })
}

/**
 * Keeps a line from being read as a workflow command. The runner takes a line as a command when, after leading
 * whitespace, it starts with `::` (actions/runner ActionCommand.TryParseV2) or holds `##[` anywhere (TryParse, the
 * old form). A space is put in: `: :` and `## [`. Not a zero-width character: the runner compares with .NET's
 * culture-sensitive StartsWith and IndexOf, which may ignore such characters; it is why showInvisible runs first.
 * The action issues its own commands through @actions/core only, so a printed line never needs to be one.
 */
export function neutraliseCommands(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1: ').replaceAll('##[', '## [')
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** core.summary writes cells as HTML as they are: server text must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
}

const CUT_RUN = /[A-Za-z0-9_%.+/=-]+$/
/**
 * Text quoted from a server or az inside a message: without the token or any long secret-like run, on one line, and
 * cut to `maxChars`. The token is removed before the text is flattened, so one wrapped across lines is found too.
 * Only a head of a long text is scanned (8 characters per one shown, at least 4096), so a 1 MiB body costs no more
 * than a short one; a run of token characters the cut splits is dropped: it may start a secret no longer seen whole.
 */
export function quote(text: string | undefined, secret: string | undefined, maxChars: number): string {
  const scanned = Math.max(4096, maxChars * 8)
  const cut = (text ?? '').length > scanned
  const sanitised = removeSecretLikeRuns(removeSecret((text ?? '').slice(0, scanned), secret))
  const flat = (cut ? sanitised.replace(CUT_RUN, '') : sanitised).replace(/\s+/g, ' ').trim()
  return flat.length > maxChars || cut ? `${flat.slice(0, maxChars)}…` : flat
}
