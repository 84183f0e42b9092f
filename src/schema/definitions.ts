/**
 * JSON Schemas (draft-07) for the kinds this engine serves: plain data, no imports, shared by the
 * UI editor (monaco-yaml) and the API server's strict decoding. Descriptions are shortened from
 * the upstream API reference (k8s.io/api core/v1 types.go). `x-go-type` names the Go type, so
 * decode errors can say `Go struct field Container.spec.containers.image of type string`.
 * Status types are left open (extra fields allowed): clients never author them.
 */

type S = Record<string, unknown>;

const str = (description: string, extra: S = {}): S => ({ type: 'string', description, ...extra });
const int32 = (description: string): S => ({ type: 'integer', format: 'int32', description });
const int64 = (description: string): S => ({ type: 'integer', format: 'int64', description });
const bool = (description: string): S => ({ type: 'boolean', description });
const ref = (name: string, description?: string): S => ({ $ref: `#/definitions/${name}`, ...(description ? { description } : {}) });
const arrayOf = (items: S, description: string): S => ({ type: 'array', items, description });
const strMap = (description: string): S => ({ type: 'object', additionalProperties: { type: 'string' }, description, 'x-go-type': 'map[string]string' });
const open = (description: string, goType: string): S => ({ type: 'object', description, 'x-go-type': goType });
const quantity: S = {
  oneOf: [{ type: 'string' }, { type: 'number' }],
  description: 'A fixed-point number with an optional suffix: 500m, 1, 128Mi, 1Gi.',
  'x-go-type': 'resource.Quantity',
};
const intOrString = (description: string): S => ({ oneOf: [{ type: 'integer' }, { type: 'string' }], description, 'x-go-type': 'intstr.IntOrString' });
const quantityMap = (description: string): S => ({ type: 'object', additionalProperties: quantity, description, 'x-go-type': 'v1.ResourceList' });
const struct = (goName: string, description: string, properties: S, required: string[] = []): S => ({
  type: 'object',
  description,
  'x-go-type': `v1.${goName}`,
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
});

const typeMeta = (apiVersion: string, kind: string): S => ({
  apiVersion: str('Versioned schema of this representation of an object.', { enum: [apiVersion] }),
  kind: str('The REST resource this object represents.', { enum: [kind] }),
});

export const definitions: Record<string, S> = {
  ObjectMeta: struct('ObjectMeta', 'Standard object metadata.', {
    name: str('Name must be unique within a namespace. Cannot be updated.'),
    generateName: str('Optional prefix the server uses to generate a unique name when name is empty.'),
    namespace: str('The namespace this object lives in. Empty means "default" for namespaced kinds.'),
    labels: strMap('Map of string keys and values used to organize and select objects.'),
    annotations: strMap('Unstructured key/value map for arbitrary metadata; not queryable.'),
    uid: str('Unique in time and space; set by the server. Read-only.'),
    resourceVersion: str('Opaque version used for optimistic concurrency and watch. Read-only.'),
    generation: int64('Sequence number of the desired state. Set by the system. Read-only.'),
    creationTimestamp: { type: ['string', 'null'], description: 'When the server created this object (RFC 3339). Read-only.', 'x-go-type': 'v1.Time' },
    deletionTimestamp: { type: ['string', 'null'], description: 'When the object will be deleted (graceful deletion). Read-only.', 'x-go-type': 'v1.Time' },
    deletionGracePeriodSeconds: int64('Seconds allowed for graceful termination before removal. Read-only.'),
    ownerReferences: arrayOf(ref('OwnerReference'), 'Objects this object depends on (garbage collection).'),
    finalizers: arrayOf({ type: 'string' }, 'Must be empty before the object is deleted from the registry.'),
    managedFields: arrayOf(open('Field ownership entry.', 'v1.ManagedFieldsEntry'), 'Which manager owns which fields (server-side apply).'),
    selfLink: str('Deprecated; not set by the server.'),
  }),
  OwnerReference: struct(
    'OwnerReference',
    'Identifies an owning object.',
    {
      apiVersion: str('API version of the referent.'),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      uid: str('UID of the referent.'),
      controller: bool('If true, this reference points to the managing controller.'),
      blockOwnerDeletion: bool('If true, the owner cannot be deleted before this object is removed (foreground deletion).'),
    },
    ['apiVersion', 'kind', 'name', 'uid'],
  ),
  Pod: struct(
    'Pod',
    'A Pod is a collection of containers that run together on a host.',
    { ...typeMeta('v1', 'Pod'), metadata: ref('ObjectMeta'), spec: ref('PodSpec', 'Desired behavior of the pod.'), status: open('Most recently observed status of the pod. Read-only.', 'v1.PodStatus') },
  ),
  PodSpec: struct('PodSpec', 'Specification of the desired behavior of the pod.', {
    containers: arrayOf(ref('Container'), 'Containers belonging to the pod. At least one is required.'),
    initContainers: arrayOf(ref('Container'), 'Containers run in order, to completion, before the app containers start.'),
    ephemeralContainers: arrayOf(open('Debug container.', 'v1.EphemeralContainer'), 'Ephemeral debug containers (kubectl debug).'),
    volumes: arrayOf(ref('Volume'), 'Volumes that containers of the pod can mount.'),
    restartPolicy: str('Restart policy for all containers: Always, OnFailure, Never. Default Always.', { enum: ['Always', 'OnFailure', 'Never'] }),
    terminationGracePeriodSeconds: int64('Seconds to wait after SIGTERM before SIGKILL. Default 30.'),
    activeDeadlineSeconds: int64('Seconds the pod may be active before the system fails it.'),
    dnsPolicy: str('DNS policy: ClusterFirst (default), ClusterFirstWithHostNet, Default, None.', { enum: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] }),
    nodeSelector: strMap('The node must carry these labels for the pod to be scheduled there.'),
    serviceAccountName: str('Name of the ServiceAccount used to run this pod.'),
    serviceAccount: str('Deprecated alias for serviceAccountName.'),
    automountServiceAccountToken: bool('Whether an API token is mounted automatically.'),
    nodeName: str('The node the pod is bound to; set by the scheduler.'),
    hostNetwork: bool("Use the host's network namespace."),
    hostPID: bool("Use the host's pid namespace."),
    hostIPC: bool("Use the host's ipc namespace."),
    shareProcessNamespace: bool('Share one process namespace between all containers.'),
    securityContext: open('Pod-level security attributes.', 'v1.PodSecurityContext'),
    imagePullSecrets: arrayOf(struct('LocalObjectReference', 'Reference to a Secret.', { name: str('Name of the referent.') }), 'Secrets used to pull images.'),
    hostname: str("The pod's hostname. Defaults to the pod name."),
    subdomain: str('The pod\'s subdomain: "<hostname>.<subdomain>.<ns>.svc.<cluster-domain>".'),
    affinity: open('Scheduling constraints: node affinity, pod affinity and anti-affinity.', 'v1.Affinity'),
    schedulerName: str('The scheduler that dispatches this pod. Default default-scheduler.'),
    tolerations: arrayOf(ref('Toleration'), 'Taints this pod tolerates.'),
    hostAliases: arrayOf(open('An /etc/hosts entry.', 'v1.HostAlias'), 'Extra /etc/hosts entries.'),
    priorityClassName: str('The PriorityClass of this pod.'),
    priority: int32('Priority value, set by the Priority admission plugin.'),
    preemptionPolicy: str('PreemptLowerPriority (default) or Never.', { enum: ['PreemptLowerPriority', 'Never'] }),
    dnsConfig: open('DNS parameters merged with those from dnsPolicy.', 'v1.PodDNSConfig'),
    readinessGates: arrayOf(open('A condition type.', 'v1.PodReadinessGate'), 'Extra conditions for pod readiness.'),
    runtimeClassName: str('RuntimeClass used to run this pod.'),
    enableServiceLinks: bool('Inject service information as environment variables. Default true.'),
    overhead: quantityMap('Resource overhead of the pod sandbox.'),
    topologySpreadConstraints: arrayOf(open('A spread constraint.', 'v1.TopologySpreadConstraint'), 'How pods spread across topology domains.'),
    setHostnameAsFQDN: bool('Use the FQDN as hostname.'),
    os: open('The OS of the containers.', 'v1.PodOS'),
    schedulingGates: arrayOf(struct('PodSchedulingGate', 'A gate.', { name: str('Name of the gate.') }, ['name']), 'While non-empty, the pod stays unscheduled (SchedulingGated).'),
    hostUsers: bool("Use the host's user namespace."),
    resources: ref('ResourceRequirements', 'Pod-level resource requirements.'),
    resourceClaims: arrayOf(open('A resource claim.', 'v1.PodResourceClaim'), 'Dynamic resource claims.'),
  }),
  Container: struct(
    'Container',
    'A single application container that runs within a pod.',
    {
      name: str('Name of the container, a DNS-1123 label unique within the pod.'),
      image: str('Container image name, e.g. nginx:1.27.'),
      command: arrayOf({ type: 'string' }, "Entrypoint array; replaces the image's ENTRYPOINT."),
      args: arrayOf({ type: 'string' }, "Arguments to the entrypoint; replace the image's CMD."),
      workingDir: str("Container's working directory."),
      ports: arrayOf(ref('ContainerPort'), 'Ports to expose from the container (informational).'),
      envFrom: arrayOf(open('A ConfigMap or Secret source.', 'v1.EnvFromSource'), 'Populate environment variables from ConfigMaps or Secrets.'),
      env: arrayOf(ref('EnvVar'), 'Environment variables to set in the container.'),
      resources: ref('ResourceRequirements', 'Compute resources required by this container.'),
      resizePolicy: arrayOf(open('A resize policy.', 'v1.ContainerResizePolicy'), 'In-place resize policy.'),
      restartPolicy: str('Only Always, for sidecar init containers.', { enum: ['Always'] }),
      volumeMounts: arrayOf(ref('VolumeMount'), "Pod volumes to mount into the container's filesystem."),
      volumeDevices: arrayOf(open('A block device.', 'v1.VolumeDevice'), 'Block devices used by the container.'),
      livenessProbe: ref('Probe', 'The container is restarted if this probe fails.'),
      readinessProbe: ref('Probe', 'The container is removed from service endpoints if this probe fails.'),
      startupProbe: ref('Probe', 'Other probes wait until this one succeeds.'),
      lifecycle: open('postStart and preStop handlers.', 'v1.Lifecycle'),
      terminationMessagePath: str('File the termination message is read from. Default /dev/termination-log.'),
      terminationMessagePolicy: str('File (default) or FallbackToLogsOnError.', { enum: ['File', 'FallbackToLogsOnError'] }),
      imagePullPolicy: str('Always, Never or IfNotPresent. Default Always for :latest or no tag, else IfNotPresent.', { enum: ['Always', 'Never', 'IfNotPresent'] }),
      securityContext: open('Container security options.', 'v1.SecurityContext'),
      stdin: bool('Allocate a buffer for stdin.'),
      stdinOnce: bool('Close stdin after the first attach.'),
      tty: bool('Allocate a TTY.'),
    },
    ['name'],
  ),
  ContainerPort: struct(
    'ContainerPort',
    'A network port in a single container.',
    {
      name: str('IANA_SVC_NAME: at most 15 lowercase letters, digits and hyphens, with a letter.'),
      hostPort: int32('Port number to expose on the host.'),
      containerPort: int32("Port number on the pod's IP address, 1-65535."),
      protocol: str('UDP, TCP (default) or SCTP.', { enum: ['UDP', 'TCP', 'SCTP'] }),
      hostIP: str('Host IP to bind the external port to.'),
    },
    ['containerPort'],
  ),
  EnvVar: struct(
    'EnvVar',
    'An environment variable present in a container.',
    {
      name: str('Name of the environment variable.'),
      value: str('Value; $(VAR_NAME) references are expanded. Must be a string: quote numbers and booleans.'),
      valueFrom: open('Source for the value: configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef.', 'v1.EnvVarSource'),
    },
    ['name'],
  ),
  ResourceRequirements: struct('ResourceRequirements', 'Compute resource requirements.', {
    limits: quantityMap('Maximum amount of compute resources allowed.'),
    requests: quantityMap('Minimum amount of compute resources required; defaults to limits when omitted.'),
    claims: arrayOf(open('A resource claim.', 'v1.ResourceClaim'), 'Dynamic resource claims used by this container.'),
  }),
  VolumeMount: struct(
    'VolumeMount',
    'Mounting of a volume within a container.',
    {
      name: str('Must match the name of a pod volume.'),
      mountPath: str('Path within the container to mount the volume at.'),
      readOnly: bool('Mount read-only. Default false.'),
      subPath: str('Path within the volume to mount instead of its root.'),
      subPathExpr: str('Expanded path within the volume.'),
      mountPropagation: str('How mounts propagate: None, HostToContainer, Bidirectional.'),
      recursiveReadOnly: str('Disabled, IfPossible or Enabled.'),
    },
    ['name', 'mountPath'],
  ),
  Probe: struct('Probe', 'A health check performed against a container.', {
    exec: open('Run a command in the container.', 'v1.ExecAction'),
    httpGet: struct('HTTPGetAction', 'An HTTP GET request.', {
      path: str('Path to access. Default /.'),
      port: intOrString('Port number or name.'),
      host: str('Host name; defaults to the pod IP.'),
      scheme: str('HTTP (default) or HTTPS.', { enum: ['HTTP', 'HTTPS'] }),
      httpHeaders: arrayOf(open('A header.', 'v1.HTTPHeader'), 'Custom headers.'),
    }),
    tcpSocket: struct('TCPSocketAction', 'A TCP connection.', { port: intOrString('Port number or name.'), host: str('Host name; defaults to the pod IP.') }),
    grpc: open('A gRPC health check.', 'v1.GRPCAction'),
    initialDelaySeconds: int32('Seconds after start before probes begin.'),
    timeoutSeconds: int32('Seconds after which the probe times out. Default 1.'),
    periodSeconds: int32('How often to probe, in seconds. Default 10.'),
    successThreshold: int32('Consecutive successes to count as success. Default 1.'),
    failureThreshold: int32('Consecutive failures to count as failure. Default 3.'),
    terminationGracePeriodSeconds: int64('Grace period when this probe fails.'),
  }),
  Toleration: struct('Toleration', 'Lets the pod schedule onto (or stay on) nodes with a matching taint.', {
    key: str('Taint key; empty with operator Exists matches all taints.'),
    operator: str('Exists or Equal (default).', { enum: ['Exists', 'Equal'] }),
    value: str('Taint value to match (empty with Exists).'),
    effect: str('NoSchedule, PreferNoSchedule or NoExecute; empty matches all.', { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute', ''] }),
    tolerationSeconds: int64('For NoExecute: how long the pod stays bound after the taint appears.'),
  }),
  Volume: {
    type: 'object',
    description: 'A named volume in a pod: exactly one source (emptyDir, configMap, secret, ...).',
    'x-go-type': 'v1.Volume',
    properties: {
      name: str('DNS-1123 label, unique within the pod.'),
      emptyDir: open('A temporary directory that shares the pod lifetime.', 'v1.EmptyDirVolumeSource'),
      configMap: open('A ConfigMap to populate the volume.', 'v1.ConfigMapVolumeSource'),
      secret: open('A Secret to populate the volume.', 'v1.SecretVolumeSource'),
      hostPath: open('A file or directory on the host.', 'v1.HostPathVolumeSource'),
      persistentVolumeClaim: open('A PersistentVolumeClaim in the same namespace.', 'v1.PersistentVolumeClaimVolumeSource'),
      projected: open('Several sources projected into one directory.', 'v1.ProjectedVolumeSource'),
      downwardAPI: open('Pod information exposed as files.', 'v1.DownwardAPIVolumeSource'),
      nfs: open('An NFS mount.', 'v1.NFSVolumeSource'),
      csi: open('A CSI driver volume.', 'v1.CSIVolumeSource'),
      ephemeral: open('A generic ephemeral volume.', 'v1.EphemeralVolumeSource'),
      image: open('An OCI image as a volume.', 'v1.ImageVolumeSource'),
    },
    required: ['name'],
    additionalProperties: false,
  },
  Namespace: struct('Namespace', 'A scope for names.', {
    ...typeMeta('v1', 'Namespace'),
    metadata: ref('ObjectMeta'),
    spec: struct('NamespaceSpec', 'Attributes of the namespace.', { finalizers: arrayOf({ type: 'string' }, 'Must be empty before the namespace is removed.') }),
    status: open('Status of the namespace (phase Active or Terminating). Read-only.', 'v1.NamespaceStatus'),
  }),
  Node: struct('Node', 'A worker machine in Kubernetes.', {
    ...typeMeta('v1', 'Node'),
    metadata: ref('ObjectMeta'),
    spec: struct('NodeSpec', 'Attributes of the node.', {
      podCIDR: str('IP range assigned to the node for pods.'),
      podCIDRs: arrayOf({ type: 'string' }, 'IP ranges assigned to the node.'),
      providerID: str('Cloud provider id of the node.'),
      unschedulable: bool('Controls whether new pods may be scheduled here (kubectl cordon).'),
      taints: arrayOf(ref('Taint'), 'Taints repel pods that do not tolerate them.'),
      configSource: open('Deprecated.', 'v1.NodeConfigSource'),
      externalID: str('Deprecated.'),
    }),
    status: open('Most recently observed status of the node. Read-only.', 'v1.NodeStatus'),
  }),
  Taint: struct(
    'Taint',
    'A taint repels pods that do not tolerate it.',
    {
      key: str('Taint key.'),
      value: str('Taint value.'),
      effect: str('NoSchedule, PreferNoSchedule or NoExecute.', { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] }),
      timeAdded: { type: ['string', 'null'], description: 'When a NoExecute taint was added.', 'x-go-type': 'v1.Time' },
    },
    ['key', 'effect'],
  ),
  // apps/v1 (k8s.io/api apps/v1/types.go) and meta/v1 LabelSelector.
  LabelSelector: struct('LabelSelector', 'A label query over a set of resources. An empty selector matches all objects.', {
    matchLabels: strMap('Label key/value pairs; each is a requirement `key In (value)`.'),
    matchExpressions: arrayOf(ref('LabelSelectorRequirement'), 'Label selector requirements; all must hold.'),
  }),
  LabelSelectorRequirement: struct(
    'LabelSelectorRequirement',
    'A selector requirement: a key, an operator and values.',
    {
      key: str('The label key the selector applies to.'),
      operator: str('In, NotIn, Exists or DoesNotExist.', { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }),
      values: arrayOf({ type: 'string' }, 'Values; non-empty for In/NotIn, empty for Exists/DoesNotExist.'),
    },
    ['key', 'operator'],
  ),
  PodTemplateSpec: struct('PodTemplateSpec', 'The pods a controller creates: their metadata and spec.', {
    metadata: ref('ObjectMeta', 'Metadata of the pods; labels must match the selector.'),
    spec: ref('PodSpec', 'Specification of the pods.'),
  }),
  Deployment: struct('Deployment', 'Declarative updates for Pods and ReplicaSets.', {
    ...typeMeta('apps/v1', 'Deployment'),
    metadata: ref('ObjectMeta'),
    spec: ref('DeploymentSpec', 'Desired behavior of the Deployment.'),
    status: open('Most recently observed status of the Deployment. Read-only.', 'v1.DeploymentStatus'),
  }),
  DeploymentSpec: struct('DeploymentSpec', 'The desired behavior of a Deployment.', {
    replicas: int32('Number of desired pods. Default 1.'),
    selector: ref('LabelSelector', 'Label selector for pods; must match the template labels. Immutable.'),
    template: ref('PodTemplateSpec', 'The pods to create. restartPolicy must be Always.'),
    strategy: ref('DeploymentStrategy', 'How to replace existing pods with new ones.'),
    minReadySeconds: int32('Seconds a new pod must be ready, without crashing, to count as available. Default 0.'),
    revisionHistoryLimit: int32('Old ReplicaSets to keep for rollback. Default 10.'),
    paused: bool('Paused: template changes do not start a rollout.'),
    progressDeadlineSeconds: int32('Seconds to make progress before the rollout is reported failed (ProgressDeadlineExceeded). Default 600.'),
  }),
  DeploymentStrategy: struct('DeploymentStrategy', 'How to replace existing pods with new ones.', {
    type: str('RollingUpdate (default) or Recreate.', { enum: ['Recreate', 'RollingUpdate'] }),
    rollingUpdate: struct('RollingUpdateDeployment', 'Rolling update parameters.', {
      maxUnavailable: intOrString('Pods that may be unavailable during the update: a number or a percentage (rounded down). Default 25%.'),
      maxSurge: intOrString('Pods that may be created above the desired count: a number or a percentage (rounded up). Default 25%.'),
    }),
  }),
  ConfigMap: struct('ConfigMap', 'Configuration data for pods to consume, at most 1 MiB in total.', {
    ...typeMeta('v1', 'ConfigMap'),
    metadata: ref('ObjectMeta'),
    data: strMap('UTF-8 values; keys may contain alphanumerics, -, _ and . only. A key may not also be in binaryData.'),
    binaryData: { type: 'object', additionalProperties: { type: 'string', format: 'byte' }, description: 'Binary values, base64-encoded.', 'x-go-type': 'map[string][]byte' },
    immutable: bool('If true, data and binaryData cannot be changed (delete and recreate instead), and immutable cannot be unset.'),
  }),
  Secret: struct('Secret', 'Sensitive data for pods to consume, at most 1 MiB in total.', {
    ...typeMeta('v1', 'Secret'),
    metadata: ref('ObjectMeta'),
    data: { type: 'object', additionalProperties: { type: 'string', format: 'byte' }, description: 'Values, base64-encoded.', 'x-go-type': 'map[string][]byte' },
    stringData: strMap('Write-only plain values, merged into data on write (overwriting), never returned.'),
    type: str('Opaque (default), kubernetes.io/tls, kubernetes.io/dockerconfigjson, kubernetes.io/basic-auth, kubernetes.io/ssh-auth, kubernetes.io/service-account-token … Immutable.'),
    immutable: bool('If true, data cannot be changed (delete and recreate instead), and immutable cannot be unset.'),
  }),
  ReplicaSet: struct('ReplicaSet', 'Keeps a number of pod replicas running.', {
    ...typeMeta('apps/v1', 'ReplicaSet'),
    metadata: ref('ObjectMeta'),
    spec: ref('ReplicaSetSpec', 'Desired behavior of the ReplicaSet.'),
    status: open('Most recently observed status of the ReplicaSet. Read-only.', 'v1.ReplicaSetStatus'),
  }),
  ReplicaSetSpec: struct('ReplicaSetSpec', 'The desired behavior of a ReplicaSet.', {
    replicas: int32('Number of desired pods. Default 1.'),
    minReadySeconds: int32('Seconds a new pod must be ready to count as available. Default 0.'),
    selector: ref('LabelSelector', 'Label selector for pods; must match the template labels. Immutable.'),
    template: ref('PodTemplateSpec', 'The pods to create when too few exist.'),
  }),
};

/** A self-contained schema for one kind (its definition plus every shared definition). */
export function schemaFor(kind: string): S {
  return { $schema: 'http://json-schema.org/draft-07/schema#', $ref: `#/definitions/${kind}`, definitions };
}

export const podSchema = schemaFor('Pod');
export const namespaceSchema = schemaFor('Namespace');
export const nodeSchema = schemaFor('Node');
export const deploymentSchema = schemaFor('Deployment');
export const replicaSetSchema = schemaFor('ReplicaSet');
