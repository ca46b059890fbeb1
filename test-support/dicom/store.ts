// What the fake DICOM service keeps instances in: in memory, or a real Orthanc. The service does the routing, the
// roles, the faults and the change feed; a store only stores, finds, returns and deletes.
import type { Reply } from './http.ts'

/** A DICOM JSON data set (PS3.18 F.2): elements keyed by tag in 8 hex digits. */
export type DicomJson = Record<string, { vr: string; Value?: unknown[] } | undefined>

export interface InstanceRef {
  studyInstanceUid: string
  seriesInstanceUid: string
  sopInstanceUid: string
}

export interface StoredInstance extends InstanceRef {
  sopClassUid: string | undefined
  /** The instance's DICOM JSON metadata, bulk data left out: what WADO-RS metadata and the change feed show. */
  metadata: DicomJson | null
}

export interface StowResult {
  stored: StoredInstance[]
  /** FailedSOPSequence items the store itself gave. */
  failed: DicomJson[]
}

export interface DicomStore {
  /** STOW-RS: every instance of the multipart body; or the answer to give as it is when the store refused the body. */
  store(body: Buffer, contentType: string | undefined): Promise<StowResult | Reply>
  /** QIDO-RS and WADO-RS: `route` is the path and query after the version; `base` is the service URL with version. */
  retrieve(route: string, accept: string | undefined, base: string): Promise<Reply>
  /** Deletes a whole study: the instances it removed, or undefined when no such study is stored. */
  deleteStudy(studyInstanceUid: string): Promise<InstanceRef[] | undefined>
  deleteInstance(sopInstanceUid: string): Promise<void>
}

export const TAGS = {
  sopClassUid: '00080016',
  sopInstanceUid: '00080018',
  studyInstanceUid: '0020000D',
  seriesInstanceUid: '0020000E',
  referencedSopClassUid: '00081150',
  referencedSopInstanceUid: '00081155',
  retrieveUrl: '00081190',
  failureReason: '00081197',
  failedSopSequence: '00081198',
  referencedSopSequence: '00081199'
} as const

/** Azure's FailureReason for an instance whose study, series and instance UIDs are already stored. */
export const ALREADY_STORED = 45070
/** PS3.18's FailureReason for an instance that could not be processed. */
export const PROCESSING_FAILURE = 272

export function firstString(element: { Value?: unknown[] } | undefined): string | undefined {
  const value = element?.Value?.[0]
  return typeof value === 'string' ? value : undefined
}

/** QIDO-RS paths: /studies, /studies/{s}/series, /studies/{s}/instances, /studies/{s}/series/{se}/instances. */
export function isSearch(route: string): boolean {
  const path = route.split('?')[0] ?? ''
  return /^\/studies(\/[^/]+\/(series|instances)|\/[^/]+\/series\/[^/]+\/instances)?\/?$/.test(path)
}
