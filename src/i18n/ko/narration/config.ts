/** Narration templates (`narration.<kind>`) for the config spans; merged into pipeline.ts's `narration`. */
export default {
  kubeletFetchConfig: '{{node}}의 kubelet이 컨테이너 {{container}}의 환경 변수를 만들려고 {{kind}} {{name}}을(를) 읽습니다.',
  kubeletFetchVolume: '{{node}}의 kubelet이 파드 {{pod}}의 볼륨 {{volume}}을(를) 채우려고 {{kind}} {{name}}을(를) 읽습니다.',
  kubeletSyncConfig: '{{node}}의 kubelet이 주기적 동기화에서 {{kind}} {{name}}을(를) 다시 읽고 파드 {{pod}}의 볼륨 {{volume}} 파일을 새로 씁니다 (환경 변수는 그대로입니다).',
} as Record<string, string>;
