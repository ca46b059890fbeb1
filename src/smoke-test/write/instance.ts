// The one synthetic DICOM instance the write smoke test stores and deletes: a new study with fresh 2.25 UIDs, one
// constant, obviously fake patient and an 8x8 black Secondary Capture image, and the STOW-RS body that carries it. dcmjs (about
// 1.4 MB of JavaScript) is imported only when an instance is built, so runs without the write test never load it.
import { randomBytes, randomUUID } from 'node:crypto'

/** Secondary Capture Image Storage: the image IOD that needs the least acquisition detail. */
export const SECONDARY_CAPTURE_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.7'
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1'
export const SMOKE_TEST_PATIENT_NAME = 'SMOKE^TEST'
/**
 * The same patient for every run and every repository: a downstream patient index or FHIR sync then holds one
 * synthetic patient, not one more per run (a study DELETE removes the study, never the patient a sync made of it).
 */
export const SMOKE_TEST_PATIENT_ID = 'SMOKE-TEST'
/** An LO value (StudyDescription, PatientID) holds at most 64 characters. */
const LO_MAX = 64
const IMAGE_SIZE = 8

export interface SyntheticInstanceOptions {
  /** Names the workflow run in StudyDescription, so a leftover study says where it came from (see runLabelFrom). */
  runLabel?: string
  /** Study, series, content and creation dates and times, written in UTC. */
  now: Date
  /** A random UUID per UID; injectable so tests can pin UIDs. Defaults to crypto.randomUUID. */
  randomUuid?: () => string
}

export interface SyntheticInstance {
  studyInstanceUid: string
  seriesInstanceUid: string
  sopInstanceUid: string
  sopClassUid: string
  patientId: string
  studyDescription: string
  /** The Part 10 file: preamble, DICM, file meta information, data set in Explicit VR Little Endian. */
  part10: Uint8Array
}

/** A UID under the 2.25 root: the UUID read as one unsigned integer (ITU-T X.667), at most 44 characters. */
export function uidFromUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '').toLowerCase()
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new RangeError(`not a UUID: '${uuid}'`)
  return `2.25.${BigInt(`0x${hex}`).toString()}`
}

export async function syntheticInstance(options: SyntheticInstanceOptions): Promise<SyntheticInstance> {
  const nextUuid = options.randomUuid ?? randomUUID
  const studyInstanceUid = uidFromUuid(nextUuid())
  const seriesInstanceUid = uidFromUuid(nextUuid())
  const sopInstanceUid = uidFromUuid(nextUuid())
  const patientId = SMOKE_TEST_PATIENT_ID
  const studyDescription = loValue(
    options.runLabel ? `dicom-token-action smoke test, ${options.runLabel}` : 'dicom-token-action smoke test'
  )
  const uids = { studyInstanceUid, seriesInstanceUid, sopInstanceUid }
  const dataset = syntheticDataSet(uids, { patientId, studyDescription }, options.now)
  const { data } = await import('dcmjs')
  const file = new data.DicomDict(data.DicomMetaDictionary.denaturalizeDataset(fileMetaInformation(sopInstanceUid)))
  file.dict = data.DicomMetaDictionary.denaturalizeDataset(dataset)
  const part10 = new Uint8Array(file.write())
  return { ...uids, sopClassUid: SECONDARY_CAPTURE_IMAGE_STORAGE, patientId, studyDescription, part10 }
}

/** The data set, by keyword as dcmjs names them: a Secondary Capture image with just what its IOD asks for. */
function syntheticDataSet(
  uids: Pick<SyntheticInstance, 'studyInstanceUid' | 'seriesInstanceUid' | 'sopInstanceUid'>,
  names: Pick<SyntheticInstance, 'patientId' | 'studyDescription'>,
  now: Date
): Record<string, unknown> {
  const date = dicomDate(now)
  const time = dicomTime(now)
  return {
    SpecificCharacterSet: 'ISO_IR 100',
    ImageType: ['DERIVED', 'SECONDARY'],
    InstanceCreationDate: date,
    InstanceCreationTime: time,
    SOPClassUID: SECONDARY_CAPTURE_IMAGE_STORAGE,
    SOPInstanceUID: uids.sopInstanceUid,
    StudyDate: date,
    StudyTime: time,
    SeriesDate: date,
    SeriesTime: time,
    ContentDate: date,
    ContentTime: time,
    // The dates and times above are UTC.
    TimezoneOffsetFromUTC: '+0000',
    AccessionNumber: '',
    Modality: 'OT',
    // Type 2C: dciodvfy asks for it when no body part says it is unpaired; empty means unknown.
    Laterality: '',
    ConversionType: 'WSD',
    Manufacturer: 'dicom-token-action',
    ReferringPhysicianName: '',
    StudyDescription: names.studyDescription,
    SeriesDescription: 'synthetic 8x8 image, deleted after the test',
    PatientName: SMOKE_TEST_PATIENT_NAME,
    PatientID: names.patientId,
    PatientBirthDate: '',
    PatientSex: 'O',
    // Says to every system downstream that this is no person's data; the method (Type 1C with it) says why.
    PatientIdentityRemoved: 'YES',
    DeidentificationMethod: 'synthetic test data, no patient',
    StudyInstanceUID: uids.studyInstanceUid,
    SeriesInstanceUID: uids.seriesInstanceUid,
    StudyID: 'SMOKE',
    SeriesNumber: '1',
    InstanceNumber: '1',
    PatientOrientation: '',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: IMAGE_SIZE,
    Columns: IMAGE_SIZE,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    BurnedInAnnotation: 'NO',
    PixelData: [new Uint8Array(IMAGE_SIZE * IMAGE_SIZE).buffer],
    _vrMap: { PixelData: 'OB' }
  }
}

/** The Part 10 file meta information (group 0002). */
function fileMetaInformation(sopInstanceUid: string): Record<string, unknown> {
  return {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: SECONDARY_CAPTURE_IMAGE_STORAGE,
    MediaStorageSOPInstanceUID: sopInstanceUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    // Names the writer, as every Part 10 file must: 2.25 + this action's UUID 130dc23d-a950-46ee-9361-ad0f74039882.
    ImplementationClassUID: '2.25.25326771451855391830505406615238449282',
    ImplementationVersionName: 'DICOMTOKEN_1'
  }
}

export interface StowRequestBody {
  /** `multipart/related; type="application/dicom"; boundary=...`, to send as the request's Content-Type. */
  contentType: string
  body: Buffer
}

/**
 * A STOW-RS body with one part: `multipart/related; type="application/dicom"` (PS3.18 10.5), CRLF line ends.
 * The boundary must not occur in the instance: a random one (the default) never does; a given one is checked.
 */
export function stowRequestBody(part10: Uint8Array, boundary = randomBoundary()): StowRequestBody {
  // RFC 2046's boundary characters, less the space, which would need the parameter quoted.
  if (!/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(boundary)) {
    throw new RangeError(`'${boundary}' is not a usable multipart boundary (RFC 2046: 1 to 70 safe characters)`)
  }
  const instance = Buffer.from(part10.buffer, part10.byteOffset, part10.byteLength)
  if (instance.includes(`--${boundary}`)) throw new RangeError(`the boundary '${boundary}' occurs inside the instance`)
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, 'latin1'),
    instance,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1')
  ])
  return { contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`, body }
}

function randomBoundary(): string {
  return `dicom-token-action-${randomBytes(16).toString('hex')}`
}

/** A printable-ASCII LO value: no backslash (the value separator), no control characters, at most 64 characters. */
function loValue(text: string): string {
  return text
    .replace(/[^\x20-\x7e]|\\/g, '?')
    .trim()
    .slice(0, LO_MAX)
    .trim()
}

function dicomDate(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`
}

function dicomTime(at: Date): string {
  return `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
