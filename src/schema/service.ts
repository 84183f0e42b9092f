/** JSON Schemas for Service, Endpoints and EndpointSlice (k8s.io/api core/v1, discovery/v1 types.go). */
import { arrayOf, bool, int32, intOrString, open, ref, str, strMap, struct, typeMeta, type S } from './build.ts';

const strings = (description: string): S => arrayOf({ type: 'string' }, description);

const objectReference = struct('ObjectReference', 'A reference to an object (here: the pod behind an endpoint).', {
  kind: str('Kind of the referent.'),
  namespace: str('Namespace of the referent.'),
  name: str('Name of the referent.'),
  uid: str('UID of the referent.'),
  apiVersion: str('API version of the referent.'),
  resourceVersion: str('Specific resourceVersion of the referent.'),
  fieldPath: str('A field of the referent, e.g. a container.'),
});

export const serviceDefinitions: Record<string, S> = {
  Service: struct('Service', 'A named set of pods (selected by labels) reachable at one stable virtual IP and DNS name.', {
    ...typeMeta('v1', 'Service'),
    metadata: ref('ObjectMeta'),
    spec: ref('ServiceSpec', 'Behavior of the service.'),
    status: open('Most recently observed status of the service (the load balancer). Read-only.', 'v1.ServiceStatus'),
  }),
  ServiceSpec: struct('ServiceSpec', 'Attributes of a service.', {
    ports: arrayOf(ref('ServicePort'), 'The ports this service exposes. Names are required when there is more than one.'),
    selector: strMap('Pods with these labels receive the traffic. Without a selector, endpoints are managed by hand.'),
    clusterIP: str('The virtual IP; allocated when empty, "None" for a headless service. Immutable.'),
    clusterIPs: strings('The virtual IPs (one per IP family); the first equals clusterIP. Immutable.'),
    type: str('ClusterIP (default), NodePort, LoadBalancer or ExternalName.', { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] }),
    externalIPs: strings('Extra IPs the nodes accept traffic for.'),
    sessionAffinity: str('None (default) or ClientIP (sticky per client IP).', { enum: ['None', 'ClientIP'] }),
    loadBalancerIP: str('Deprecated: a requested load-balancer IP.'),
    loadBalancerSourceRanges: strings('Client CIDRs allowed through the load balancer.'),
    externalName: str('The DNS name an ExternalName service aliases (CNAME).'),
    externalTrafficPolicy: str('Cluster (default) or Local: whether external traffic may go to pods on other nodes.', { enum: ['Cluster', 'Local'] }),
    healthCheckNodePort: int32('Health-check node port for LoadBalancer services with externalTrafficPolicy Local.'),
    publishNotReadyAddresses: bool('Publish endpoints for pods that are not ready.'),
    sessionAffinityConfig: struct('SessionAffinityConfig', 'Session affinity settings.', {
      clientIP: struct('ClientIPConfig', 'ClientIP affinity settings.', { timeoutSeconds: int32('Sticky time in seconds (1–86400, default 10800).') }),
    }),
    ipFamilies: arrayOf({ type: 'string', enum: ['IPv4', 'IPv6'] }, 'IP families of the cluster IPs, set by the server.'),
    ipFamilyPolicy: str('SingleStack, PreferDualStack or RequireDualStack.', { enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] }),
    allocateLoadBalancerNodePorts: bool('Whether a LoadBalancer service gets node ports (default true).'),
    loadBalancerClass: str('The load-balancer implementation; immutable once set.'),
    internalTrafficPolicy: str('Cluster (default) or Local: whether in-cluster traffic may go to pods on other nodes.', { enum: ['Cluster', 'Local'] }),
    trafficDistribution: str('A routing preference, e.g. PreferClose.'),
  }),
  ServicePort: struct(
    'ServicePort',
    'One port a service exposes.',
    {
      name: str('Name of the port (a DNS label); required when there are several ports.'),
      protocol: str('TCP (default), UDP or SCTP.', { enum: ['TCP', 'UDP', 'SCTP'] }),
      appProtocol: str('Application protocol, e.g. http.'),
      port: int32('The port the service listens on.'),
      targetPort: intOrString('The pod port: a number or a named container port. Defaults to port.'),
      nodePort: int32('The port on every node (NodePort and LoadBalancer types); allocated from 30000-32767 when empty.'),
    },
    ['port'],
  ),
  Endpoints: struct('Endpoints', 'The addresses behind a service (legacy; EndpointSlice replaces it).', {
    ...typeMeta('v1', 'Endpoints'),
    metadata: ref('ObjectMeta'),
    subsets: arrayOf(ref('EndpointSubset'), 'Sets of addresses and the ports they all serve.'),
  }),
  EndpointSubset: struct('EndpointSubset', 'Addresses that share the same ports.', {
    addresses: arrayOf(ref('EndpointAddress'), 'Ready addresses.'),
    notReadyAddresses: arrayOf(ref('EndpointAddress'), 'Addresses that are not ready yet.'),
    ports: arrayOf(
      struct('EndpointPort', 'A port served by the addresses.', {
        name: str('Name of the port (matches the service port name).'),
        port: int32('Port number.'),
        protocol: str('TCP (default), UDP or SCTP.', { enum: ['TCP', 'UDP', 'SCTP'] }),
        appProtocol: str('Application protocol.'),
      }),
      'Ports served by the addresses.',
    ),
  }),
  EndpointAddress: struct(
    'EndpointAddress',
    'One endpoint address.',
    { ip: str('The IP (a pod IP).'), hostname: str('Hostname of the endpoint.'), nodeName: str('Node hosting the endpoint.'), targetRef: objectReference },
    ['ip'],
  ),
  EndpointSlice: struct(
    'EndpointSlice',
    'A slice of the endpoints behind a service (discovery.k8s.io/v1).',
    {
      ...typeMeta('discovery.k8s.io/v1', 'EndpointSlice'),
      metadata: ref('ObjectMeta'),
      addressType: str('IPv4, IPv6 or FQDN.', { enum: ['IPv4', 'IPv6', 'FQDN'] }),
      endpoints: arrayOf(ref('Endpoint'), 'The endpoints in this slice (at most 1000).'),
      ports: arrayOf(
        struct('EndpointPort', 'A port every endpoint of the slice serves.', {
          name: str('Name of the port (matches the service port name).'),
          protocol: str('TCP (default), UDP or SCTP.', { enum: ['TCP', 'UDP', 'SCTP'] }),
          port: { type: ['integer', 'null'], format: 'int32', description: 'Port number; unset means all ports.' },
          appProtocol: str('Application protocol.'),
        }),
        'Ports served by every endpoint.',
      ),
    },
    ['addressType', 'endpoints'],
  ),
  Endpoint: struct(
    'Endpoint',
    'One endpoint of an EndpointSlice (usually a pod).',
    {
      addresses: strings('Addresses of the endpoint (one for IP address types).'),
      conditions: struct('EndpointConditions', 'Current state of the endpoint.', {
        ready: bool('Ready to receive traffic (serving and not terminating).'),
        serving: bool('Serving (pod Ready), even while terminating.'),
        terminating: bool('The pod is terminating.'),
      }),
      hostname: str('Hostname of the endpoint.'),
      targetRef: objectReference,
      deprecatedTopology: strMap('Deprecated topology labels.'),
      nodeName: str('Node hosting the endpoint.'),
      zone: str('Zone of the endpoint.'),
      hints: open('Topology-aware routing hints.', 'v1.EndpointHints'),
    },
    ['addresses'],
  ),
};
