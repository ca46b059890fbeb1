// Cleanup that holds however a test file's setup ended: each resource is registered the moment it exists, before the
// next step that can fail, and afterAll releases every one of them, the last first, each even when another fails.
export type Release = () => unknown

/** Registers an afterAll in the calling describe block; the function it returns adds a release to it. */
export function releasedAfterAll(): (release: Release) => void {
  const releases: Release[] = []
  afterAll(() => releaseAll(releases, 'a test resource could not be released'))
  return (release) => releases.push(release)
}

/** Runs and empties `releases`, the last first, each even when another fails; then throws what failed, if any. */
export async function releaseAll(releases: Release[], failed: string): Promise<void> {
  const failures: unknown[] = []
  for (const release of releases.splice(0).reverse()) {
    try {
      await release()
    } catch (error) {
      failures.push(error)
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, failed)
}
