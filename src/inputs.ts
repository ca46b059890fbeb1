// Raw step inputs -> a validated, typed Config. Pure: every rule and its message lives here, so bad input is refused
// before az or the network is touched. Every refusal goes through refusal(), which shows a value only as shownValue()
// makes it, and then through the printer.
import {
  API_VERSIONS,
  DEFAULT_API_VERSION,
  DEFAULT_RESOURCE,
  isGuid,
  isLoopbackHost,
  isOtherAzureAudience,
  isTenant
} from './dicom-service.ts'
import type { ApiVersion } from './dicom-service.ts'
import { ActionError } from './errors.ts'
import { DEFAULT_OIDC_AUDIENCE } from './sign-in/federated/request.ts'

export const DEFAULT_TIMEOUT_SECONDS = 60
export const MAX_TIMEOUT_SECONDS = 3600

/** Input names exactly as action.yml declares them. */
export const INPUT_NAMES = [
  'resource',
  'tenant',
  'subscription',
  'dicom-url',
  'api-version',
  'smoke-test',
  'wait-for-access',
  'timeout-seconds',
  'export-variable',
  'client-id',
  'audience'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** What the smoke test does once the token is there: nothing, read the change feed, or also round-trip one instance. */
export type SmokeTestMode = 'off' | 'read' | 'write'

/** The DICOM service, present only when dicom-url is given: what the inputs proved about it. */
export interface DicomTarget {
  /** The service URL as given, normalised: no trailing slash, no version. */
  url: string
  apiVersion: ApiVersion
  /** `${url}/${apiVersion}`: the base every DICOMweb path hangs off. */
  baseUrl: string
  /** host[:port], for messages. */
  host: string
  smokeTest: SmokeTestMode
  /** wait-for-access: a 403 is retried until the deadline, as a role assignment that has not applied yet. */
  waitForAccess: boolean
}

export interface Config {
  resource: string
  tenant?: string
  subscription?: string
  /** client-id: sign in by a federated exchange of the job's OIDC token as this client, without az; tenant is set. */
  clientId?: string
  /** audience: what the job's OIDC token is asked for, with client-id and in the fallback after AADSTS700024. */
  audience: string
  dicom?: DicomTarget
  timeoutMs: number
  exportVariable?: string
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// The runner refuses or owns these; exporting the token into them would fail or break later steps.
const RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_)|^(PATH|NODE_OPTIONS|CI|HOME)$/i

/** A word in the letter cases YAML 1.2's core schema allows for its booleans: true, True, TRUE. */
function yamlCases(word: string): readonly [string, string, string] {
  return [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()]
}
const YAML_TRUE = yamlCases('true')
const YAML_FALSE = yamlCases('false')
const SMOKE_TEST_READ = yamlCases('read')
const SMOKE_TEST_WRITE = yamlCases('write')

/**
 * Every value a boolean-or-mode input accepts, in one letter-case rule (lower, Capitalised, UPPER) for all of them;
 * the parser reads these, and the docs test checks docs/troubleshooting.md's table against them.
 */
export const ALLOWED_VALUES = {
  'smoke-test': [...YAML_FALSE, ...YAML_TRUE, ...SMOKE_TEST_READ, ...SMOKE_TEST_WRITE],
  'wait-for-access': [...YAML_FALSE, ...YAML_TRUE],
  'api-version': API_VERSIONS
} as const satisfies Partial<Record<InputName, readonly string[]>>

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * A refused value as the log may show it: on one line, and without what could be a secret in a URL — user info,
 * query and fragment — whether or not the URL parses (a bad port, a space, an '@' inside a password).
 */
export function shownValue(value: string): string {
  let shown = value
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    shown = shown
      .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@') // greedy: up to the last '@' before the path
      .replace(/#.*$/s, '#***')
      .replace(/\?.*$/s, '?***')
  }
  const controls = /[\u0000-\u001f\u007f-\u009f]/g // eslint-disable-line no-control-regex -- what is escaped here
  shown = shown.replace(controls, (c) => CONTROL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown
}

/** The one way an input is refused: what is wrong (any value in it shown through shownValue), and the fix. */
function refusal(message: string, fix: string): ActionError {
  return new ActionError('invalid-input', message, fix)
}

/** The usual refusal: the input's name, the value as it may be shown, what is allowed. */
function notAllowed(input: InputName, value: string, allowed: string): ActionError {
  return refusal(`Input '${input}' is invalid: '${shownValue(value)}'.`, `Allowed: ${allowed}.`)
}

/**
 * az reads an argument that starts with '@' as "the contents of this file" and one that starts with '-' as an option:
 * `@/proc/self/environ` would put the step's environment into az's error message. No value passed to az may.
 * On Windows az is az.cmd, so its arguments pass through cmd.exe, which expands %VAR% even inside quotes and has no
 * escape for it there: a '%' is refused on every runner, so a workflow behaves the same on all of them.
 */
function refuseAzFileOrOption(input: InputName, value: string): void {
  if (/^[@-]/.test(value)) {
    throw notAllowed(
      input,
      value,
      `a value that does not start with '@' or '-' (the Azure CLI reads those as a file or an option)`
    )
  }
  if (value.includes('%')) {
    throw notAllowed(input, value, `a value without '%' (on Windows, cmd.exe would expand %NAME% in it for az.cmd)`)
  }
}

function parseResource(value: string): string {
  if (value === '') return DEFAULT_RESOURCE
  refuseAzFileOrOption('resource', value)
  const looksLikeUri = /^[a-z][a-z0-9+.-]*:\/\/?\S+$/i.test(value) && URL.canParse(value)
  if (!(looksLikeUri || isGuid(value))) {
    throw notAllowed(
      'resource',
      value,
      `an absolute URI such as ${DEFAULT_RESOURCE}, or an application (client) ID GUID`
    )
  }
  return value
}

function parseTenant(value: string): string | undefined {
  if (value === '') return undefined
  refuseAzFileOrOption('tenant', value)
  if (!isTenant(value)) {
    throw notAllowed('tenant', value, 'a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com')
  }
  return value
}

function parseSubscription(value: string): string | undefined {
  if (value === '') return undefined
  refuseAzFileOrOption('subscription', value)
  // az accepts a subscription ID or its display name.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (value.length > 128 || /[\u0000-\u001f]/.test(value)) {
    throw notAllowed('subscription', value, 'a subscription ID (GUID) or name')
  }
  return value
}

function parseClientId(value: string): string | undefined {
  if (value === '') return undefined
  if (!isGuid(value)) {
    throw notAllowed(
      'client-id',
      value,
      'the Application (client) ID of an app registration or a user-assigned ' +
        "managed identity, a GUID such as azure/login's client-id"
    )
  }
  return value
}

function parseAudience(value: string): string {
  if (value === '') return DEFAULT_OIDC_AUDIENCE
  // It goes into the OIDC token request's URL and the token's aud claim: one visible word, as Entra compares it.
  if (value.length > 256 || !/^[\x21-\x7e]+$/.test(value)) {
    throw notAllowed('audience', value, `the audience of the federated credential, such as ${DEFAULT_OIDC_AUDIENCE}`)
  }
  return value
}

/** Who signs in, and where: az's defaults, or with client-id a federated exchange, which needs a tenant. */
function parseSignIn(
  read: (name: InputName) => string
): Pick<Config, 'tenant' | 'subscription' | 'clientId' | 'audience'> {
  const tenant = parseTenant(read('tenant'))
  const subscription = parseSubscription(read('subscription'))
  const clientId = parseClientId(read('client-id'))
  if (clientId && subscription) {
    throw refusal(
      `Inputs 'client-id' and 'subscription' were both given.`,
      "Remove 'subscription': with client-id the action does not run az, and the token comes from the tenant " +
        "given in 'tenant'."
    )
  }
  if (clientId && !tenant) {
    throw refusal(
      `Input 'client-id' is set but 'tenant' is empty.`,
      "Set 'tenant' to the Directory (tenant) ID of the client, as azure/login's tenant-id."
    )
  }
  if (tenant && subscription) {
    throw refusal(
      `Inputs 'tenant' and 'subscription' were both given.`,
      'Set only one of them: az account get-access-token takes a tenant or a subscription, not both.'
    )
  }
  return { tenant, subscription, clientId, audience: parseAudience(read('audience')) }
}

function parseDicomUrl(value: string): URL | undefined {
  if (value === '') return undefined
  const allowed =
    `an absolute https URL such as https://<workspace>-<service>.dicom.azurehealthcareapis.com (http only for ` +
    `loopback hosts: localhost, 127.x.x.x, [::1])`
  // 'host.example.com' or 'host:8443/path': a host without its scheme, which URL would refuse or misread.
  if (/^[^\s:/?#@]+(:\d+)?(\/\S*)?$/.test(value) && URL.canParse(`https://${value}`)) {
    throw refusal(
      `Input 'dicom-url' is invalid: '${shownValue(value)}' has no scheme.`,
      `Add https:// in front: 'https://${shownValue(value)}'.`
    )
  }
  if (!URL.canParse(value)) throw notAllowed('dicom-url', value, allowed)
  const url = new URL(value)
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
  if (!secure || url.username || url.password || url.search || url.hash) {
    throw notAllowed('dicom-url', value, `${allowed}, without credentials, query or fragment`)
  }
  const path = url.pathname.replace(/\/+$/, '')
  const versionSegment = path.split('/').pop() ?? ''
  if ((API_VERSIONS as readonly string[]).includes(versionSegment)) {
    throw refusal(
      `Input 'dicom-url' is invalid: '${shownValue(value)}' ends with the API version '${versionSegment}'.`,
      `Give the service URL without the version and set 'api-version: ${versionSegment}' instead.`
    )
  }
  return url
}

function parseApiVersion(value: string): ApiVersion {
  if (value === '') return DEFAULT_API_VERSION
  const version = API_VERSIONS.find((v) => v === value)
  if (!version) throw notAllowed('api-version', value, API_VERSIONS.join(', '))
  return version
}

function parseBoolean(input: InputName, value: string): boolean {
  if (value === '' || YAML_FALSE.includes(value)) return false
  if (YAML_TRUE.includes(value)) return true
  throw notAllowed(input, value, 'true or false (YAML 1.2 core schema: true, True, TRUE, false, False, FALSE)')
}

/** `true` is the read check, as before `write` existed; YAML's booleans are read as parseBoolean reads them. */
function parseSmokeTest(value: string): SmokeTestMode {
  if (value === '' || YAML_FALSE.includes(value)) return 'off'
  if (YAML_TRUE.includes(value) || SMOKE_TEST_READ.includes(value)) return 'read'
  if (SMOKE_TEST_WRITE.includes(value)) return 'write'
  throw notAllowed(
    'smoke-test',
    value,
    'false, true (the same as read), read or write, each in lower case, Capitalised or UPPER case'
  )
}

function parseTimeoutMs(value: string): number {
  if (value === '') return DEFAULT_TIMEOUT_SECONDS * 1000
  const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN
  if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw notAllowed('timeout-seconds', value, `a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}`)
  }
  return Math.ceil(seconds * 1000) // never 0 ms for a positive value
}

function parseExportVariable(value: string): string | undefined {
  if (value === '') return undefined
  if (!ENV_NAME.test(value) || RESERVED_ENV.test(value)) {
    throw notAllowed(
      'export-variable',
      value,
      'an environment variable name (letters, digits and _, not starting with a digit), not PATH, NODE_OPTIONS, ' +
        'CI, HOME or GITHUB_/RUNNER_/ACTIONS_*'
    )
  }
  return value
}

function dicomTarget(url: URL, apiVersion: ApiVersion, smokeTest: SmokeTestMode, waitForAccess: boolean): DicomTarget {
  const normalised = `${url.origin}${url.pathname.replace(/\/+$/, '')}` // no trailing slash, whatever was given
  return {
    url: normalised,
    apiVersion,
    baseUrl: `${normalised}/${apiVersion}`,
    host: url.host,
    smokeTest,
    waitForAccess
  }
}

/** Validates every input; `read` returns the raw (trimmed) value, '' when unset. */
export function parseInputs(read: (name: InputName) => string): Config {
  const signIn = parseSignIn(read)
  const dicomUrl = parseDicomUrl(read('dicom-url'))
  const apiVersion = parseApiVersion(read('api-version'))
  const smokeTest = parseSmokeTest(read('smoke-test'))
  // Only the smoke test talks to the service, so without it wait-for-access has nothing to wait for.
  // It is still checked.
  const waitForAccess = parseBoolean('wait-for-access', read('wait-for-access'))
  if (smokeTest !== 'off' && !dicomUrl) {
    throw refusal(
      `Input 'smoke-test' is ${shownValue(read('smoke-test'))} but 'dicom-url' is empty.`,
      'Set dicom-url to your DICOM service URL (https://<workspace>-<service>.dicom.azurehealthcareapis.com), or ' +
        'turn the smoke test off.'
    )
  }
  const resource = parseResource(read('resource'))
  if (smokeTest !== 'off' && isOtherAzureAudience(resource)) {
    throw refusal(
      `Input 'resource' is '${shownValue(resource)}', another Azure service's audience: the smoke test would ` +
        `send that token to dicom-url.`,
      `Leave 'resource' at its default (${DEFAULT_RESOURCE}) for the smoke test, or turn the smoke test off.`
    )
  }
  return {
    resource,
    ...signIn,
    dicom: dicomUrl && dicomTarget(dicomUrl, apiVersion, smokeTest, waitForAccess),
    timeoutMs: parseTimeoutMs(read('timeout-seconds')),
    exportVariable: parseExportVariable(read('export-variable'))
  }
}

/** The environment variable the runner passes an input in: INPUT_<NAME> (upper-cased, spaces as '_', hyphens kept). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** One input as the runner passed it, trimmed; '' when unset. */
export function readInput(env: Record<string, string | undefined>, name: InputName): string {
  return (env[inputVariable(name)] ?? '').trim()
}

export function inputsFromEnv(env: Record<string, string | undefined>): Config {
  return parseInputs((name) => readInput(env, name))
}

/**
 * "run 123 attempt 2, owner/repo" from the runner's variables, or undefined when the runner does not say which run.
 * The run comes first: StudyDescription holds 64 characters, and what is cut must be the repository's end, not the
 * run ID (11 digits today) that finds the run.
 */
export function runLabelFrom(env: Record<string, string | undefined>): string | undefined {
  const repository = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (!repository || !runId) return undefined
  const attempt = env.GITHUB_RUN_ATTEMPT
  return `run ${runId}${attempt ? ` attempt ${attempt}` : ''}, ${repository}`
}
