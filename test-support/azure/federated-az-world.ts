// The real Azure CLI signed in as a service principal with a GitHub OIDC token, as azure/login leaves it, fully
// offline: a loopback GitHub OIDC endpoint, Entra (token endpoint and MSAL's discovery), ARM, and a proxy that sends
// MSAL's one question to login.microsoftonline.com to the loopback Entra and refuses everything else. az gets its own
// config dir; MSI_ENDPOINT points at a closed loopback port, so no call can fall through to 169.254.169.254.
// Once Entra's clock is past the assertion's exp (`entra.advanceClock(301)`), az fails a new resource with
// AADSTS700024, as after a deployment longer than 5 minutes.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startArmEndpoint, type ArmEndpoint } from './arm-endpoint.ts'
import {
  LOOPBACK_CLOUD_NAME,
  prepareAzEnv,
  removeSessionsOf,
  runAz,
  type AzResult,
  type AzSession
} from './azure-login.ts'
import { unusedLoopbackPort } from '../net/loopback-server.ts'
import type { Certificate } from '../net/tls-cert.ts'
import { MSAL_DISCOVERY_HOST, startDiscoveryProxy, type DiscoveryProxy } from './discovery-proxy.ts'
import { FEDERATED_CLIENT_ID, FEDERATED_TENANT_ID, startEntraEndpoint, type EntraEndpoint } from './entra-endpoint.ts'
import { DEFAULT_OIDC_AUDIENCE, startGithubOidcEndpoint, type GithubOidcEndpoint } from './github-oidc-endpoint.ts'

const run = promisify(execFile)

export interface FederatedAzWorld {
  /** Valid for 127.0.0.1, localhost and login.microsoftonline.com: REQUESTS_CA_BUNDLE and NODE_EXTRA_CA_CERTS. */
  certificate: Certificate
  oidc: GithubOidcEndpoint
  entra: EntraEndpoint
  arm: ArmEndpoint
  proxy: DiscoveryProxy
  /** az's environment: AZURE_CONFIG_DIR, REQUESTS_CA_BUNDLE, HTTPS_PROXY at `proxy`, a dead MSI_ENDPOINT. */
  session: AzSession
  clientId: string
  tenantId: string
  /** `az login --service-principal --federated-token <a fresh OIDC token>`, as azure/login runs it. */
  login(): Promise<AzResult>
  close(): Promise<void>
}

/** A self-signed certificate (its own CA) for the loopback names and MSAL's discovery host. */
export async function makeCertificateFor(hostNames: string[]): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'dicom-token-cert-'))
  const certPath = join(dir, 'cert.pem')
  const keyPath = join(dir, 'key.pem')
  const names = ['IP:127.0.0.1', 'DNS:localhost', ...hostNames.map((name) => `DNS:${name}`)].join(',')
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  args.push('-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=loopback-entra')
  args.push('-addext', `subjectAltName=${names}`, '-addext', 'basicConstraints=critical,CA:TRUE')
  await run('openssl', args, { timeout: 15000 })
  return { certPath, keyPath, cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') }
}

/** Asks the OIDC endpoint for a token as getIDToken does (the URL, `&audience=`, the bearer). */
export function fetchOidcToken(
  oidc: GithubOidcEndpoint,
  ca: string,
  audience = DEFAULT_OIDC_AUDIENCE
): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = `${oidc.url}&audience=${encodeURIComponent(audience)}`
    const req = request(
      url,
      { ca, headers: { Authorization: `Bearer ${oidc.requestToken}` }, timeout: 5000 },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
        res.on('end', () => {
          const value = res.statusCode === 200 ? (JSON.parse(body) as { value?: unknown }).value : undefined
          if (typeof value === 'string') resolve(value)
          else reject(new Error(`the OIDC endpoint answered ${res.statusCode ?? 0}`))
        })
      }
    )
    req.on('timeout', () => req.destroy(new Error('the OIDC endpoint did not answer in 5 s')))
    req.on('error', reject)
    req.end()
  })
}

async function signedOutAzSession(certificate: Certificate, proxy: DiscoveryProxy): Promise<AzSession> {
  // prepareAzEnv's identity URL is only its MSI_ENDPOINT: a closed port, since this world has no managed identity.
  const session = await prepareAzEnv({
    identityUrl: `http://127.0.0.1:${await unusedLoopbackPort()}/msi/token`,
    caBundlePath: certificate.certPath
  })
  Object.assign(session.env, { HTTPS_PROXY: proxy.url, https_proxy: proxy.url })
  return session
}

async function mustSucceed(session: AzSession, args: string[]): Promise<AzResult> {
  const result = await runAz(session, args)
  if (result.exitCode !== 0)
    throw new Error(`az ${args[0] ?? ''} ${args[1] ?? ''} exited ${result.exitCode}: ${result.stderr}`)
  return result
}

async function registerLoopbackCloud(session: AzSession, armUrl: string, authorityHost: string): Promise<void> {
  // All three AD endpoints must be given, or az fetches cloud metadata from the network.
  await mustSucceed(session, [
    'cloud',
    'register',
    '--name',
    LOOPBACK_CLOUD_NAME,
    '--endpoint-resource-manager',
    armUrl,
    '--endpoint-active-directory',
    authorityHost,
    '--endpoint-active-directory-resource-id',
    'https://management.core.windows.net/',
    '--endpoint-active-directory-graph-resource-id',
    'https://graph.windows.net/',
    '--only-show-errors'
  ])
  await mustSucceed(session, ['cloud', 'set', '--name', LOOPBACK_CLOUD_NAME, '--only-show-errors'])
}

export interface FederatedAzWorldOptions {
  /** Sign in at the start (default true); false leaves a registered cloud and no account. */
  login?: boolean
}

export async function startFederatedAzWorld(options: FederatedAzWorldOptions = {}): Promise<FederatedAzWorld> {
  const cleanups: (() => Promise<void>)[] = []
  const close = async (): Promise<void> => {
    // Reverse order, and every step even if one fails: a half-closed world must not keep ports or temp dirs.
    const errors: unknown[] = []
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => errors.push(error))
    if (errors.length > 0) throw new AggregateError(errors, 'closing the federated az world failed')
  }
  try {
    const certificate = await makeCertificateFor([MSAL_DISCOVERY_HOST])
    cleanups.push(() => rm(join(certificate.certPath, '..'), { recursive: true, force: true }))
    const entra = await startEntraEndpoint({ certificate })
    cleanups.push(() => entra.close())
    const oidc = await startGithubOidcEndpoint({ certificate })
    cleanups.push(() => oidc.close())
    const arm = await startArmEndpoint({ certificate, tenantId: FEDERATED_TENANT_ID })
    cleanups.push(() => arm.close())
    const entraPort = Number(new URL(entra.authorityHost).port)
    const proxy = await startDiscoveryProxy({ routes: { [`${MSAL_DISCOVERY_HOST}:443`]: entraPort } })
    cleanups.push(() => proxy.close())
    const session = await signedOutAzSession(certificate, proxy)
    cleanups.push(() => removeSessionsOf(session.env.MSI_ENDPOINT ?? ''))
    await registerLoopbackCloud(session, arm.url, entra.authorityHost)
    const login = async (): Promise<AzResult> => {
      const jwt = await fetchOidcToken(oidc, certificate.cert)
      return runAz(session, [
        'login',
        '--service-principal',
        '--username',
        FEDERATED_CLIENT_ID,
        '--tenant',
        FEDERATED_TENANT_ID,
        '--federated-token',
        jwt,
        '--output',
        'json'
      ])
    }
    const world = {
      certificate,
      oidc,
      entra,
      arm,
      proxy,
      session,
      clientId: FEDERATED_CLIENT_ID,
      tenantId: FEDERATED_TENANT_ID,
      login,
      close
    }
    if (options.login !== false) {
      const result = await login()
      if (result.exitCode !== 0)
        throw new Error(`az login --service-principal exited ${result.exitCode}: ${result.stderr}`)
    }
    return world
  } catch (error) {
    await close().catch(() => undefined)
    throw error
  }
}
