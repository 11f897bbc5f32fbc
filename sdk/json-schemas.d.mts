import type { z } from "zod/mini"

/** The source of src/generated/json-schemas.ts for the given zod schemas (schema.ts's Config and ConsentState). */
export function renderJsonSchemas(schemas: Record<"Config" | "ConsentState", z.ZodMiniType>): string
