// The world of the lifecycle tests: a real Orthanc, the fake DICOM service that stores into it, and a gate before the
// service that holds or rewrites the requests of one stage. The action is given the gate's URL.
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { accessTokenClaims, makeJwt } from '../azure/jwt.ts'
import type { Certificate } from '../net/tls-cert.ts'
import { passEverything, startGate, type Gate } from './gate.ts'
import { orthancUnavailable, startOrthanc, type Orthanc } from './orthanc.ts'
import { startDicomService, type DicomService } from './service.ts'

export const TENANT = '3c7e9a1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d'
export const OWNER = '7a6b5c4d-3e2f-4109-8a7b-6c5d4e3f2a1b'

export interface GatedFront {
  orthanc: Orthanc
  front: DicomService
  gate: Gate
  /** The studies Orthanc holds: [] once every test has cleaned up after itself. */
  storedStudies(): Promise<unknown[]>
  /** Between tests: the gate passes everything again, the records are emptied, Orthanc is emptied. */
  reset(): Promise<void>
  close(): Promise<void>
}

/** Why the world cannot run here (no Orthanc), or undefined. */
export const gatedFrontUnavailable = orthancUnavailable

/**
 * `describe` for a block that runs against the gated front, or `describe.skip` with one line saying why where Orthanc
 * is missing; a skipped dependency skips the tests, it never passes them.
 */
export async function describeWithGatedFront(suite: string): Promise<jest.Describe> {
  const unavailable = await gatedFrontUnavailable()
  if (unavailable === undefined) return describe
  process.stderr.write(`${suite} tests skipped: ${unavailable}\n`)
  return describe.skip
}

/**
 * Starts the gated front before the calling block's tests, empties it after each and closes it after all; hands the
 * started world to `use`. The certificate is read when the block starts, after the file's own beforeAll made it.
 */
export function useGatedFront(certificate: () => Certificate, use: (world: GatedFront) => void): void {
  let world: GatedFront | undefined
  beforeAll(async () => {
    world = await startGatedFront(certificate())
    use(world)
  })
  afterAll(() => world?.close())
  afterEach(() => world?.reset())
}

export async function startGatedFront(certificate: Certificate): Promise<GatedFront> {
  const orthanc = await startOrthanc()
  if (typeof orthanc === 'string') throw new Error(orthanc)
  const front = await startDicomService({ certificate, orthanc, roles: { [OWNER]: 'owner' }, tenantId: TENANT })
  const gate = await startGate(front.url, certificate)
  return {
    orthanc,
    front,
    gate,
    storedStudies: async () => (await orthanc.json('GET', '/studies')) as unknown[],
    async reset() {
      gate.setPolicy(passEverything)
      gate.requests.length = 0
      front.setFault({ kind: 'none' })
      front.requests.length = 0
      await orthanc.clear()
    },
    async close() {
      await gate.close()
      await front.close()
      await orthanc.stop()
    }
  }
}

/** A token of the owner principal, for the stand-in az to print. */
export function ownerToken(): string {
  return makeJwt(
    accessTokenClaims({
      audience: DEFAULT_RESOURCE,
      tenantId: TENANT,
      objectId: OWNER,
      appId: 'app-1',
      lifetimeSeconds: 3600
    })
  )
}
