/** Narration templates (`narration.<kind>`) for the services spans; merged into pipeline.ts's `narration`. */
export default {
  ensureLoadBalancer: '서비스 컨트롤러가 Service {{namespace}}/{{service}}의 로드 밸런서를 {{ip}} 주소로 준비합니다.',
} as Record<string, string>;
