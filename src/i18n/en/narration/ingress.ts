/** Narration templates (`narration.<kind>`) for the ingress spans; merged into pipeline.ts's `narration`. */
export default {
  ingressSync: 'ingress-nginx rebuilt its nginx.conf: {{routes}}.',
  ingressSyncEmpty: 'ingress-nginx rebuilt its nginx.conf with no routes: every request gets its default backend (404).',
} as Record<string, string>;
