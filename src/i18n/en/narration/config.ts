/** Narration templates (`narration.<kind>`) for the config spans; merged into pipeline.ts's `narration`. */
export default {} as Record<string, string>;
