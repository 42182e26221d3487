import type { ESLint } from 'eslint';

/** Why `from` (a path relative to the repository root) may not import `specifier`, or null. */
export function fenceViolation(from: string, specifier: string, typeOnly: boolean): string | null;

declare const plugin: ESLint.Plugin;
export default plugin;
