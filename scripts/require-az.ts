// The scripts need the real Azure CLI; without it they say so in one line instead of a stack trace.
import { findRealAz } from '../test-support/azure/azure-login.ts'

export function requireAzureCli(command: string): void {
  if (findRealAz() !== undefined) return
  console.error(
    `${command} needs the Azure CLI (az) on PATH, and found none. Install it: ` +
      'https://learn.microsoft.com/cli/azure/install-azure-cli (Debian and Ubuntu: sudo apt-get install azure-cli).'
  )
  process.exit(1)
}
