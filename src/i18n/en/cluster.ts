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
  },
  unscheduled: {
    title: 'Unscheduled',
    hint: 'pods waiting for the scheduler appear here',
    none: 'none',
  },
};
