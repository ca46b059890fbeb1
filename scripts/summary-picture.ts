// npm run summary-picture: docs/summary.png, the job summary as GitHub shows it, from the real summary HTML. Runs the
// bundled action twice on the loopback world, as a workflow step: a write round trip that passes, and a read check the
// service refuses with 403. Headless Chromium (Debian: apt-get install -y chromium) renders both with GitHub-like
// styling. The world's loopback address is shown as an example host, the one thing changed in the HTML.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLoopbackWorld } from '../test-support/loopback-world.ts'
import { REPO_ROOT, runAction } from '../test-support/runner/run-action.ts'
import { requireAzureCli } from './require-az.ts'

const OUTPUT = join(REPO_ROOT, 'docs', 'summary.png')
const EXAMPLE_HOST = 'contoso-imaging.dicom.azurehealthcareapis.com'
const WIDTH = 960

/** Debian's chromium, or the first of the usual names on PATH. */
function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    if (spawnSync('sh', ['-c', `command -v ${name}`]).status === 0) return name
  }
  return undefined
}

const chromium = findChromium()
if (!chromium) {
  console.error('npm run summary-picture needs headless Chromium: install it (Debian: apt-get install -y chromium).')
  process.exit(1)
}
requireAzureCli('npm run summary-picture')

/** Both summaries, as each step wrote it to GITHUB_STEP_SUMMARY. */
async function summaries(): Promise<{ passed: string; failed: string }> {
  const world = await startLoopbackWorld()
  try {
    const step = async (smokeTest: string): Promise<string> => {
      const run = await runAction({
        inputs: { 'dicom-url': world.dicom.url, 'smoke-test': smokeTest, 'timeout-seconds': '5' },
        path: world.path,
        env: world.actionEnv
      })
      return run.summary.replaceAll(new URL(world.dicom.url).host, EXAMPLE_HOST)
    }
    const passed = await step('write')
    world.dicom.setFault({ kind: 'forbidden' })
    const failed = await step('true')
    return { passed, failed }
  } finally {
    await world.close()
  }
}

// GitHub's job summary: its markdown body, a box per step's summary under the step's name.
const STYLE = `
  body { margin: 0; padding: 16px; background: #f6f8fa; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI",
    "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: #1f2328; }
  .job { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; margin-bottom: 16px; }
  .job > header { padding: 8px 16px; border-bottom: 1px solid #d0d7de; font-weight: 600; }
  .body { padding: 0 16px 16px; }
  h3 { font-size: 1.25em; font-weight: 600; margin: 16px 0; }
  table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  td { border: 1px solid #d0d7de; padding: 6px 13px; vertical-align: top; }
  tr:nth-child(2n) { background: #f6f8fa; }
  td:first-child { white-space: nowrap; }
  a { color: #0969da; text-decoration: none; }
`

function page({ passed, failed }: { passed: string; failed: string }): string {
  const job = (name: string, html: string): string =>
    `<section class="job"><header>${name} summary</header><div class="body">${html}</div></section>`
  return [
    `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head>`,
    `<body style="width: ${WIDTH - 32}px">`,
    job('deploy', passed),
    job('smoke-test-after-deploy', failed),
    // Read back by the first pass: how tall the page is, so the picture has no empty band below it.
    `<script>document.title = String(Math.ceil(document.body.getBoundingClientRect().height))</script>`,
    '</body></html>'
  ].join('\n')
}

const work = await mkdtemp(join(tmpdir(), 'summary-picture-'))
try {
  const file = join(work, 'summary.html')
  await writeFile(file, page(await summaries()))
  const common = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${work}/profile`]
  const dom = execFileSync(chromium, [...common, `--window-size=${WIDTH},2000`, '--dump-dom', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
  const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1] ?? 1600)
  execFileSync(chromium, [...common, `--window-size=${WIDTH},${height}`, `--screenshot=${OUTPUT}`, file], {
    stdio: 'ignore'
  })
  console.log(`Wrote ${OUTPUT} (${WIDTH}×${height}) from the job summaries of a passing and a failing step.`)
  await readFile(OUTPUT) // fails loudly if Chromium wrote nothing
} finally {
  await rm(work, { recursive: true, force: true })
}
