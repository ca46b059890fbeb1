// Where the OIDC token may be sent: AZURE_AUTHORITY_HOST (https, or http to loopback only), else az's cloud in the
// fallback, else the global cloud; anything else refused before a request is made, naming where it came from.
import { ActionError } from '../../src/errors.ts'
import { DEFAULT_AUTHORITY_HOST, chooseAuthority } from '../../src/sign-in/federated/authority.ts'

function refusal(run: () => unknown): ActionError {
  try {
    run()
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('choosing the authority', () => {
  it('is the global cloud when nothing says otherwise', () => {
    expect(chooseAuthority({})).toEqual({ url: DEFAULT_AUTHORITY_HOST, source: 'default' })
    expect(chooseAuthority({ AZURE_AUTHORITY_HOST: '  ' })).toEqual({ url: DEFAULT_AUTHORITY_HOST, source: 'default' })
  })

  it('takes AZURE_AUTHORITY_HOST over az cloud, without a trailing slash', () => {
    const env = { AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us/' }
    expect(chooseAuthority(env, 'https://login.chinacloudapi.cn')).toEqual({
      url: 'https://login.microsoftonline.us',
      source: 'AZURE_AUTHORITY_HOST'
    })
  })

  it("takes az's cloud endpoint in the fallback when the variable is not set", () => {
    expect(chooseAuthority({}, 'https://login.chinacloudapi.cn/')).toEqual({
      url: 'https://login.chinacloudapi.cn',
      source: 'az cloud show'
    })
  })

  it.each(['http://127.0.0.1:8443', 'http://localhost:1234/base', 'http://[::1]:80'])(
    'allows plain http to %s',
    (url) => {
      expect(chooseAuthority({ AZURE_AUTHORITY_HOST: url }).source).toBe('AZURE_AUTHORITY_HOST')
    }
  )

  it.each([
    ['http://login.microsoftonline.com', /plain http to a host that is not loopback/],
    ['ftp://login.microsoftonline.com', /its scheme is ftp/],
    ['login.microsoftonline.com', /it is not a URL/],
    ['https://login.microsoftonline.com/?x=1', /query or a fragment/]
  ])('refuses AZURE_AUTHORITY_HOST=%s, naming the variable', (value, why) => {
    const error = refusal(() => chooseAuthority({ AZURE_AUTHORITY_HOST: value }))
    expect(error.kind).toBe('authority-refused')
    expect(error.message).toMatch(/^The AZURE_AUTHORITY_HOST environment variable is not an authority/)
    expect(error.message).toMatch(why)
    expect(error.message).toContain('nothing was sent')
    expect(error.fix).toContain('AZURE_AUTHORITY_HOST')
  })

  it('never shows credentials held in the variable', () => {
    const error = refusal(() => chooseAuthority({ AZURE_AUTHORITY_HOST: 'https://user:s3cretpass@login.example' }))
    expect(error.message).toContain('it holds credentials')
    expect(`${error.message} ${error.fix}`).not.toMatch(/s3cretpass|user:/)
  })

  it("refuses a plain http endpoint from az's cloud, naming az cloud show", () => {
    const error = refusal(() => chooseAuthority({}, 'http://login.example.com'))
    expect(error.kind).toBe('authority-refused')
    expect(error.message).toContain('az cloud show: endpoints.activeDirectory')
    expect(error.message).toContain("'http://login.example.com/'")
  })
})
