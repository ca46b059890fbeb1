// Everything the action's direct mode (client-id, no az) talks to, on 127.0.0.1 with one self-signed certificate: the
// GitHub OIDC endpoint, Entra, and the DICOM emulator, which accepts the tokens that Entra issues. `actionEnv` and
// `inputs` are what a workflow step with `permissions: id-token: write` and `client-id` would have.
import { startDicomService, type DicomService } from '../dicom/service.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../net/tls-cert.ts'
import { FEDERATED_CLIENT_ID, FEDERATED_TENANT_ID, startEntraEndpoint, type EntraEndpoint } from './entra-endpoint.ts'
import { startGithubOidcEndpoint, type GithubOidcEndpoint } from './github-oidc-endpoint.ts'

export interface DirectModeWorld {
  certificate: Certificate
  oidc: GithubOidcEndpoint
  entra: EntraEndpoint
  dicom: DicomService
  /** ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, AZURE_AUTHORITY_HOST (the loopback Entra), NODE_EXTRA_CA_CERTS. */
  actionEnv: Record<string, string>
  /** client-id, tenant and dicom-url, for the action's inputs. */
  inputs: Record<string, string>
  close(): Promise<void>
}

export async function startDirectModeWorld(): Promise<DirectModeWorld> {
  const certificate = await makeSelfSignedCertificate('direct-mode-world')
  const started = await Promise.allSettled([
    startGithubOidcEndpoint({ certificate }),
    startEntraEndpoint({ certificate }),
    startDicomService({ certificate, tenantId: FEDERATED_TENANT_ID })
  ])
  const close = async (): Promise<void> => {
    for (const result of started) if (result.status === 'fulfilled') await result.value.close()
    await removeCertificate(certificate)
  }
  const [oidc, entra, dicom] = started
  if (oidc.status !== 'fulfilled' || entra.status !== 'fulfilled' || dicom.status !== 'fulfilled') {
    await close()
    throw new AggregateError(
      started.flatMap((result): unknown[] => (result.status === 'rejected' ? [result.reason] : [])),
      'the direct-mode world did not start'
    )
  }
  return {
    certificate,
    oidc: oidc.value,
    entra: entra.value,
    dicom: dicom.value,
    actionEnv: {
      ...oidc.value.env,
      AZURE_AUTHORITY_HOST: entra.value.authorityHost,
      NODE_EXTRA_CA_CERTS: certificate.certPath
    },
    inputs: { 'client-id': FEDERATED_CLIENT_ID, tenant: FEDERATED_TENANT_ID, 'dicom-url': dicom.value.url },
    close
  }
}
