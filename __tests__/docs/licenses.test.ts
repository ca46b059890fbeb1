// What dist/ ships is only permissively licensed code, and ncc's dist/licenses.txt credits it.
import { readFileSync } from 'node:fs'

// pako (inside dcmjs) is '(MIT AND Zlib)': both permissive.
const ALLOWED = new Set(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'Zlib', '(MIT AND Zlib)'])

interface LockPackage {
  dev?: boolean
  license?: string
}

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockPackage>
}
const production = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.dev !== true)

describe('licenses of what the action bundles', () => {
  it('includes production dependencies at all (the check below is not vacuous)', () => {
    expect(production.map(([path]) => path)).toEqual(
      expect.arrayContaining(['node_modules/@actions/exec', 'node_modules/undici'])
    )
  })

  it.each(production)('%s has a permissive license', (_path, entry) => {
    expect(ALLOWED.has(entry.license ?? 'none')).toBe(true)
  })

  it('dist/licenses.txt names each bundled package with a permissive license', () => {
    const text = readFileSync(new URL('../../dist/licenses.txt', import.meta.url), 'utf8')
    // ncc writes each package as its name, a line with its license id, then the license text.
    const credited = [...text.matchAll(/^(@?[a-z0-9][\w./@-]*)\n([\w.-]+)\n/gm)].map(([, name = '', license = '']) => ({
      name,
      license
    }))
    expect(credited.map((c) => c.name)).toContain('undici')
    for (const { license } of credited) expect(ALLOWED.has(license)).toBe(true)
  })
})
