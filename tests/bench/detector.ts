/**
 * Detector throughput: the extension's PI detector over a generated 1 MB JSON payload of the kind a tracker sends
 * (events with phone numbers, resident ID numbers and emails among ordinary fields), in MB/s.
 */
import { readdirSync } from "node:fs"
import { join } from "node:path"
import { importFunction, repo } from "./parts"
import { SkipSection } from "./section"
import { median, round } from "./stats"

export interface DetectorFigures {
  /** The module and export measured, relative to the repository. */
  entry: string
  payloadBytes: number
  runs: number
  /** Median over the runs. */
  mbPerSecond: number
  /** What the detector found in the payload, as a sanity check that it looked. */
  found: number
}

type DetectPi = (input: string) => unknown

const PAYLOAD_BYTES = 1024 * 1024
const RUNS = 5
const piiDir = join(repo, "extension", "lib", "pii")

/** A valid 18-digit resident ID (GB 11643 checksum) built from a serial. */
function residentId(serial: number): string {
  const body = `110105${1970 + (serial % 40)}0${1 + (serial % 9)}1${serial % 10}${String(serial % 1000).padStart(3, "0")}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (weights[index] as number), 0)
  return body + "10X98765432"[sum % 11]
}

/** About 1 MB of tracker-like JSON: mostly harmless fields, one event in four carrying personal information. */
export function trackerPayload(bytes: number): string {
  const events: string[] = []
  let size = 2
  for (let serial = 0; size < bytes; serial++) {
    const event: Record<string, unknown> = {
      event: "page_view",
      ts: 1_790_000_000_000 + serial * 1000,
      page: `/product/${serial % 300}?ref=home&utm_source=baidu`,
      screen: "1920x1080",
      sku: `SKU-${(serial * 7919) % 100000}`,
      price: ((serial * 37) % 10000) / 100
    }
    if (serial % 4 === 0) event.mobile = `13${serial % 10}${String(10_000_000 + ((serial * 7907) % 89_999_999)).slice(0, 8)}`
    if (serial % 8 === 0) event.email = `shopper${serial}@example.cn`
    if (serial % 16 === 0) event.idCard = residentId(serial)
    const json = JSON.stringify(event)
    events.push(json)
    size += json.length + 1
  }
  return `[${events.join(",")}]`
}

async function findDetector(): Promise<{ entry: string; detect: DetectPi }> {
  let files: string[]
  try {
    files = readdirSync(piiDir).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  } catch {
    throw new SkipSection("extension/lib/pii/ does not exist yet")
  }
  // The entry is whichever module of the PI library exports detectPi; index first when there is one.
  files.sort((a, b) => Number(b.startsWith("index.")) - Number(a.startsWith("index.")))
  for (const file of files) {
    try {
      return { entry: `extension/lib/pii/${file}#detectPi`, detect: await importFunction<DetectPi>(join(piiDir, file), "detectPi") }
    } catch (error) {
      if (!(error instanceof SkipSection)) throw error
    }
  }
  throw new SkipSection("no module in extension/lib/pii/ exports detectPi yet")
}

/** MB/s of detectPi over the payload, median of {@link RUNS}. */
export async function measureDetector(): Promise<DetectorFigures> {
  const { entry, detect } = await findDetector()
  const payload = trackerPayload(PAYLOAD_BYTES)
  const payloadBytes = Buffer.byteLength(payload)
  let result: unknown = detect(payload)
  const speeds: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    result = detect(payload)
    speeds.push(payloadBytes / (1024 * 1024) / ((performance.now() - started) / 1000))
  }
  return { entry, payloadBytes, runs: RUNS, mbPerSecond: round(median(speeds), 2), found: Array.isArray(result) ? result.length : 0 }
}
