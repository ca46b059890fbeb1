// The synthetic instance of the write smoke test: fresh 2.25 UIDs, nothing that looks like a real patient, and Part 10
// bytes that dcmtk's dcmdump (and dicom3tools' dciodvfy, where installed) read as a valid Secondary Capture image.
import { execFile } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import {
  SECONDARY_CAPTURE_IMAGE_STORAGE,
  stowRequestBody,
  syntheticInstance,
  uidFromUuid
} from '../../src/smoke-test/write/instance.ts'
import { runLabelFrom } from '../../src/inputs.ts'

const run = promisify(execFile)

/** Whether `tool` is an executable in a folder on PATH. */
async function onPath(tool: string): Promise<boolean> {
  const folders = (process.env.PATH ?? '').split(delimiter).filter((folder) => folder !== '')
  const found = await Promise.all(
    folders.map((folder) =>
      access(join(folder, tool), constants.X_OK).then(
        () => true,
        () => false
      )
    )
  )
  return found.includes(true)
}

// dicom3tools is optional: without it the IOD check is skipped with one line saying so, never passed.
const dciodvfyInstalled = await onPath('dciodvfy')
if (!dciodvfyInstalled)
  process.stderr.write('dciodvfy IOD check skipped: dciodvfy is not on PATH (apt-get install dicom3tools)\n')
const testWithDciodvfy = dciodvfyInstalled ? test : test.skip
const NOW = new Date('2026-03-04T05:06:07.890Z')
const UID_FORM = /^2\.25\.(0|[1-9]\d*)$/

/** Runs a DICOM command-line tool on the bytes; undefined when the tool is not installed. */
async function inspect(tool: string, args: string[], part10: Uint8Array): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'dicom-token-instance-'))
  try {
    const file = join(dir, 'instance.dcm')
    await writeFile(file, part10)
    // dciodvfy exits non-zero when it finds errors; the output says which, so keep it either way.
    const result = await run(tool, [...args, file], { timeout: 15000 }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      const { stdout, stderr } = error as { stdout?: string; stderr?: string }
      if (stdout === undefined && stderr === undefined) throw error
      return { stdout: stdout ?? '', stderr: stderr ?? '' }
    })
    return result === undefined ? undefined : `${result.stdout}${result.stderr}`
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** dcmdump's value for a tag such as (0010,0010), without the brackets. */
function dumped(dump: string, tag: string): string | undefined {
  const line = dump.split('\n').find((text) => text.startsWith(tag)) ?? ''
  const match = /^\(\w{4},\w{4}\) \w\w (?:\[([^\]]*)\]|=(\S+)|(\S+))/.exec(line)
  return match?.[1] ?? match?.[2] ?? match?.[3]
}

describe('uidFromUuid', () => {
  test('reads the UUID as one unsigned integer under 2.25', () => {
    expect(uidFromUuid('00000000-0000-0000-0000-000000000000')).toBe('2.25.0')
    expect(uidFromUuid('ffffffff-ffff-ffff-ffff-ffffffffffff')).toBe(`2.25.${(2n ** 128n - 1n).toString()}`)
    expect(uidFromUuid('F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6')).toBe('2.25.329800735698586629295641978511506172918')
  })

  test('is at most 44 characters, well inside the 64 a UID may have', () => {
    expect(uidFromUuid('ffffffff-ffff-ffff-ffff-ffffffffffff')).toHaveLength(44)
  })

  test('refuses what is not a UUID', () => {
    expect(() => uidFromUuid('not-a-uuid')).toThrow(RangeError)
  })
})

describe('runLabelFrom', () => {
  test('names the run and attempt the runner gives, then the repository', () => {
    const env = { GITHUB_REPOSITORY: 'octo/dicom', GITHUB_RUN_ID: '9876543210', GITHUB_RUN_ATTEMPT: '2' }
    expect(runLabelFrom(env)).toBe('run 9876543210 attempt 2, octo/dicom')
    expect(runLabelFrom({ ...env, GITHUB_RUN_ATTEMPT: '' })).toBe('run 9876543210, octo/dicom')
  })

  test('is undefined when the runner does not say which run', () => {
    expect(runLabelFrom({})).toBeUndefined()
    expect(runLabelFrom({ GITHUB_REPOSITORY: 'octo/dicom', GITHUB_RUN_ID: '' })).toBeUndefined()
  })
})

describe('syntheticInstance', () => {
  test('gives study, series and instance fresh 2.25 UIDs of at most 64 characters on every call', async () => {
    const first = await syntheticInstance({ now: NOW })
    const second = await syntheticInstance({ now: NOW })
    const uids = [first, second].flatMap((i) => [i.studyInstanceUid, i.seriesInstanceUid, i.sopInstanceUid])
    for (const uid of uids) {
      expect(uid).toMatch(UID_FORM)
      expect(uid.length).toBeLessThanOrEqual(64)
    }
    expect(new Set(uids).size).toBe(6)
    expect([first.patientId, second.patientId]).toEqual(['SMOKE-TEST', 'SMOKE-TEST'])
    expect(first.sopClassUid).toBe(SECONDARY_CAPTURE_IMAGE_STORAGE)
  })

  test('takes its UIDs from the injected UUID source, study first', async () => {
    const uuids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222']
    uuids.push('33333333-3333-4333-8333-333333333333')
    const instance = await syntheticInstance({ now: NOW, randomUuid: () => uuids.shift() ?? 'exhausted' })
    expect(instance.studyInstanceUid).toBe(uidFromUuid('11111111-1111-4111-8111-111111111111'))
    expect(instance.seriesInstanceUid).toBe(uidFromUuid('22222222-2222-4222-8222-222222222222'))
    expect(instance.sopInstanceUid).toBe(uidFromUuid('33333333-3333-4333-8333-333333333333'))
  })

  test('dcmdump reads a Part 10 Secondary Capture image with the UIDs, dates and patient it was given', async () => {
    const instance = await syntheticInstance({ now: NOW, runLabel: 'run 42 attempt 1, octo/dicom' })
    const dump = await inspect('dcmdump', ['-q'], instance.part10)
    if (dump === undefined) throw new Error('dcmdump is not installed: apt-get install dcmtk')
    expect(dump).toContain('# Dicom-File-Format')
    expect(dump).toContain('# Used TransferSyntax: Little Endian Explicit')
    expect(dumped(dump, '(0002,0002)')).toBe('SecondaryCaptureImageStorage')
    expect(dumped(dump, '(0002,0003)')).toBe(instance.sopInstanceUid)
    expect(dumped(dump, '(0008,0016)')).toBe('SecondaryCaptureImageStorage')
    expect(dumped(dump, '(0008,0018)')).toBe(instance.sopInstanceUid)
    expect(dumped(dump, '(0020,000d)')).toBe(instance.studyInstanceUid)
    expect(dumped(dump, '(0020,000e)')).toBe(instance.seriesInstanceUid)
    expect(dumped(dump, '(0010,0010)')).toBe('SMOKE^TEST')
    expect(dumped(dump, '(0010,0020)')).toBe(instance.patientId)
    expect(dumped(dump, '(0008,1030)')).toBe('dicom-token-action smoke test, run 42 attempt 1, octo/dicom')
    expect(dumped(dump, '(0012,0062)')).toBe('YES')
    expect(dumped(dump, '(0008,0020)')).toBe('20260304')
    expect(dumped(dump, '(0008,0030)')).toBe('050607')
    expect(dumped(dump, '(0008,0060)')).toBe('OT')
    expect(dumped(dump, '(0028,0004)')).toBe('MONOCHROME2')
    expect(dumped(dump, '(0028,0010)')).toBe('8')
    expect(dump).toMatch(/^\(7fe0,0010\) OB .*# {2}64, 1 PixelData$/m)
    expect(dump).not.toMatch(/^(E|W): /m)
  })

  test('carries no real-looking patient data: no birth date, no address, no other names', async () => {
    const instance = await syntheticInstance({ now: NOW })
    const dump = (await inspect('dcmdump', ['-q'], instance.part10)) ?? ''
    expect(instance.patientId).toBe('SMOKE-TEST')
    expect(dump).toMatch(/^\(0010,0030\) DA \(no value available\)/m)
    expect(dumped(dump, '(0010,0040)')).toBe('O')
    const patientTags = dump.split('\n').filter((line) => line.startsWith('(0010,'))
    const onlyThese = ['(0010,0010)', '(0010,0020)', '(0010,0030)', '(0010,0040)']
    expect(patientTags.map((line) => line.slice(0, 11))).toEqual(onlyThese)
  })

  test('keeps StudyDescription a valid LO: 64 characters at most, printable ASCII, no backslash', async () => {
    const instance = await syntheticInstance({ now: NOW, runLabel: `a\\b\u00e9\n${'x'.repeat(100)}` })
    expect(instance.studyDescription).toHaveLength(64)
    expect(instance.studyDescription).toMatch(/^dicom-token-action smoke test, a\?b\?\?x+$/)
  })

  testWithDciodvfy('dciodvfy finds no error in the Secondary Capture IOD', async () => {
    const instance = await syntheticInstance({ now: NOW })
    const report = await inspect('dciodvfy', [], instance.part10)
    if (report === undefined) throw new Error('dciodvfy could not be run')
    expect(report).toMatch(/^SCImage/)
    expect(report).not.toMatch(/^Error/m)
  })
})

describe('stowRequestBody', () => {
  test('wraps the instance in one multipart/related part of type application/dicom', async () => {
    const { part10 } = await syntheticInstance({ now: NOW })
    const { contentType, body } = stowRequestBody(part10, 'test-boundary')
    expect(contentType).toBe('multipart/related; type="application/dicom"; boundary=test-boundary')
    const head = '--test-boundary\r\nContent-Type: application/dicom\r\n\r\n'
    expect(body.subarray(0, head.length).toString('latin1')).toBe(head)
    expect(body.subarray(head.length, head.length + part10.length).equals(part10)).toBe(true)
    expect(body.subarray(head.length + part10.length).toString('latin1')).toBe('\r\n--test-boundary--\r\n')
  })

  test('makes a fresh random boundary by default', () => {
    const part10 = new Uint8Array([1, 2, 3])
    const first = stowRequestBody(part10).contentType
    expect(first).toMatch(/; boundary=dicom-token-action-[0-9a-f]{32}$/)
    expect(stowRequestBody(part10).contentType).not.toBe(first)
  })

  test('refuses a boundary that occurs in the instance or that RFC 2046 does not allow', () => {
    expect(() => stowRequestBody(Buffer.from('xx--abc yy'), 'abc')).toThrow(/occurs inside the instance/)
    expect(() => stowRequestBody(new Uint8Array(1), 'bad"quote')).toThrow(RangeError)
    expect(() => stowRequestBody(new Uint8Array(1), 'x'.repeat(71))).toThrow(RangeError)
    expect(stowRequestBody(new Uint8Array(1), 'x'.repeat(70)).contentType).toMatch(/x{70}$/)
  })
})
