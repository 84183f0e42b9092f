/** Narration templates (`narration.<kind>`) for the ingress spans; merged into pipeline.ts's `narration`. */
export default {
  ingressSync: 'ingress-nginx가 nginx.conf를 다시 만들었습니다: {{routes}}.',
  ingressSyncEmpty: 'ingress-nginx가 라우트 없이 nginx.conf를 다시 만들었습니다: 모든 요청이 기본 백엔드(404)로 갑니다.',
} as Record<string, string>;
