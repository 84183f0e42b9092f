/** Narration templates (`narration.<kind>`) for the endpoints spans; merged into pipeline.ts's `narration`. */
export default {
  endpointSliceSync:
    '엔드포인트슬라이스 컨트롤러가 서비스 {{service}}를 동기화합니다: 선택된 파드 {{pods}}개 중 {{ready}}개가 준비됨; 엔드포인트슬라이스를 {{create}}개 만들고 {{update}}개 고치고 {{delete}}개 지웁니다.',
  endpointsSync: '엔드포인트 컨트롤러가 엔드포인트 {{service}}를 씁니다: 준비된 주소 {{ready}}개, 준비되지 않은 주소 {{notReady}}개.',
  proxySync_other: 'kube-proxy가 서비스 {{service}}의 준비된 엔드포인트가 이제 {{count}}개임을 알게 되었습니다: {{endpoints}}.',
  proxySyncNone: 'kube-proxy가 서비스 {{service}}에 준비된 엔드포인트가 없음을 알게 되었습니다: 새 연결은 거부됩니다.',
  proxySyncTerminating_other:
    'kube-proxy가 서비스 {{service}}에 준비된 엔드포인트가 없음을 알게 되었습니다: 종료 중이지만 아직 응답하는 엔드포인트 {{count}}개로 대신 보냅니다: {{endpoints}}.',
  proxySyncRemoved: 'kube-proxy가 서비스 {{service}}의 규칙을 지웠습니다: 이제 이 서비스로의 연결은 전달되지 않습니다.',
  watchServiceAdded: 'API 서버가 {{to}}에 {{object}}가 추가되었다고 알립니다.',
  watchServiceModified: 'API 서버가 {{to}}에 {{object}}가 바뀌었다고 알립니다.',
  watchServiceDeleted: 'API 서버가 {{to}}에 {{object}}가 삭제되었다고 알립니다.',
  watchEndpointSliceAdded: 'API 서버가 {{to}}에 {{object}}가 추가되었다고 알립니다.',
  watchEndpointSliceModified: 'API 서버가 {{to}}에 {{object}}가 바뀌었다고 알립니다.',
  watchEndpointSliceDeleted: 'API 서버가 {{to}}에 {{object}}가 삭제되었다고 알립니다.',
} as Record<string, string>;
