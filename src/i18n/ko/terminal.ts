export default {
  output: '터미널 출력',
  input: '터미널 명령',
  placeholder: 'kubectl get pods',
  hint: 'kubectl 명령(kubectl get pods -o wide, kubectl describe node worker-1)이나 sim 동작(sim node fail worker-2)을 입력하세요. ↑/↓로 기록, clear로 지우기.',
  running: '실행 중… (Ctrl+C 또는 중지로 중단)',
  stop: '중지',
  stopHint: '실행 중인 명령을 중단합니다(Ctrl+C). 클러스터는 계속 동작합니다.',
  waitingPaused: '가상 시간을 기다리는 중: 재생을 눌러 시간이 흐르게 하세요',
  request: {
    label: 'REST 요청:',
    code: 'HTTP 상태 {{code}}',
    more_other: '→ … 외 요청 {{count}}개',
  },
};
