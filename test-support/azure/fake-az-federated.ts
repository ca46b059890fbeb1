// A stand-in `az` signed in the way azure/login leaves it, for the fallback after AADSTS700024: `account
// get-access-token` fails as az 2.45 does once the OIDC token it was given has expired (the text is what the real az
// printed against the loopback Entra, see federated-az-world.ts), while `account show` and `cloud show` answer. Driven by
// FAKE_AZ_* variables (fake-az-federated-command.ts writes them into a launcher):
//   FAKE_AZ_ACCOUNT    service-principal (default) | system-assigned-identity | user-assigned-identity | user | none
//   FAKE_AZ_CLIENT_ID, FAKE_AZ_TENANT, FAKE_AZ_SUBSCRIPTION_ID, FAKE_AZ_CLOUD (name), FAKE_AZ_AUTHORITY
//   (endpoints.activeDirectory), FAKE_AZ_CALLS (a file that gets one JSON line per call: argv and pid).
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { assertionTimeProblem, entraErrorBody, FEDERATED_CLIENT_ID, FEDERATED_TENANT_ID } from './entra-endpoint.ts'

const env = process.env
if (env.FAKE_AZ_CALLS)
  appendFileSync(env.FAKE_AZ_CALLS, `${JSON.stringify({ argv: process.argv.slice(2), pid: process.pid })}\n`)

export type FakeAzAccount =
  'service-principal' | 'system-assigned-identity' | 'user-assigned-identity' | 'user' | 'none'

const args = process.argv.slice(2)
const account = (env.FAKE_AZ_ACCOUNT ?? 'service-principal') as FakeAzAccount
const clientId = env.FAKE_AZ_CLIENT_ID ?? FEDERATED_CLIENT_ID
const tenantId = env.FAKE_AZ_TENANT ?? FEDERATED_TENANT_ID
const cloudName = env.FAKE_AZ_CLOUD ?? 'AzureCloud'
const authority = env.FAKE_AZ_AUTHORITY ?? 'https://login.microsoftonline.com'

function fail(stderr: string, exitCode: number): void {
  process.stderr.write(stderr)
  process.exitCode = exitCode
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  process.exitCode = 0
}

function accountUser(): Record<string, string> {
  if (account === 'system-assigned-identity')
    return { assignedIdentityInfo: 'MSI', name: 'systemAssignedIdentity', type: 'servicePrincipal' }
  if (account === 'user-assigned-identity')
    return { assignedIdentityInfo: `MSIClient-${clientId}`, name: 'userAssignedIdentity', type: 'servicePrincipal' }
  if (account === 'user') return { name: 'octocat@contoso.example', type: 'user' }
  return { name: clientId, type: 'servicePrincipal' }
}

function accountShow(): Record<string, unknown> {
  return {
    environmentName: cloudName,
    homeTenantId: tenantId,
    id: env.FAKE_AZ_SUBSCRIPTION_ID ?? '2b6f4d8e-1c9a-4e37-b5f0-6a3d9e7c1b48',
    isDefault: true,
    managedByTenants: [],
    name: 'Loopback DICOM test subscription',
    state: 'Enabled',
    tenantId,
    user: accountUser()
  }
}

function cloudShow(): Record<string, unknown> {
  return {
    endpoints: {
      activeDirectory: authority,
      activeDirectoryGraphResourceId: 'https://graph.windows.net/',
      activeDirectoryResourceId: 'https://management.core.windows.net/',
      management: 'https://management.core.windows.net/',
      microsoftGraphResourceId: 'https://graph.microsoft.com/',
      resourceManager: 'https://management.azure.com/'
    },
    isActive: true,
    name: cloudName,
    profile: 'latest',
    suffixes: { storageEndpoint: 'core.windows.net' }
  }
}

/** What az 2.45 prints when MSAL's token request is refused for an expired OIDC assertion (seen with the real az). */
function expiredAssertionError(): string {
  const now = Math.floor(Date.now() / 1000)
  // azure/login's OIDC token, issued 10 minutes ago: nbf 10 minutes before its iat, exp 5 minutes after.
  const problem = assertionTimeProblem({ nbf: now - 1200, iat: now - 600, exp: now - 300 }, now)
  const body = problem === undefined ? {} : entraErrorBody(problem, now)
  const description = typeof body.error_description === 'string' ? body.error_description : randomUUID()
  return `ERROR: ${description}\nInteractive authentication is needed. Please run:\naz login\n`
}

const command = args
  .filter((arg) => !arg.startsWith('-'))
  .slice(0, 2)
  .join(' ')
const NOT_LOGGED_IN = "ERROR: Please run 'az login' to setup account.\n"
if (args.includes('--query')) fail('fake az: --query is not supported; ask for --output json\n', 99)
else if (command === 'cloud show') printJson(cloudShow())
else if (account === 'none' && command.startsWith('account')) fail(NOT_LOGGED_IN, 1)
else if (command === 'account show') printJson(accountShow())
else if (command === 'account get-access-token') fail(expiredAssertionError(), 1)
else fail(`fake az: unsupported command: ${args.join(' ')}\n`, 99)
