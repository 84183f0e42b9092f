/** Korean strings of the manifest editor (namespace `editor`); keys mirror en/editor.ts. */
export default {
  panel: '매니페스트 편집기',
  apply: '적용',
  applyHint: 'kubectl apply로 매니페스트를 클러스터에 보냅니다 (Ctrl+Enter)',
  output: 'kubectl apply 출력',
  applyFailed: '적용 실패',
  aria: {
    editor: '매니페스트 YAML',
  },
  examples: {
    deployment: { title: 'nginx 디플로이먼트 (레플리카 3개)', hint: '디플로이먼트 → 레플리카셋 → 파드. 파드를 지우거나, 스케일하거나, 이미지를 바꿔 롤링 업데이트' },
    service: { title: '디플로이먼트 + 서비스', hint: 'ClusterIP 뒤의 준비된 파드들: 서비스를 선택해 트래픽을 보내고 파드를 지워 보세요 — 실패하는 요청이 없습니다' },
    config: { title: '컨피그맵 + 시크릿', hint: '컨테이너에 주입된 환경 변수와 파일: 환경·파일 탭, 로그, kubectl exec … env로 확인하세요' },
    ingress: { title: '두 앱 앞의 인그레스', hint: 'ingress-nginx가 shop.example/cart와 /를 두 서비스로 보냅니다: Traffic 탭에서 트래픽을 보내 보세요' },
    crashLoop: { title: '계속 죽는 디플로이먼트', hint: '컨테이너가 1로 종료: 백오프로 재시작, CrashLoopBackOff' },
    button: '예제',
    nginx: { title: 'nginx 파드', hint: '파드 하나가 스케줄되고, 이미지를 받아 시작해 Running이 됩니다' },
    cannotFit: { title: '들어갈 수 없는 파드', hint: 'CPU 3개를 요청: 여유 있는 노드가 없어 Pending으로 남습니다' },
    missingImage: { title: '없는 이미지', hint: '이미지 받기가 실패합니다: ErrImagePull, 그다음 ImagePullBackOff' },
    busyboxExits: { title: '끝나는 busybox', hint: '명령이 끝나고 파드는 Completed가 됩니다' },
    namespacePod: { title: '네임스페이스 + 파드', hint: '한 파일의 두 문서를 차례로 적용합니다' },
    typo: { title: '오타가 있는 파드', hint: '알 수 없는 필드: kubectl과 스키마가 어디를 가리키는지 보세요' },
  },
  drop: {
    hint: '파일을 놓으면 편집기로 불러옵니다 (적용하지는 않습니다)',
    loaded: '{{name}} 파일을 편집기로 불러왔습니다. 클러스터로 보내려면 적용을 누르세요.',
    extra_other: '첫 번째 파일만 사용했습니다. 나머지 {{count}}개 파일은 무시했습니다.',
    notText: '{{name}} 파일을 불러올 수 없습니다: 텍스트 파일이 아닙니다.',
    tooBig: '{{name}} 파일을 불러올 수 없습니다: 크기가 {{size}} MiB입니다. 편집기는 {{limit}} MiB까지의 파일만 받습니다.',
    unreadable: '{{name}} 파일을 불러올 수 없습니다: 브라우저가 읽지 못했습니다 ({{reason}}).',
  },
  problems: {
    label_other: '문제 {{count}}개',
    item: '{{line}}행 {{column}}열 ({{source}}): {{message}}',
    schemaSource: '스키마',
    more_other: '표시하지 않은 문제 {{count}}개 더',
  },
};
