/** Narration templates (`narration.<kind>`) for the traffic spans; merged into pipeline.ts's `narration`. */
export default {
  trafficRequest: '트래픽 생성기 {{id}}이(가) {{target}}(으)로 요청 #{{n}}을(를) 보냅니다.',
  ingressRoute: 'ingress-nginx가 Ingress {{ingress}}의 규칙에 맞춰 요청을 Service {{service}}의 포트 {{port}}(으)로 넘깁니다.',
  proxyForward: 'kube-proxy가 {{service}}(으)로 온 연결을 {{node}}의 파드 {{pod}}({{ip}}:{{port}})(으)로 보냅니다.',
  trafficFailed: '트래픽 생성기 {{id}}의 요청 #{{n}}({{target}})이(가) 실패했습니다: {{code}} ({{where}}).',
} as Record<string, string>;
