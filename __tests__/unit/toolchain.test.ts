import { makeJwt, decodeJwtPayload } from '../../test-support/jwt.ts'
test('a test token decodes to its claims', () => {
  expect(decodeJwtPayload(makeJwt({ tid: 't' }))).toEqual({ tid: 't' })
  expect(process.versions.node.split('.')[0]).toBe('24')
})
