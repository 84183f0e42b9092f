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
    select: '{{role}} · click to see its last hop in the inspector',
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
    route: '{{from}} → {{to}}',
  },
  // One sentence per span kind (grep `kind: '` in src/engine and src/kubectl). Arguments are the
  // span's `args`; a kind missing here, or a span missing an argument, shows the span's summary.
  narration: {
    kubectlApply: 'kubectl read {{file}}, converted {{kind}} {{name}} from YAML to JSON, and asks the API server for its current state.',
    apiGet: '{{who}} asked the API server to read {{object}}.',
    apiCreate: '{{who}} asked the API server to create {{object}}.',
    apiUpdate: '{{who}} asked the API server to replace {{object}}.',
    apiPatch: '{{who}} asked the API server to patch {{object}}.',
    apiDelete: '{{who}} asked the API server to delete {{object}}.',
    apiUpdateStatus: '{{who}} reported the status of {{object}}.',
    apiList: '{{who}} listed {{path}} to fill its cache, then keeps watching it.',
    apiError: 'The API server rejected the request: {{message}}',
    etcdWrite: 'The API server stored {{object}} in etcd at resourceVersion {{resourceVersion}}.',
    etcdDelete: 'The API server removed {{object}} from etcd (revision {{resourceVersion}}).',
    watchPodUnscheduled: 'The scheduler sees pod {{namespace}}/{{pod}}, which has no node yet.',
    watchPodBound: 'The kubelet on {{node}} sees pod {{pod}} bound to its node.',
    runtimeCreateSandbox: 'The kubelet on {{node}} asks containerd to create the sandbox for pod {{pod}}.',
    runtimePull: 'containerd on {{node}} asks the registry for image {{image}}.',
    registryServe: 'The registry sends {{image}} ({{bytes, number}} bytes) to {{node}}.',
    registryNotFound: 'The registry has no image {{image}}: the pull on {{node}} fails.',
    imagePush: 'You pushed {{image}} ({{size}}) to the registry.',
    runtimeCreate: 'containerd on {{node}} creates container {{container}} of pod {{pod}}.',
    runtimeStart: 'containerd on {{node}} starts container {{container}} of pod {{pod}}.',
    runtimeStop: 'containerd on {{node}} stops container {{container}} of pod {{pod}}.',
    runtimeStopSandbox: 'containerd on {{node}} removes the sandbox of pod {{pod}}.',
  },
} as const;
