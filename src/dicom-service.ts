// Facts about the Azure DICOM service that more than one stage needs: its token audience and API versions,
// and which hosts may be reached over plain http. Pure; imported by the input parser and the smoke test alike.

/** The audience the DICOM service expects in its tokens. */
export const DEFAULT_RESOURCE = 'https://dicom.healthcareapis.azure.com'
export const API_VERSIONS = ['v1.0-prerelease', 'v1', 'v2'] as const
export type ApiVersion = (typeof API_VERSIONS)[number]
export const DEFAULT_API_VERSION: ApiVersion = 'v2'

/** Plain http is allowed to these hosts only (tests, local emulators): the token never crosses a network in clear. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i

export function isGuid(value: string): boolean {
  return GUID.test(value)
}

/** A tenant as Entra ID names one: its ID (GUID) or one of its domains. */
export function isTenant(value: string): boolean {
  return GUID.test(value) || DOMAIN.test(value)
}

// Audiences of other Azure services. A token for one of them is a credential for that service: it must never be sent
// to dicom-url, whoever answers there. A custom audience (api://…, an app ID) is not in this list: a self-hosted DICOM
// server behind its own app registration accepts one.
const OTHER_AZURE_HOSTS = new Set([
  'management.azure.com',
  'management.core.windows.net',
  'management.usgovcloudapi.net',
  'management.chinacloudapi.cn',
  'graph.microsoft.com',
  'graph.microsoft.us',
  'graph.windows.net',
  'storage.azure.com',
  'vault.azure.net',
  'database.windows.net',
  'ossrdbms-aad.database.windows.net',
  'servicebus.azure.net',
  'eventhubs.azure.net',
  'cognitiveservices.azure.com',
  'monitor.azure.com',
  'api.loganalytics.io',
  'fhir.azurehealthcareapis.com',
  'azurehealthcareapis.com'
])
const OTHER_AZURE_HOST_SUFFIXES = [
  '.blob.core.windows.net',
  '.queue.core.windows.net',
  '.table.core.windows.net',
  '.file.core.windows.net',
  '.dfs.core.windows.net',
  '.vault.azure.net',
  '.database.windows.net',
  '.servicebus.windows.net',
  '.fhir.azurehealthcareapis.com'
]
// Resource Manager, Microsoft Graph and Azure AD Graph by application ID.
const OTHER_AZURE_APP_IDS = new Set([
  '797f4846-ba00-4fd7-ba43-dac1f8f63013',
  '00000003-0000-0000-c000-000000000000',
  '00000002-0000-0000-c000-000000000000'
])

/** Is this a token audience (or resource) of another Azure service than DICOM? */
export function isOtherAzureAudience(audience: string | undefined): boolean {
  if (audience === undefined) return false
  return audience.split(',').some((part) => {
    const value = part.trim().toLowerCase()
    if (OTHER_AZURE_APP_IDS.has(value)) return true
    if (!URL.canParse(value)) return false
    const host = new URL(value).hostname
    return OTHER_AZURE_HOSTS.has(host) || OTHER_AZURE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))
  })
}
