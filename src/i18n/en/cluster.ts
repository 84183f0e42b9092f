export default {
  title: 'Cluster',
  summary_one: '{{nodes}} nodes · {{pods}} pod',
  summary_other: '{{nodes}} nodes · {{pods}} pods',
  node: {
    label: 'Node {{name}}',
    inspect: 'Inspect node {{name}}',
    role: 'role: {{roles}}',
    capacity: '{{cpu}} CPU · {{memory}} · {{pods}} pods',
    taints: 'Taints',
    pods_one: '{{count}} pod on {{name}}',
    pods_other: '{{count}} pods on {{name}}',
    noPods: 'no pods',
  },
  pod: {
    label: 'Pod {{name}}: {{status}}, {{ready}} ready',
    owner: 'owned by ReplicaSet {{owner}}',
  },
  workloads: {
    title: 'Workloads: who owns these pods',
    deployment: 'Deployment {{name}} and its ReplicaSets',
    ready: '{{ready}}/{{desired}} ready',
    revision: 'rev {{revision}}',
    counts: 'desired {{desired}} · current {{current}} · ready {{ready}}',
    rsLabel: 'ReplicaSet {{name}} ({{role}}, revision {{revision}}): desired {{desired}}, current {{current}}, ready {{ready}}',
    role: { new: 'new', old: 'old', solo: 'ReplicaSet' },
  },
  unscheduled: {
    title: 'Unscheduled',
    hint: 'pods waiting for the scheduler appear here',
    none: 'none',
  },
};
