// The rules for every step input: what is accepted, what it becomes, and how a refusal reads in the log.
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { ActionError } from '../../src/errors.ts'
import { API_VERSIONS, DEFAULT_API_VERSION, DEFAULT_RESOURCE, isLoopbackHost } from '../../src/dicom-service.ts'
import {
  DEFAULT_TIMEOUT_SECONDS,
  INPUT_NAMES,
  MAX_TIMEOUT_SECONDS,
  inputsFromEnv,
  parseInputs,
  type Config,
  type InputName
} from '../../src/inputs.ts'
import { TENANT_ID } from '../../test-support/azure/ids.ts'

type RawInputs = Partial<Record<InputName, string>>

const SERVICE_URL = 'https://contoso-dicom.dicom.azurehealthcareapis.com'
const SUBSCRIPTION_ID = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'

function inputs(values: RawInputs = {}): Config {
  return parseInputs((name) => values[name] ?? '')
}

function refusal(values: RawInputs): ActionError {
  try {
    inputs(values)
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
  throw new Error(`expected ${JSON.stringify(values)} to be refused`)
}

function inputsOrRefusal(values: RawInputs): Config | ActionError {
  try {
    return inputs(values)
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
}

/** The control characters in a text, as code points, so a failure shows which ones. */
function controlCharacters(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)).filter(
    (code) => code < 0x20 || code === 0x7f
  )
}

const actionYml = parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}

describe('defaults', () => {
  it('gives the DICOM resource, api v2, no smoke test and a 60 s timeout when every input is empty', () => {
    expect(inputs()).toEqual({
      resource: DEFAULT_RESOURCE,
      tenant: undefined,
      subscription: undefined,
      dicom: undefined,
      timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
      exportVariable: undefined
    })
  })

  it('reads exactly the inputs action.yml declares', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...INPUT_NAMES].sort())
  })

  it('gives the same configuration for the defaults action.yml declares as for empty inputs', () => {
    const declared = Object.fromEntries(INPUT_NAMES.map((name) => [name, actionYml.inputs[name]?.default ?? '']))
    expect(inputs(declared)).toEqual(inputs())
  })
})

describe('accepted values', () => {
  test.each([
    ['the DICOM resource', DEFAULT_RESOURCE],
    ['the DICOM resource with a trailing slash', `${DEFAULT_RESOURCE}/`],
    ['an api:// application ID URI', 'api://contoso-dicom-app'],
    ['an application (client) ID GUID', 'a1b2c3d4-0000-4000-8000-0123456789ab'],
    ['an upper-case GUID', 'A1B2C3D4-0000-4000-8000-0123456789AB']
  ])('accepts %s as resource, unchanged', (_, value) => {
    expect(inputs({ resource: value }).resource).toBe(value)
  })

  test.each([TENANT_ID, 'contoso.onmicrosoft.com', 'contoso.com', 'health.contoso.co.uk'])(
    'accepts tenant %s',
    (value) => {
      expect(inputs({ tenant: value }).tenant).toBe(value)
    }
  )

  test.each([SUBSCRIPTION_ID, 'Contoso Health (Production)', 'x'.repeat(128)])('accepts subscription %s', (value) => {
    expect(inputs({ subscription: value }).subscription).toBe(value)
  })

  test.each(API_VERSIONS)('accepts api-version %s', (version) => {
    expect(inputs({ 'api-version': version, 'dicom-url': SERVICE_URL }).dicom?.apiVersion).toBe(version)
  })

  test.each([
    ['true', 'read'],
    ['True', 'read'],
    ['TRUE', 'read'],
    ['false', 'off'],
    ['False', 'off'],
    ['FALSE', 'off'],
    ['', 'off'],
    ['read', 'read'],
    ['write', 'write']
  ])('reads smoke-test %j as %s', (value, expected) => {
    expect(inputs({ 'smoke-test': value, 'dicom-url': SERVICE_URL }).dicom?.smokeTest).toBe(expected)
  })

  test.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['', false]
  ])('reads wait-for-access %j as %s', (value, expected) => {
    expect(inputs({ 'wait-for-access': value, 'dicom-url': SERVICE_URL }).dicom?.waitForAccess).toBe(expected)
  })

  test.each([
    ['1', 1000],
    ['2.5', 2500],
    ['90', 90_000],
    [String(MAX_TIMEOUT_SECONDS), MAX_TIMEOUT_SECONDS * 1000]
  ])('reads timeout-seconds %j as %i ms', (value, expected) => {
    expect(inputs({ 'timeout-seconds': value }).timeoutMs).toBe(expected)
  })

  it('never turns a tiny positive timeout-seconds into a zero-millisecond timeout', () => {
    // 0.0001 s passes the "greater than 0" rule; it must not become a timer that fires at once.
    expect(inputsOrRefusal({ 'timeout-seconds': '0.0001' })).not.toMatchObject({ timeoutMs: 0 })
  })

  test.each(['DICOM_TOKEN', '_token', 'token2', 'MY_GITHUB_TOKEN', 'PATHS'])('accepts export-variable %s', (value) => {
    expect(inputs({ 'export-variable': value }).exportVariable).toBe(value)
  })
})

describe('refusals', () => {
  const IN_API_VERSIONS = API_VERSIONS.join(', ')
  test.each<[InputName, string, string]>([
    ['resource', 'dicom.healthcareapis.azure.com', 'an absolute URI'],
    ['resource', 'not a uri', 'an absolute URI'],
    ['resource', 'https://dicom.healthcareapis.azure.com extra', 'an absolute URI'],
    ['resource', 'urn:dicom', 'an absolute URI'],
    ['resource', '-https://dicom.healthcareapis.azure.com', "'@' or '-'"],
    ['resource', '--debug', "'@' or '-'"],
    ['resource', 'a1b2c3d4-0000-4000-8000-0123456789a', 'GUID'],
    ['tenant', 'contoso', 'a tenant ID (GUID) or a domain'],
    ['tenant', 'contoso.onmicrosoft.com/', 'a tenant ID (GUID) or a domain'],
    ['tenant', 'https://login.microsoftonline.com/contoso.onmicrosoft.com', 'a tenant ID (GUID) or a domain'],
    ['tenant', '-t', "'@' or '-'"],
    ['tenant', '--allow-no-subscriptions', "'@' or '-'"],
    ['subscription', '-s', "'@' or '-'"],
    ['subscription', '--tenant', "'@' or '-'"],
    // az reads '@<path>' as the contents of that file: these would print the step's environment or hang az.
    ['subscription', '@/proc/self/environ', "'@' or '-'"],
    ['tenant', '@contoso.onmicrosoft.com', "'@' or '-'"],
    ['resource', '@/dev/zero', "'@' or '-'"],
    ['subscription', 'Contoso\u0007Prod', 'a subscription ID (GUID) or name'],
    ['subscription', 'Contoso\tProd', 'a subscription ID (GUID) or name'],
    ['subscription', 'x'.repeat(129), 'a subscription ID (GUID) or name'],
    ['dicom-url', 'http://contoso-dicom.dicom.azurehealthcareapis.com', 'an absolute https URL'],
    ['dicom-url', 'http://dicom.example.com:8080', 'an absolute https URL'],
    ['dicom-url', 'http://localhost.example.com', 'an absolute https URL'],
    ['dicom-url', 'http://127.0.0.1.nip.io', 'an absolute https URL'],
    ['dicom-url', 'https://reader:hunter22@contoso-dicom.dicom.azurehealthcareapis.com', 'without credentials'],
    ['dicom-url', 'https://reader@contoso-dicom.dicom.azurehealthcareapis.com', 'without credentials'],
    ['dicom-url', `${SERVICE_URL}?api-version=v2`, 'query'],
    ['dicom-url', `${SERVICE_URL}/#changefeed`, 'fragment'],
    ['dicom-url', '/v2/changefeed', 'an absolute https URL'],
    ['dicom-url', 'contoso-dicom.dicom.azurehealthcareapis.com', 'an absolute https URL'],
    ['dicom-url', 'localhost:8080', 'an absolute https URL'],
    ['dicom-url', 'ftp://contoso-dicom.dicom.azurehealthcareapis.com', 'an absolute https URL'],
    ['api-version', 'v3', IN_API_VERSIONS],
    ['api-version', 'V2', IN_API_VERSIONS],
    ['api-version', '2', IN_API_VERSIONS],
    ['api-version', 'v2.0', IN_API_VERSIONS],
    ['smoke-test', 'yes', 'false, true (the same as read), read or write'],
    ['smoke-test', 'Write', 'false, true (the same as read), read or write'],
    ['wait-for-access', 'yes', 'true or false'],
    ['smoke-test', 'no', 'read or write'],
    ['smoke-test', 'on', 'read or write'],
    ['smoke-test', '1', 'read or write'],
    ['smoke-test', 'tRUE', 'read or write'],
    ['timeout-seconds', '0', `at most ${MAX_TIMEOUT_SECONDS}`],
    ['timeout-seconds', '0.0', `at most ${MAX_TIMEOUT_SECONDS}`],
    ['timeout-seconds', '-5', `at most ${MAX_TIMEOUT_SECONDS}`],
    ['timeout-seconds', 'abc', `at most ${MAX_TIMEOUT_SECONDS}`],
    ['timeout-seconds', '1e3', `at most ${MAX_TIMEOUT_SECONDS}`],
    ['timeout-seconds', '60s', `at most ${MAX_TIMEOUT_SECONDS}`],
    ['timeout-seconds', String(MAX_TIMEOUT_SECONDS + 1), `at most ${MAX_TIMEOUT_SECONDS}`],
    ['export-variable', '1TOKEN', 'an environment variable name'],
    ['export-variable', 'DICOM-TOKEN', 'an environment variable name'],
    ['export-variable', 'DICOM TOKEN', 'an environment variable name'],
    ['export-variable', 'GITHUB_X', 'GITHUB_'],
    ['export-variable', 'GITHUB_TOKEN', 'GITHUB_'],
    ['export-variable', 'github_env', 'GITHUB_'],
    ['export-variable', 'RUNNER_TEMP', 'RUNNER_'],
    ['export-variable', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_'],
    ['export-variable', 'PATH', 'PATH'],
    ['export-variable', 'path', 'PATH'],
    ['export-variable', 'NODE_OPTIONS', 'NODE_OPTIONS'],
    ['export-variable', 'CI', 'CI'],
    ['export-variable', 'HOME', 'HOME']
  ])('refuses %s %j with one line naming the input, and says what is allowed', (input, value, allowed) => {
    const error = refusal({ [input]: value })
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toContain(`'${input}'`)
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(error.fix).toContain(allowed)
  })

  it('quotes the refused value so the user sees what the step received', () => {
    expect(refusal({ 'api-version': 'v3' }).message).toBe(`Input 'api-version' is invalid: 'v3'.`)
  })

  it('shortens a very long refused value', () => {
    const error = refusal({ resource: `not-a-uri-${'x'.repeat(500)}` })
    expect(error.message.length).toBeLessThan(200)
    expect(error.message).toContain('…')
  })

  test.each<[InputName, string]>([
    ['subscription', 'Contoso\nProd'],
    ['subscription', 'Contoso\r\n::warning::Prod'],
    ['tenant', 'contoso\n.onmicrosoft.com'],
    ['resource', 'https://dicom.healthcareapis.azure.com\nextra'],
    ['export-variable', 'DICOM\nTOKEN']
  ])('keeps the refusal of %s %j on one line, showing control characters escaped', (input, value) => {
    const error = refusal({ [input]: value })
    expect(error.message).toContain(`'${input}'`)
    expect(controlCharacters(error.message)).toEqual([])
  })

  it('refuses credentials in dicom-url without repeating the password in the log', () => {
    const error = refusal({ 'dicom-url': 'https://reader:Sup3rS3cret!@contoso-dicom.dicom.azurehealthcareapis.com' })
    expect(error.message).toContain(`'dicom-url'`)
    expect(`${error.message} ${error.fix}`).not.toContain('Sup3rS3cret!')
  })

  test.each(API_VERSIONS.flatMap((version) => [`${SERVICE_URL}/${version}`, `${SERVICE_URL}/${version}/`]))(
    'refuses dicom-url %s, which ends with an API version, and says to use api-version instead',
    (value) => {
      const version = API_VERSIONS.find((v) => value.replace(/\/$/, '').endsWith(`/${v}`))
      const error = refusal({ 'dicom-url': value })
      expect(error.kind).toBe('invalid-input')
      expect(error.message).toContain(`'dicom-url'`)
      expect(error.message).toContain(`'${version}'`)
      expect(error.message).not.toMatch(/[\r\n]/)
      expect(error.fix).toContain(`api-version: ${version}`)
    }
  )

  it('refuses tenant and subscription together, naming both', () => {
    const error = refusal({ tenant: TENANT_ID, subscription: SUBSCRIPTION_ID })
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toContain(`'tenant'`)
    expect(error.message).toContain(`'subscription'`)
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(error.fix).toMatch(/only one/i)
  })

  test.each(['true', 'True', 'TRUE'])('refuses smoke-test %s without dicom-url, naming both inputs', (value) => {
    const error = refusal({ 'smoke-test': value })
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toContain(`'smoke-test'`)
    expect(error.message).toContain(`'dicom-url'`)
    expect(error.message).not.toMatch(/[\r\n]/)
  })

  it('allows smoke-test false without dicom-url', () => {
    expect(inputs({ 'smoke-test': 'false' }).dicom).toBeUndefined()
  })
})

describe('dicom-url', () => {
  test.each([
    [SERVICE_URL, SERVICE_URL],
    [`${SERVICE_URL}/`, SERVICE_URL],
    [`${SERVICE_URL}//`, SERVICE_URL],
    ['https://contoso-dicom.dicom.azurehealthcareapis.com:443/', SERVICE_URL],
    ['https://proxy.contoso.com/dicom/', 'https://proxy.contoso.com/dicom'],
    ['https://proxy.contoso.com:8443/dicom', 'https://proxy.contoso.com:8443/dicom'],
    ['https://proxy.contoso.com/v2beta/', 'https://proxy.contoso.com/v2beta']
  ])('normalises %s to %s', (value, expected) => {
    expect(inputs({ 'dicom-url': value }).dicom?.url).toBe(expected)
  })

  test.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1', 'http://127.0.0.1'],
    ['http://127.10.20.30:8080/', 'http://127.10.20.30:8080'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['http://LOCALHOST:8080', 'http://localhost:8080'],
    ['http://[::1]:8080/', 'http://[::1]:8080']
  ])('allows plain http to the loopback host in %s', (value, expected) => {
    expect(inputs({ 'dicom-url': value }).dicom?.url).toBe(expected)
  })

  test.each(API_VERSIONS)('builds the base URL as the normalised URL, a slash and api-version %s', (version) => {
    expect(inputs({ 'dicom-url': `${SERVICE_URL}/`, 'api-version': version }).dicom?.baseUrl).toBe(
      `${SERVICE_URL}/${version}`
    )
  })

  it('uses the default API version in the base URL when api-version is empty', () => {
    expect(inputs({ 'dicom-url': SERVICE_URL }).dicom?.baseUrl).toBe(`${SERVICE_URL}/${DEFAULT_API_VERSION}`)
  })

  it('keeps the host and port for messages', () => {
    expect(inputs({ 'dicom-url': 'https://proxy.contoso.com:8443/dicom' }).dicom?.host).toBe('proxy.contoso.com:8443')
  })

  test.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['[::1]', true],
    ['::1', true],
    ['LocalHost', true],
    ['localhost.contoso.com', false],
    ['128.0.0.1', false],
    ['[::2]', false],
    ['contoso-dicom.dicom.azurehealthcareapis.com', false]
  ])('treats host %s as loopback: %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})

describe('inputsFromEnv', () => {
  it('reads INPUT_ variables upper-cased with hyphens kept, and trims them', () => {
    const config = inputsFromEnv({
      INPUT_RESOURCE: `  ${DEFAULT_RESOURCE}  `,
      INPUT_TENANT: ` ${TENANT_ID}\n`,
      'INPUT_DICOM-URL': `  ${SERVICE_URL}/  `,
      'INPUT_API-VERSION': ' v1 ',
      'INPUT_SMOKE-TEST': '\ttrue\n',
      'INPUT_TIMEOUT-SECONDS': ' 30 ',
      'INPUT_EXPORT-VARIABLE': ' DICOM_TOKEN '
    })
    expect(config).toEqual({
      resource: DEFAULT_RESOURCE,
      tenant: TENANT_ID,
      subscription: undefined,
      dicom: {
        url: SERVICE_URL,
        apiVersion: 'v1',
        baseUrl: `${SERVICE_URL}/v1`,
        host: 'contoso-dicom.dicom.azurehealthcareapis.com',
        smokeTest: 'read',
        waitForAccess: false
      },
      timeoutMs: 30_000,
      exportVariable: 'DICOM_TOKEN'
    })
  })

  it('reads the subscription from INPUT_SUBSCRIPTION', () => {
    expect(inputsFromEnv({ INPUT_SUBSCRIPTION: SUBSCRIPTION_ID }).subscription).toBe(SUBSCRIPTION_ID)
  })

  it('ignores names with the hyphen turned into an underscore, or not upper-cased', () => {
    const config = inputsFromEnv({
      INPUT_DICOM_URL: SERVICE_URL,
      'input_dicom-url': SERVICE_URL,
      INPUT_SMOKE_TEST: 'true'
    })
    expect(config.dicom).toBeUndefined()
  })

  it('treats whitespace-only values as unset', () => {
    expect(inputsFromEnv({ INPUT_RESOURCE: '   ', 'INPUT_TIMEOUT-SECONDS': ' ' })).toMatchObject({
      resource: DEFAULT_RESOURCE,
      timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000
    })
  })

  it('refuses a bad value from the environment, naming the input', () => {
    expect(() => inputsFromEnv({ 'INPUT_API-VERSION': 'v9' })).toThrow(/Input 'api-version' is invalid/)
  })
})
