/** Types for scripts/chromium.mjs (imported by playwright.config.ts). */
export declare const LOCAL_DIR: string;
export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string | undefined;
export declare function obtainChromium(): string;
