// A DICOM store over a real Orthanc and its DICOMweb plugin: STOW-RS, QIDO-RS and WADO-RS go to Orthanc as they came,
// and the study DELETE that Orthanc's DICOMweb lacks is done with its REST API.
import { empty, type Reply } from './http.ts'
import { DICOMWEB_ROOT, type Orthanc, type OrthancAnswer } from './orthanc.ts'
import {
  TAGS,
  firstString,
  isSearch,
  type DicomJson,
  type DicomStore,
  type InstanceRef,
  type StoredInstance,
  type StowResult
} from './store.ts'

const INSTANCE_URL = /\/studies\/([^/]+)\/series\/([^/]+)\/instances\/([^/]+)$/

export function orthancStore(orthanc: Orthanc): DicomStore {
  /** Orthanc writes its own URLs into RetrieveURL; the service writes its own. */
  const withServiceUrls = (body: string, base: string): string => body.split(orthanc.dicomWebUrl).join(base)

  /** Orthanc's status, Content-Type (or none, as Orthanc sends some errors) and body, with the service's URLs. */
  const passThrough = (answer: OrthancAnswer, base: string): Reply => {
    const contentType = answer.headers['content-type']
    const headers: Record<string, string> = typeof contentType === 'string' ? { 'Content-Type': contentType } : {}
    const body = isJson(answer) ? withServiceUrls(answer.body.toString('utf8'), base) : answer.body
    return { status: answer.status, headers, body }
  }

  const metadataOf = async (study: string, series: string, sop: string): Promise<DicomJson | null> => {
    const path = `${DICOMWEB_ROOT}/studies/${study}/series/${series}/instances/${sop}/metadata`
    const answer = await orthanc.request('GET', path, { headers: { Accept: 'application/dicom+json' } })
    return answer.status === 200 ? ((JSON.parse(answer.body.toString('utf8')) as DicomJson[])[0] ?? null) : null
  }

  const lookup = async (uid: string, type: 'Study' | 'Instance'): Promise<string | undefined> => {
    const found = (await orthanc.json('POST', '/tools/lookup', uid)) as { ID: string; Type: string }[]
    return found.find((item) => item.Type === type)?.ID
  }

  return {
    async store(body, contentType) {
      const headers: Record<string, string> = { Accept: 'application/dicom+json' }
      if (contentType !== undefined) headers['Content-Type'] = contentType
      const answer = await orthanc.request('POST', `${DICOMWEB_ROOT}/studies`, { headers, body })
      if ((answer.status !== 200 && answer.status !== 202) || !isJson(answer)) return passThrough(answer, '')
      const response = JSON.parse(answer.body.toString('utf8')) as DicomJson
      const result: StowResult = { stored: [], failed: (response[TAGS.failedSopSequence]?.Value ?? []) as DicomJson[] }
      for (const item of (response[TAGS.referencedSopSequence]?.Value ?? []) as DicomJson[]) {
        result.stored.push(await storedFrom(item))
      }
      return result
    },
    async retrieve(route, accept, base) {
      const headers: Record<string, string> = accept === undefined ? {} : { Accept: accept }
      const answer = await orthanc.request('GET', `${DICOMWEB_ROOT}${route}`, { headers })
      const foundNone = answer.status === 200 && isJson(answer) && answer.body.toString('utf8').trim() === '[]'
      // The service answers a search that finds nothing with 204; Orthanc with 200 and [].
      if (foundNone && isSearch(route)) return empty(204)
      return passThrough(answer, base)
    },
    async deleteStudy(study) {
      const orthancId = await lookup(study, 'Study')
      if (orthancId === undefined) return undefined
      const listing = await orthanc.request('GET', `${DICOMWEB_ROOT}/studies/${study}/instances`)
      const instances = listing.status === 200 ? (JSON.parse(listing.body.toString('utf8')) as DicomJson[]) : []
      const deleted = await orthanc.request('DELETE', `/studies/${orthancId}`)
      if (deleted.status !== 200) throw new Error(`Orthanc answered ${deleted.status} to the delete.`)
      return instances.flatMap((instance): InstanceRef[] => {
        const sopInstanceUid = firstString(instance[TAGS.sopInstanceUid])
        const seriesInstanceUid = firstString(instance[TAGS.seriesInstanceUid])
        if (sopInstanceUid === undefined || seriesInstanceUid === undefined) return []
        return [{ studyInstanceUid: study, seriesInstanceUid, sopInstanceUid }]
      })
    },
    async deleteInstance(sop) {
      const id = await lookup(sop, 'Instance')
      if (id !== undefined) await orthanc.request('DELETE', `/instances/${id}`)
    }
  }

  async function storedFrom(item: DicomJson): Promise<StoredInstance> {
    const sop = firstString(item[TAGS.referencedSopInstanceUid])
    const [, study, series] = INSTANCE_URL.exec(firstString(item[TAGS.retrieveUrl]) ?? '') ?? []
    if (sop === undefined || study === undefined || series === undefined) {
      throw new Error(`Orthanc's STOW answer lists an instance without UID or URL: ${JSON.stringify(item)}`)
    }
    const sopClassUid = firstString(item[TAGS.referencedSopClassUid])
    const metadata = await metadataOf(study, series, sop)
    return { studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: sop, sopClassUid, metadata }
  }
}

function isJson(answer: OrthancAnswer): boolean {
  const type = answer.headers['content-type']
  return typeof type === 'string' && /^application\/(dicom\+)?json\b/i.test(type)
}
