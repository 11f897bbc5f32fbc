import { spawn } from "node:child_process"
import { Agent, request } from "node:http"
import { randomUUID } from "node:crypto"
import { createInterface } from "node:readline"
import { startTestPostgres } from "../../sdk/server/test-postgres"
const pg = await startTestPostgres(); if (typeof pg === "string") throw new Error(pg)
const mode = process.argv[2] ?? "pg"
import { readdirSync } from "node:fs"
const port0 = new URL(pg.url).port
const sockDir = readdirSync("/tmp").filter((d) => d.startsWith("zhiqing-pg-")).map((d) => "/tmp/" + d).find((d) => { try { return readdirSync(d).includes(".s.PGSQL." + port0) } catch { return false } })
const url = process.env.UNIX ? `postgres://postgres@localhost:${port0}/postgres?host=${sockDir}` : pg.url
console.log(url)
const opts = mode === "pg" ? { port: 0, databaseUrl: url, secret: "x" } : { port: 0, dataDir: "/tmp/zz-pglite-" + Date.now(), secret: "x" }
const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "tests/bench/ledger-server.ts", JSON.stringify(opts)], { stdio: ["pipe", "pipe", "inherit"] })
const line = await new Promise<string>((d) => createInterface({ input: child.stdout! }).once("line", d))
const port = JSON.parse(line).port
const body = (i: number) => JSON.stringify({ schema: 1, id: randomUUID(), subject: `bench-subject-${String(i % 500).padStart(4, "0")}`, policyVersion: "2026-11", locale: "en", decidedAt: new Date().toISOString(), purposes: { necessary: true, analytics: i % 2 === 0 }, separate: { "sensitive-id-card": false }, noticeHash: "a".repeat(64), given: { flow: "banner", control: "agree" } })
const post = (agent: Agent, b: string) => new Promise<number>((res, rej) => { const r = request({ host: "127.0.0.1", port, method: "POST", path: "/api/consent", agent, headers: { "content-type": "application/json" } }, (s) => { s.resume(); s.on("end", () => res(s.statusCode!)) }); r.on("error", rej); r.end(b) })
for (const total of [500, 20000]) {
  let next = 0; const lat: number[] = []
  const t0 = performance.now()
  await Promise.all(Array.from({ length: 50 }, async () => { const a = new Agent({ keepAlive: true, maxSockets: 1 }); while (next < total) { const b = body(next++); const s = performance.now(); await post(a, b); lat.push(performance.now() - s) } a.destroy() }))
  const el = performance.now() - t0; lat.sort((a, b) => a - b)
  console.log(total, (total / el * 1000).toFixed(0), "/s p50", lat[Math.floor(lat.length / 2)]!.toFixed(1), "p99", lat[Math.floor(lat.length * 0.99)]!.toFixed(1))
}
child.stdin!.end(); await new Promise((d) => child.once("exit", d)); pg.stop()
