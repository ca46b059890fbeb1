// Which transport error codes are certificate or TLS failures: no retry makes a certificate valid. One list for the
// smoke test's requests and the federated exchange's, which run on different clients (undici, Node's https).

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH/

export function isTlsError(code: string | undefined): boolean {
  return code !== undefined && TLS_CODES.test(code)
}
