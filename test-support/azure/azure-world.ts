// One call to a logged-in, fully offline Azure CLI: self-signed certificate, loopback identity and ARM endpoints,
// and an az session (own config dir) logged in with `az login --identity`.
import { startArmEndpoint, type ArmEndpoint } from './arm-endpoint.ts'
import { loginAz, removeSessionsOf, type AzSession } from './azure-login.ts'
import { startIdentityEndpoint, type IdentityEndpoint } from './identity-endpoint.ts'
import { releaseAll } from '../runner/release-after-all.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../net/tls-cert.ts'

export type { Certificate }

export interface AzureWorld {
  certificate: Certificate
  identity: IdentityEndpoint
  arm: ArmEndpoint
  session: AzSession
  close(): Promise<void>
}

export interface AzureWorldOptions {
  tenantId?: string
  lifetimeSeconds?: number
}

export async function startAzureWorld(options: AzureWorldOptions = {}): Promise<AzureWorld> {
  const cleanups: (() => Promise<void>)[] = []
  // Reverse order, and every step even if one fails: a half-closed world must not keep ports or temp dirs.
  const closeAll = (): Promise<void> => releaseAll(cleanups, 'closing the Azure world failed')

  try {
    const certificate = await makeSelfSignedCertificate()
    cleanups.push(() => removeCertificate(certificate))
    const identity = await startIdentityEndpoint({
      tenantId: options.tenantId,
      lifetimeSeconds: options.lifetimeSeconds
    })
    cleanups.push(() => identity.close())
    // Also the sessions made later with prepareAzEnv against this identity endpoint.
    cleanups.push(() => removeSessionsOf(identity.url))
    const arm = await startArmEndpoint({ certificate, tenantId: identity.tenantId })
    cleanups.push(() => arm.close())
    const session = await loginAz({ identityUrl: identity.url, armUrl: arm.url, caBundlePath: certificate.certPath })
    return { certificate, identity, arm, session, close: closeAll }
  } catch (error) {
    await closeAll().catch(() => undefined)
    throw error
  }
}
