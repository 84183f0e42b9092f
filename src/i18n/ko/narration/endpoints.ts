/** Narration templates (`narration.<kind>`) for the endpoints spans; merged into pipeline.ts's `narration`. */
export default {} as Record<string, string>;
