/** English strings of the manifest editor (namespace `editor`). */
export default {
  panel: 'Manifest editor',
  apply: 'Apply',
  applyHint: 'Send the manifest to the cluster with kubectl apply (Ctrl+Enter)',
  applyFailed: 'Apply failed',
  output: 'kubectl apply output',
  aria: {
    editor: 'Manifest YAML',
  },
  examples: {
    button: 'Examples',
    nginx: { title: 'nginx Pod', hint: 'One Pod, scheduled, pulled, started and Running' },
    deployment: { title: 'nginx Deployment (3 replicas)', hint: 'Deployment → ReplicaSet → Pods; delete a pod, scale, or change the image for a rolling update' },
    crashLoop: { title: 'Deployment that crashes', hint: 'The container exits 1: restarts with back-off, CrashLoopBackOff' },
    cannotFit: { title: 'Pod that cannot fit', hint: 'Requests 3 CPU: no node has room, it stays Pending' },
    missingImage: { title: 'Image that does not exist', hint: 'The pull fails: ErrImagePull, then ImagePullBackOff' },
    busyboxExits: { title: 'busybox that exits', hint: 'The command finishes and the Pod is Completed' },
    namespacePod: { title: 'Namespace + Pod', hint: 'Two documents in one file, applied in order' },
    typo: { title: 'Pod with a typo', hint: 'An unknown field: see how kubectl and the schema point at it' },
  },
  drop: {
    hint: 'Drop the file to load it into the editor (it is not applied)',
    loaded: 'Loaded {{name}} into the editor. Press Apply to send it to the cluster.',
    extra_one: 'Only the first file was used; {{count}} more file was dropped.',
    extra_other: 'Only the first file was used; {{count}} more files were dropped.',
    notText: 'Cannot load {{name}}: it is not a text file.',
    tooBig: 'Cannot load {{name}}: it is {{size}} MiB; the editor takes files up to {{limit}} MiB.',
    unreadable: 'Cannot load {{name}}: the browser could not read it ({{reason}}).',
  },
  problems: {
    label_one: '{{count}} problem',
    label_other: '{{count}} problems',
    item: 'Line {{line}}, column {{column}} ({{source}}): {{message}}',
    schemaSource: 'schema',
    more_one: '{{count}} more problem not shown',
    more_other: '{{count}} more problems not shown',
  },
} as const;
