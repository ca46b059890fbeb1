// A DICOM store in memory: STOW-RS bodies split into their parts and read with dcmjs, so the write round trip runs
// where no Orthanc is installed. It answers the searches and metadata reads the smoke test makes, nothing more.
import { dicomJson, empty, text, type Reply } from './http.ts'
import {
  PROCESSING_FAILURE,
  TAGS,
  firstString,
  type DicomJson,
  type DicomStore,
  type StoredInstance,
  type StowResult
} from './store.ts'

// The public slice of dcmjs this store reads with (src/ declares only the writing side).
interface DcmjsReader {
  data: { DicomMessage: { readFile(part10: ArrayBuffer): { dict: Record<string, { vr: string; Value?: unknown[] }> } } }
}

/** Bulk data VRs: WADO-RS metadata gives a BulkDataURI for these, never the bytes; this store leaves them out. */
const BULK_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN'])
/** The study-level attributes a QIDO-RS study search returns. */
const STUDY_TAGS = ['00080020', '00080030', '00080050', '00100010', '00100020', '00100030', '00100040', '0020000D']
const METADATA_ROUTE = /^\/studies\/([^/]+)(?:\/series\/([^/]+)(?:\/instances\/([^/]+))?)?\/metadata\/?$/

export function memoryStore(): DicomStore & { readonly instances: ReadonlyMap<string, StoredInstance> } {
  const instances = new Map<string, StoredInstance>()
  return {
    instances,
    async store(body, contentType) {
      const parts = multipartParts(body, contentType)
      if (typeof parts === 'string') return text(415, parts)
      const result: StowResult = { stored: [], failed: [] }
      for (const part of parts) {
        const instance = await readInstance(part)
        if (instance === undefined) {
          result.failed.push({ [TAGS.failureReason]: { vr: 'US', Value: [PROCESSING_FAILURE] } })
          continue
        }
        instances.set(instance.sopInstanceUid, instance)
        result.stored.push(instance)
      }
      return result
    },
    retrieve(route, _accept, base) {
      return Promise.resolve(answerRead([...instances.values()], route, base))
    },
    deleteStudy(study) {
      const removed = [...instances.values()].filter((i) => i.studyInstanceUid === study)
      for (const instance of removed) instances.delete(instance.sopInstanceUid)
      return Promise.resolve(removed.length === 0 ? undefined : removed)
    },
    deleteInstance(sop) {
      instances.delete(sop)
      return Promise.resolve()
    }
  }
}

function answerRead(instances: StoredInstance[], route: string, base: string): Reply {
  const url = new URL(route, 'https://store.invalid')
  if (url.pathname.replace(/\/$/, '') === '/studies') {
    const wanted = url.searchParams.get('StudyInstanceUID')
    const studies = new Map<string, StoredInstance>()
    for (const i of instances) if (wanted === null || i.studyInstanceUid === wanted) studies.set(i.studyInstanceUid, i)
    if (studies.size === 0) return empty(204)
    return dicomJson(
      200,
      [...studies.values()].map((first) => studyAttributes(first, base))
    )
  }
  const [, study, series, sop] = METADATA_ROUTE.exec(url.pathname) ?? []
  if (study === undefined) return text(404, `The in-memory store does not answer ${url.pathname}.`)
  const found = instances.filter(
    (i) =>
      i.studyInstanceUid === study &&
      (series === undefined || i.seriesInstanceUid === series) &&
      (sop === undefined || i.sopInstanceUid === sop)
  )
  if (found.length === 0) return text(404, 'The specified resource cannot be found.')
  return dicomJson(
    200,
    found.map((i) => i.metadata)
  )
}

function studyAttributes(instance: StoredInstance, base: string): DicomJson {
  const study: DicomJson = {}
  for (const tag of STUDY_TAGS) if (instance.metadata?.[tag] !== undefined) study[tag] = instance.metadata[tag]
  study[TAGS.retrieveUrl] = { vr: 'UR', Value: [`${base}/studies/${instance.studyInstanceUid}`] }
  return study
}

/** The bodies of a multipart/related request, or why the request is not one this store takes. */
function multipartParts(body: Buffer, contentType: string | undefined): Buffer[] | string {
  const type = contentType ?? ''
  if (!/^multipart\/related\b/i.test(type) || !/type="?application\/dicom"?/i.test(type)) {
    return `The content type '${type}' is not supported: send multipart/related; type="application/dicom".`
  }
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (boundary === undefined) return 'The multipart content type has no boundary.'
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: Buffer[] = []
  let at = body.indexOf(delimiter)
  while (at >= 0) {
    const start = at + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next < 0) break
    const part = body.subarray(start, next)
    const headersEnd = part.indexOf('\r\n\r\n')
    // The CRLF before the next delimiter belongs to the delimiter, not to the part.
    if (headersEnd >= 0) parts.push(part.subarray(headersEnd + 4, part.length - 2))
    at = next
  }
  return parts
}

async function readInstance(part10: Buffer): Promise<StoredInstance | undefined> {
  const dcmjs = (await import('dcmjs')) as unknown as DcmjsReader
  let dict: Record<string, { vr: string; Value?: unknown[] }>
  try {
    const bytes = part10.buffer.slice(part10.byteOffset, part10.byteOffset + part10.byteLength) as ArrayBuffer
    dict = dcmjs.data.DicomMessage.readFile(bytes).dict
  } catch {
    return undefined
  }
  const metadata: DicomJson = {}
  for (const [tag, element] of Object.entries(dict)) {
    // dcmjs keeps the undecoded value beside the decoded one; DICOM JSON has only the decoded one.
    metadata[tag] =
      BULK_VRS.has(element.vr) || element.Value === undefined
        ? { vr: element.vr }
        : { vr: element.vr, Value: element.Value }
  }
  const uid = (tag: string): string | undefined => firstString(metadata[tag])
  const [study, series, sop] = [uid(TAGS.studyInstanceUid), uid(TAGS.seriesInstanceUid), uid(TAGS.sopInstanceUid)]
  if (study === undefined || series === undefined || sop === undefined) return undefined
  const sopClassUid = uid(TAGS.sopClassUid)
  return { studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: sop, sopClassUid, metadata }
}
