// A self-signed certificate for 127.0.0.1/localhost, made at test time with the openssl CLI (never committed).
// It lives in a temp directory of its own: whoever makes one removes it with removeCertificate().
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Certificate {
  certPath: string
  keyPath: string
  cert: string
  key: string
}

export async function makeSelfSignedCertificate(commonName = 'loopback-test'): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'dicom-token-cert-'))
  const certPath = join(dir, 'cert.pem')
  const keyPath = join(dir, 'key.pem')
  try {
    await run(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '2',
        '-subj',
        `/CN=${commonName}`,
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-addext',
        'basicConstraints=critical,CA:TRUE'
      ],
      { timeout: 15000 }
    )
  } catch (error) {
    // The folder exists before openssl runs: a failure (openssl missing, say) must not leave it behind.
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return { certPath, keyPath, cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') }
}

/** Deletes the certificate's temp directory (key included). */
export async function removeCertificate(certificate: Certificate): Promise<void> {
  await rm(dirname(certificate.certPath), { recursive: true, force: true })
}
