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
