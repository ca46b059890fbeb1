// The facts about the service that several stages share: which audiences are another Azure service's, which tenants
// are tenants, which Node.js runs the action.
import { DEFAULT_RESOURCE, isOtherAzureAudience, isTenant } from '../../src/dicom-service.ts'
import { ActionError } from '../../src/errors.ts'
import { checkNodeVersion } from '../../src/node-version.ts'

describe('isOtherAzureAudience', () => {
  test.each([
    'https://management.azure.com/',
    'https://management.core.windows.net/',
    'https://graph.microsoft.com',
    'https://storage.azure.com/',
    'https://contoso.blob.core.windows.net',
    'https://vault.azure.net',
    'https://contoso-kv.vault.azure.net/',
    'https://database.windows.net/',
    '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    'HTTPS://MANAGEMENT.AZURE.COM'
  ])('%s is another Azure service: its token is never sent to dicom-url', (audience) => {
    expect(isOtherAzureAudience(audience)).toBe(true)
  })

  test.each([
    DEFAULT_RESOURCE,
    `${DEFAULT_RESOURCE}/`,
    'api://contoso-dicom',
    'a1b2c3d4-0000-4000-8000-0123456789ab',
    'https://dicom.contoso.example',
    undefined
  ])('%s is not: the DICOM service, or a custom audience of a self-hosted server', (audience) => {
    expect(isOtherAzureAudience(audience)).toBe(false)
  })
})

describe('isTenant', () => {
  test.each([
    ['72f988bf-86f1-41af-91ab-2d7cd011db47', true],
    ['contoso.onmicrosoft.com', true],
    ['x\n::set-output name=token::forged', false],
    ['', false],
    ['contoso', false]
  ])('%j: %s', (value, expected) => {
    expect(isTenant(value)).toBe(expected)
  })
})

describe('checkNodeVersion', () => {
  test.each(['22.19.0', '22.20.1', '23.0.0', '24.21.0'])('runs on Node.js %s', (version) => {
    expect(() => checkNodeVersion(version)).not.toThrow()
  })

  test.each(['20.20.2', '22.18.9', '18.0.0'])(
    'refuses Node.js %s with one line that says what is needed',
    (version) => {
      let refusal: unknown
      try {
        checkNodeVersion(version)
      } catch (error) {
        refusal = error
      }
      expect(refusal).toBeInstanceOf(ActionError)
      expect((refusal as ActionError).message).toBe(
        `The action runs on Node.js ${version}, but it needs Node.js 22.19 or later; nothing was run.`
      )
    }
  )
})
