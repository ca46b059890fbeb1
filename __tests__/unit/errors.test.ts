// The one line a failed step shows, and where its link points.
import {
  ActionError,
  FAILURES,
  HOME_REPOSITORY,
  TROUBLESHOOTING_PATH,
  describeFailure,
  describeUnexpected,
  troubleshootingUrl,
  type FailureKind
} from '../../src/errors.ts'

const KINDS = Object.keys(FAILURES) as FailureKind[]
const NO_RUNNER: Record<string, string | undefined> = {}

describe('troubleshootingUrl', () => {
  it('links to the version of the action that is running, on the server the runner names', () => {
    const env = {
      GITHUB_ACTION_REPOSITORY: 'contoso/dicom-token-action',
      GITHUB_ACTION_REF: 'v1.2.0',
      GITHUB_SERVER_URL: 'https://github.contoso.com'
    }
    expect(troubleshootingUrl('az-not-logged-in', env)).toBe(
      `https://github.contoso.com/contoso/dicom-token-action/blob/v1.2.0/` +
        `${TROUBLESHOOTING_PATH}#${FAILURES['az-not-logged-in']}`
    )
  })

  it('links to the home repository at main on github.com when the runner does not say', () => {
    expect(troubleshootingUrl('smoke-forbidden', NO_RUNNER)).toBe(
      `https://github.com/${HOME_REPOSITORY}/blob/main/${TROUBLESHOOTING_PATH}#${FAILURES['smoke-forbidden']}`
    )
  })

  it('treats empty runner variables as unset (a local `uses: ./` action)', () => {
    const env = { GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '', GITHUB_SERVER_URL: '' }
    expect(troubleshootingUrl('smoke-forbidden', env)).toBe(troubleshootingUrl('smoke-forbidden', NO_RUNNER))
  })

  it('uses main when the runner names the repository but no ref', () => {
    expect(troubleshootingUrl('smoke-tls', { GITHUB_ACTION_REPOSITORY: 'contoso/fork' })).toBe(
      `https://github.com/contoso/fork/blob/main/${TROUBLESHOOTING_PATH}#${FAILURES['smoke-tls']}`
    )
  })

  it("ignores a ref without a repository: it would be the workflow's ref, not the action's", () => {
    expect(troubleshootingUrl('smoke-tls', { GITHUB_ACTION_REF: 'feature/x' })).toBe(
      troubleshootingUrl('smoke-tls', NO_RUNNER)
    )
  })

  it('reads process.env when no environment is given', () => {
    const saved = { ...process.env }
    try {
      process.env.GITHUB_ACTION_REPOSITORY = 'contoso/from-process-env'
      process.env.GITHUB_ACTION_REF = 'v9'
      process.env.GITHUB_SERVER_URL = 'https://github.com'
      expect(troubleshootingUrl('az-missing')).toBe(
        `https://github.com/contoso/from-process-env/blob/v9/${TROUBLESHOOTING_PATH}#${FAILURES['az-missing']}`
      )
    } finally {
      for (const name of ['GITHUB_ACTION_REPOSITORY', 'GITHUB_ACTION_REF', 'GITHUB_SERVER_URL']) {
        const value = saved[name]
        if (value === undefined) Reflect.deleteProperty(process.env, name)
        else process.env[name] = value
      }
    }
  })

  test.each(KINDS)('links %s to its own entry', (kind) => {
    const anchor = FAILURES[kind]
    expect(anchor).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(troubleshootingUrl(kind, NO_RUNNER).endsWith(`${TROUBLESHOOTING_PATH}#${anchor}`)).toBe(true)
  })
})

describe('describeFailure', () => {
  test.each(KINDS)('gives one line with the message, the fix and the link for %s', (kind) => {
    const error = new ActionError(kind, `Something about ${kind} went wrong.`, 'Do this to fix it.')
    const line = describeFailure(error, NO_RUNNER)
    expect(line).not.toMatch(/[\r\n]/)
    expect(line).toContain(error.message)
    expect(line).toContain(error.fix)
    expect(line).toContain(troubleshootingUrl(kind, NO_RUNNER))
    expect(line.indexOf(error.message)).toBeLessThan(line.indexOf(error.fix))
  })

  it('links to the running version of the action', () => {
    const env = {
      GITHUB_ACTION_REPOSITORY: 'contoso/dicom-token-action',
      GITHUB_ACTION_REF: 'v2',
      GITHUB_SERVER_URL: 'https://github.com'
    }
    const line = describeFailure(new ActionError('az-timeout', 'az took too long.', 'Raise timeout-seconds.'), env)
    expect(line).toBe(
      `az took too long. Raise timeout-seconds. See ` +
        `https://github.com/contoso/dicom-token-action/blob/v2/${TROUBLESHOOTING_PATH}#${FAILURES['az-timeout']}`
    )
  })
})

describe('ActionError', () => {
  it('is an Error carrying its kind and fix', () => {
    const error = new ActionError('invalid-input', 'bad input', 'fix it')
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'ActionError', kind: 'invalid-input', message: 'bad input', fix: 'fix it' })
  })
})

describe('describeUnexpected', () => {
  test.each([
    ['an Error', new TypeError('x is not a function'), 'x is not a function'],
    ['a thrown string', 'plain failure', 'plain failure'],
    ['a thrown number', 42, '42']
  ])('gives one line with the detail of %s and asks for an issue', (_, thrown, detail) => {
    const line = describeUnexpected(thrown)
    expect(line).toContain(detail)
    expect(line).toMatch(/bug/)
    expect(line).toMatch(/issue/)
    expect(line).not.toMatch(/[\r\n]/)
  })

  it('links to the entry on reporting a bug, for the version of the action that runs', () => {
    const env = { GITHUB_ACTION_REPOSITORY: 'contoso/dicom-token-action', GITHUB_ACTION_REF: 'v2' }
    expect(describeUnexpected(new Error('boom'), env)).toMatch(
      new RegExp(
        ` See https://github\\.com/contoso/dicom-token-action/blob/v2/${TROUBLESHOOTING_PATH}#reporting-a-bug$`
      )
    )
  })

  it('leaves the stack out', () => {
    const error = new Error('boom')
    expect(describeUnexpected(error)).not.toContain(' at ')
  })
})
