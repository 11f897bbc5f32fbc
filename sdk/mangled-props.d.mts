/** The property names that dist/zhiqing.js shortens. */
export const MANGLED_PROPS: string[]
