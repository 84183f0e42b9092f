/** JSON Schemas for Ingress and IngressClass (k8s.io/api networking/v1 types.go). */
import { arrayOf, int32, open, ref, str, struct, typeMeta, type S } from './build.ts';

export const ingressDefinitions: Record<string, S> = {
  Ingress: struct('Ingress', 'HTTP routes from outside the cluster to Services, served by an ingress controller (here ingress-nginx).', {
    ...typeMeta('networking.k8s.io/v1', 'Ingress'),
    metadata: ref('ObjectMeta'),
    spec: ref('IngressSpec', 'The rules and backends of the Ingress.'),
    status: open('The load balancer the controller publishes (status.loadBalancer.ingress). Read-only.', 'v1.IngressStatus'),
  }),
  IngressSpec: struct('IngressSpec', 'What the Ingress routes: host and path rules, a default backend, TLS.', {
    ingressClassName: str('The IngressClass that serves this Ingress; set to the default class (nginx) when omitted.'),
    defaultBackend: ref('IngressBackend', 'Where requests that match no rule go. Either this or rules is required.'),
    tls: arrayOf(ref('IngressTLS'), 'TLS termination: hosts and the Secret holding their certificate.'),
    rules: arrayOf(ref('IngressRule'), 'Host rules; requests for a host no rule names go to the default backend.'),
  }),
  IngressTLS: struct('IngressTLS', 'Hosts served over TLS with one certificate.', {
    hosts: arrayOf({ type: 'string' }, 'Hosts in the certificate; must match the rules\' hosts.'),
    secretName: str('A kubernetes.io/tls Secret with the certificate and key.'),
  }),
  IngressRule: struct('IngressRule', 'Paths for one host (or for every host when host is empty).', {
    host: str('A DNS name (no IP, no port); may start with "*." to match exactly one extra label.'),
    http: ref('HTTPIngressRuleValue', 'The HTTP paths of this host.'),
  }),
  HTTPIngressRuleValue: struct('HTTPIngressRuleValue', 'HTTP paths mapped to backends.', { paths: arrayOf(ref('HTTPIngressPath'), 'At least one path.') }, ['paths']),
  HTTPIngressPath: struct(
    'HTTPIngressPath',
    'One path and where it goes. The longest matching path wins; Exact beats Prefix at equal length.',
    {
      path: str('Starts with "/". Prefix matches whole path elements: /foo matches /foo and /foo/bar, not /foobar.'),
      pathType: str('Exact, Prefix (element-wise) or ImplementationSpecific (ingress-nginx: like Prefix). Required.', {
        enum: ['Exact', 'Prefix', 'ImplementationSpecific'],
      }),
      backend: ref('IngressBackend', 'The Service (or resource) requests go to.'),
    },
    ['pathType', 'backend'],
  ),
  IngressBackend: struct('IngressBackend', 'A Service port, or another resource. Exactly one of service and resource.', {
    service: ref('IngressServiceBackend', 'A Service in the Ingress\'s namespace.'),
    resource: ref('TypedLocalObjectReference', 'An object in the Ingress\'s namespace (e.g. a storage bucket); ingress-nginx ignores it.'),
  }),
  IngressServiceBackend: struct('IngressServiceBackend', 'A Service and one of its ports.', {
    name: str('The Service name.'),
    port: ref('ServiceBackendPort', 'The Service port, by name or number.'),
  }, ['name']),
  ServiceBackendPort: struct('ServiceBackendPort', 'A Service port: name or number, not both.', {
    name: str('The Service port name.'),
    number: int32('The Service port number (the port, not the targetPort).'),
  }),
  TypedLocalObjectReference: struct('TypedLocalObjectReference', 'An object in the same namespace, by group, kind and name.', {
    apiGroup: str('The group of the referenced kind; empty for the core group.'),
    kind: str('The kind of the referenced object.'),
    name: str('The name of the referenced object.'),
  }, ['kind', 'name']),
  IngressClass: struct('IngressClass', 'A kind of ingress controller. The class annotated ingressclass.kubernetes.io/is-default-class: "true" is given to Ingresses without one.', {
    ...typeMeta('networking.k8s.io/v1', 'IngressClass'),
    metadata: ref('ObjectMeta'),
    spec: ref('IngressClassSpec', 'The controller that implements the class.'),
  }),
  IngressClassSpec: struct('IngressClassSpec', 'Which controller serves Ingresses of this class.', {
    controller: str('The controller name, a domain-prefixed path such as k8s.io/ingress-nginx. Immutable.'),
    parameters: ref('IngressClassParametersReference', 'Controller-specific configuration.'),
  }),
  IngressClassParametersReference: struct('IngressClassParametersReference', 'An object holding controller configuration.', {
    apiGroup: str('The group of the referenced kind; empty for the core group.'),
    kind: str('The kind of the referenced object.'),
    name: str('The name of the referenced object.'),
    scope: str('Cluster (default) or Namespace.', { enum: ['Cluster', 'Namespace'] }),
    namespace: str('The namespace of the referenced object; required when scope is Namespace.'),
  }, ['kind', 'name']),
};
