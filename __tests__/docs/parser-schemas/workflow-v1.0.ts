// @actions/workflow-parser imports its JSON schema without an import attribute, which jest warns about on every run
// (and its next major refuses). jest.config.js maps that import here: the same JSON, read as a plain module.
import { readFileSync } from 'node:fs'

const PATH = '../../../node_modules/@actions/workflow-parser/dist/workflow-v1.0.min.json'
const schema: unknown = JSON.parse(readFileSync(new URL(PATH, import.meta.url), 'utf8'))
export default schema
