export default {
  title: '클러스터',
  summary_other: '노드 {{nodes}}개 · 파드 {{pods}}개',
  node: {
    label: '노드 {{name}}',
    inspect: '노드 {{name}} 살펴보기',
    role: '역할: {{roles}}',
    capacity: 'CPU {{cpu}} · {{memory}} · 파드 {{pods}}개',
    taints: '테인트',
    pods_other: '{{name}}의 파드 {{count}}개',
    noPods: '파드 없음',
  },
  pod: {
    label: '파드 {{name}}: {{status}}, 준비 {{ready}}',
    owner: '레플리카셋 {{owner}} 소유',
  },
  workloads: {
    title: '워크로드: 이 파드들의 소유자',
    deployment: '디플로이먼트 {{name}}와 레플리카셋',
    ready: '준비 {{ready}}/{{desired}}',
    revision: '리비전 {{revision}}',
    counts: '원하는 수 {{desired}} · 현재 {{current}} · 준비 {{ready}}',
    rsLabel: '레플리카셋 {{name}} ({{role}}, 리비전 {{revision}}): 원하는 수 {{desired}}, 현재 {{current}}, 준비 {{ready}}',
    role: { new: '새', old: '이전', solo: '레플리카셋' },
  },
  unscheduled: {
    title: '스케줄 대기',
    hint: '스케줄러를 기다리는 파드가 여기에 나타납니다',
    none: '없음',
  },
};
