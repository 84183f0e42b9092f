/** Narration templates (`narration.<kind>`) for the services spans; merged into pipeline.ts's `narration`. */
export default {
  ensureLoadBalancer: 'The service controller provisions a load balancer for Service {{namespace}}/{{service}} at {{ip}}.',
} as Record<string, string>;
