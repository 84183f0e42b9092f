export default {
  title: 'Desired State',
  tagline: '쿠버네티스가 YAML을 실행 중인 컨테이너로 바꾸는 과정',
  skip: '파이프라인으로 건너뛰기',
  seed: '시드 {{seed}}',
  seedHint: '같은 시드와 같은 입력이면 같은 실행이 됩니다.',
  clock: {
    label: '가상 시간 {{time}}',
    hint: '클러스터가 시작된 뒤 흐른 가상 시간',
  },
  playback: {
    group: '재생',
    play: '재생',
    pause: '일시정지',
    step: '한 단계',
    stepHint: '다음 홉을 보여 주고 멈춥니다',
    speed: '속도',
    speedValue: '{{speed}}×',
    busy: '바쁨: 빨리 감기',
    busyHint: '많은 일이 한꺼번에 일어나 모든 홉을 함께 보여 주고, 시간은 선택한 속도로 흐릅니다.',
  },
  language: '언어',
  tabs: {
    label: '이벤트와 터미널',
    events: '이벤트',
    terminal: 'kubectl 터미널',
    warnings_other: '경고 {{count}}개',
  },
  worker: {
    crashed: '시뮬레이션이 예기치 않게 멈췄습니다. 마지막 스냅샷에서 다시 시작합니다',
    recovered: '시뮬레이션이 예기치 않게 멈춰 마지막 스냅샷에서 다시 시작했습니다',
    dismiss: '닫기',
  },
};
