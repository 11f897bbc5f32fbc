// `npm start`: install what is missing, build, and serve the demo store with the SDK and the ledger on localhost.
import { spawn } from "node:child_process"
import { build, ensureDependencies, extensionDir, root } from "./workspace.mjs"

ensureDependencies()
build()
console.log(`\nThe Zhiqing Inspector extension is built at:\n  ${extensionDir}\n  (chrome://extensions → Developer mode → Load unpacked)\n`)

const store = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "demo-store/server/main.ts"], { cwd: root, stdio: "inherit" })
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => store.kill(signal))
store.on("exit", (code) => process.exit(code ?? 0))
