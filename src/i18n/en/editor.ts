/** English strings of the manifest editor (namespace `editor`). */
export default {
  panel: 'Manifest editor',
  apply: 'Apply',
  applyHint: 'Send the manifest to the cluster with kubectl apply (Ctrl+Enter)',
  applyFailed: 'Apply failed',
  aria: {
    editor: 'Manifest YAML',
  },
  examples: {
    button: 'Examples',
    nginx: { title: 'nginx Pod', hint: 'One Pod, scheduled, pulled, started and Running' },
    cannotFit: { title: 'Pod that cannot fit', hint: 'Requests 3 CPU: no node has room, it stays Pending' },
    missingImage: { title: 'Image that does not exist', hint: 'The pull fails: ErrImagePull, then ImagePullBackOff' },
    busyboxExits: { title: 'busybox that exits', hint: 'The command finishes and the Pod is Completed' },
    namespacePod: { title: 'Namespace + Pod', hint: 'Two documents in one file, applied in order' },
    typo: { title: 'Pod with a typo', hint: 'An unknown field: see how kubectl and the schema point at it' },
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
