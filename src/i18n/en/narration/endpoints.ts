/** Narration templates (`narration.<kind>`) for the endpoints spans; merged into pipeline.ts's `narration`. */
export default {
  // The EndpointSlice and Endpoints controllers (controller-manager): a decision, then its writes.
  endpointSliceSync:
    'The EndpointSlice controller syncs Service {{service}}: {{pods}} selected pod(s), {{ready}} ready; it creates {{create}}, updates {{update}} and deletes {{delete}} EndpointSlice(s).',
  endpointsSync: 'The Endpoints controller writes Endpoints {{service}}: {{ready}} ready and {{notReady}} not-ready address(es).',
  // kube-proxy (the service stage) reprograms its rules after a watch delivery.
  proxySync_one: 'kube-proxy learned that Service {{service}} now has {{count}} ready endpoint: {{endpoints}}.',
  proxySync_other: 'kube-proxy learned that Service {{service}} now has {{count}} ready endpoints: {{endpoints}}.',
  proxySyncNone: 'kube-proxy learned that Service {{service}} has no ready endpoints: new connections to it are rejected.',
  proxySyncTerminating_one: 'kube-proxy learned that Service {{service}} has no ready endpoints: it falls back to {{count}} terminating but still serving endpoint: {{endpoints}}.',
  proxySyncTerminating_other: 'kube-proxy learned that Service {{service}} has no ready endpoints: it falls back to {{count}} terminating but still serving endpoints: {{endpoints}}.',
  proxySyncRemoved: 'kube-proxy removed the rules of Service {{service}}: connections to it are no longer forwarded.',
  // Watch deliveries of Services and EndpointSlices (to the controller-manager and to kube-proxy).
  watchServiceAdded: 'The API server tells the {{to}} that {{object}} was added.',
  watchServiceModified: 'The API server tells the {{to}} that {{object}} changed.',
  watchServiceDeleted: 'The API server tells the {{to}} that {{object}} was deleted.',
  watchEndpointSliceAdded: 'The API server tells the {{to}} that {{object}} was added.',
  watchEndpointSliceModified: 'The API server tells the {{to}} that {{object}} changed.',
  watchEndpointSliceDeleted: 'The API server tells the {{to}} that {{object}} was deleted.',
} as Record<string, string>;
