// JWT-shaped test tokens: real structure, random signature. az and the action decode them without verifying.
import { randomBytes } from 'node:crypto'

export type Claims = Record<string, unknown>

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url')
}

/** A token whose every segment is unique to this call, so a leak check can look for each segment. */
export function makeJwt(claims: Claims): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: randomBytes(12).toString('hex') }
  return [base64url(JSON.stringify(header)), base64url(JSON.stringify(claims)), base64url(randomBytes(64))].join('.')
}

export function decodeJwtPayload(token: string): Claims {
  const payload = token.split('.')[1]
  if (payload === undefined) return {}
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims
  } catch {
    return {}
  }
}

export interface TokenClaimsOptions {
  audience: string
  tenantId: string
  objectId: string
  appId: string
  lifetimeSeconds: number
}

/** Claims shaped like an Entra ID v1 access token for a managed identity or service principal. */
export function accessTokenClaims(options: TokenClaimsOptions, nowSeconds = Math.floor(Date.now() / 1000)): Claims {
  return {
    aud: options.audience,
    iss: `https://sts.windows.net/${options.tenantId}/`,
    iat: nowSeconds - 5,
    nbf: nowSeconds - 5,
    exp: nowSeconds + options.lifetimeSeconds,
    tid: options.tenantId,
    oid: options.objectId,
    sub: options.objectId,
    appid: options.appId,
    idtyp: 'app',
    // Entra ID stamps every token with a unique id; it also keeps two tokens issued in the same second apart.
    uti: randomBytes(12).toString('base64url'),
    ver: '1.0'
  }
}
