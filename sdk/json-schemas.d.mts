import type * as schema from "./src/schema"

/** The source of src/generated/json-schemas.ts for the given zod schemas. */
export function renderJsonSchemas(schemas: Pick<typeof schema, "Config" | "ConsentState">): string
