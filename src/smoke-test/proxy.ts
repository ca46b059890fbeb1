// Which proxy, if any, the runner's environment sends a DICOM request through: HTTPS_PROXY and NO_PROXY read the way
// curl, undici and the Azure CLI read them. Pure.

/** One NO_PROXY entry: `name`, `name:port`, `[v6]:port` or a bare IPv6 address (whose colons are not a port). */
function noProxyEntry(entry: string): { name: string; port?: number } {
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]+):(\d+)$/.exec(entry)
  if (!match) return { name: entry }
  return { name: match[1] ?? '', port: match[2] === undefined ? undefined : Number(match[2]) }
}

/** The host to connect to (IPv6 without brackets) and the port, the scheme's default when the URL has none. */
export function endpointOf(url: URL): { hostname: string; port: number } {
  return {
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  }
}

/** NO_PROXY as curl and undici read it: '*', or host names (a leading '.' or '*.' optional) with an optional port. */
export function bypassesProxy(hostname: string, port: number, noProxy: string): boolean {
  const host = hostname.toLowerCase()
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((entry) => {
      if (entry === '*') return true
      const { name, port: entryPort } = noProxyEntry(entry.toLowerCase().replace(/^\*?\./, ''))
      if (entryPort !== undefined && entryPort !== port) return false
      return host === name || host.endsWith(`.${name}`)
    })
}

export interface Proxy {
  /** The variable it came from, for messages: its value may hold credentials. */
  variable: string
  /** As given, with `http://` added when it has no scheme (as curl and the Azure CLI read it). */
  uri: string
}

/**
 * The proxy the runner's environment sends this URL through, if any (lower-case variables first, as undici reads them).
 * Only https goes through a proxy: the token then travels inside a CONNECT tunnel. Plain http (loopback only) never
 * does, or the proxy would read the token.
 */
export function proxyFor(url: URL, env: Record<string, string | undefined>): Proxy | undefined {
  if (url.protocol !== 'https:') return undefined
  const variable = ['https_proxy', 'HTTPS_PROXY'].find((name) => env[name])
  if (variable === undefined) return undefined
  const { hostname, port } = endpointOf(url)
  if (bypassesProxy(hostname, port, env.no_proxy || env.NO_PROXY || '')) return undefined
  const value = env[variable] ?? ''
  return { variable, uri: /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}` }
}
