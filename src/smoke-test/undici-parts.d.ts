// undici's own modules for what the direct path of the smoke test uses (a client, its connector, `request`), so the
// bundle carries only what they need
// (about half of the package) instead of all of undici. Their types are the package's.
declare module 'undici/lib/dispatcher/client.js' {
  import type { Client } from 'undici'
  const client: typeof Client
  export default client
}
declare module 'undici/lib/core/connect.js' {
  import type { buildConnector } from 'undici'
  const connect: typeof buildConnector
  export default connect
}
declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici'
  /** Dispatcher.prototype.request, which undici's index adds to every dispatcher. */
  function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>
  export default request
}
