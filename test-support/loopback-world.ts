// Everything the action talks to, on 127.0.0.1: a logged-in real Azure CLI (identity + ARM endpoints) and the
// fake DICOM service (in memory, its change feed seeded with three entries), sharing one self-signed certificate. Used by the e2e tests, the demo and the bench.
import { dirname } from 'node:path'
import type { AzureWorld } from './azure/azure-world.ts'
import { startAzureWorld } from './azure/azure-world.ts'
import type { DicomService } from './dicom/service.ts'
import { startDicomService } from './dicom/service.ts'
import { findRealAz } from './azure/azure-login.ts'

export interface LoopbackWorld {
  azure: AzureWorld
  dicom: DicomService
  /** The environment a workflow step would have after azure/login, here: az's session plus trust in the certificate. */
  actionEnv: Record<string, string>
  /** PATH for the action: the real az and the Node running the tests. */
  path: string[]
  close(): Promise<void>
}

export async function startLoopbackWorld(options: { lifetimeSeconds?: number } = {}): Promise<LoopbackWorld> {
  const az = findRealAz()
  if (!az)
    throw new Error(
      'The Azure CLI (az) is not on PATH: install it (Debian: apt-get install -y azure-cli) to run the loopback world.'
    )
  const azure = await startAzureWorld({ lifetimeSeconds: options.lifetimeSeconds })
  const dicom = await startDicomService({
    certificate: azure.certificate,
    tenantId: azure.identity.tenantId,
    entries: 3
  }).catch(async (error: unknown) => {
    await azure.close()
    throw error
  })
  return {
    azure,
    dicom,
    actionEnv: { ...azure.session.env, NODE_EXTRA_CA_CERTS: azure.certificate.certPath },
    path: [dirname(az), dirname(process.execPath)],
    close: async () => {
      await dicom.close()
      await azure.close()
    }
  }
}
