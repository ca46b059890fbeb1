// Entry point for the runner (runs.main: dist/index.js).
import { run } from './main.ts'
import { refusedOldNode } from './node-version.ts'

if (!refusedOldNode(process.versions.node, process.env)) await run()
// Everything is written; tearing down the loaded modules would only delay the step. Exit once stdout is flushed.
process.stdout.write('', () => process.exit())
