/** Narration templates (`narration.<kind>`) for the traffic spans; merged into pipeline.ts's `narration`. */
export default {
  trafficRequest: 'Traffic generator {{id}} sends request #{{n}} to {{target}}.',
  ingressRoute: 'ingress-nginx matches Ingress {{ingress}} and passes the request to Service {{service}} port {{port}}.',
  proxyForward: 'kube-proxy sends the connection for {{service}} to pod {{pod}} ({{ip}}:{{port}}) on {{node}}.',
  trafficFailed: 'Request #{{n}} of traffic generator {{id}} to {{target}} failed: {{code}} ({{where}}).',
} as Record<string, string>;
