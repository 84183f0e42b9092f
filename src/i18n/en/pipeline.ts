/**
 * English strings of the pipeline diagram (namespace `pipeline`). Kubernetes component names
 * stay verbatim. `narration.<kind>` renders a span's `args`; a kind without a template falls
 * back to the span's English `summary`.
 */
export default {
  panel: 'Deploy pipeline',
  aria: {
    diagram: 'Diagram of the deploy pipeline: your manifest travels through kubectl, the API server, the controllers, the scheduler and the kubelet to a running container',
  },
  stage: {
    select: '{{stage}}: show its last hop',
    onNode: 'on {{node}}',
    manifest: { label: 'manifest.yaml', role: 'you declare the desired state' },
    registry: { label: 'registry', role: 'container images' },
    kubectl: { label: 'kubectl', role: 'YAML → JSON, REST calls' },
    apiserver: { label: 'kube-apiserver', role: 'validates, admits, stores' },
    etcd: { label: 'etcd', role: 'the cluster state' },
    'controller-manager': { label: 'controller-manager', role: 'Deployment → ReplicaSet → Pods' },
    scheduler: { label: 'kube-scheduler', role: 'picks a node with room' },
    kubelet: { label: 'kubelet', role: 'one per node, runs its pods' },
    runtime: { label: 'containerd', role: 'container runtime (CRI)' },
    service: { label: 'Service', role: 'stable IP → ready pods' },
    ingress: { label: 'Ingress', role: 'HTTP routes from outside' },
    client: { label: 'client', role: 'users, browsers, curl' },
  },
  edge: {
    apply: 'apply',
    push: 'push',
    rest: 'REST',
    persist: 'persist',
    watch: 'watch',
    cri: 'CRI',
    pull: 'pull',
    endpoints: 'endpoints',
    route: 'route',
    expose: 'expose',
  },
  kubelet: {
    none: 'no nodes yet',
    nodes_one: '{{count}} node',
    nodes_other: '{{count}} nodes',
    notReady: 'NotReady',
    more_one: '+{{count}} more node',
    more_other: '+{{count}} more nodes',
  },
  narrationUi: {
    idle: 'Write a manifest and press Apply: each hop it makes through the cluster appears here, one step at a time.',
    selectHint: 'Show this hop in the inspector',
    hop: '{{from}} → {{to}} · {{verb}}',
  },
  narration: {
    kubectlApply: 'kubectl converted your YAML to JSON and sent {{verb}}',
    watchPodUnscheduled: 'The scheduler sees pod {{namespace}}/{{pod}}, which has no node yet.',
  },
} as const;
