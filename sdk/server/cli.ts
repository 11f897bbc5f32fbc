/**
 * The `zhiqing-ledger` process: runs one command (see commands.ts) and exits with its status, or keeps serving
 * until SIGINT or SIGTERM.
 */
import { runCommand } from "./commands"

const result = await runCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line)
})
if (result.exit === null) {
  const { server } = result
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1)
      )
    })
  }
} else process.exitCode = result.exit
