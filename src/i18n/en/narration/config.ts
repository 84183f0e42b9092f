/** Narration templates (`narration.<kind>`) for the config spans; merged into pipeline.ts's `narration`. */
export default {
  kubeletFetchConfig: "The kubelet on {{node}} reads {{kind}} {{name}} to build container {{container}}'s environment.",
  kubeletFetchVolume: 'The kubelet on {{node}} reads {{kind}} {{name}} to fill volume {{volume}} of pod {{pod}}.',
  kubeletSyncConfig: 'The kubelet on {{node}} re-reads {{kind}} {{name}} in its periodic sync and rewrites the files of volume {{volume}} in pod {{pod}} (environment variables stay as they were).',
} as Record<string, string>;
