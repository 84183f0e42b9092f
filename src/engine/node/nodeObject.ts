/**
 * The Node object a kubelet registers. Mirrors pkg/kubelet/kubelet_node_status.go
 * (initialNode) and pkg/kubelet/nodestatus/setters.go (conditions, addresses, nodeInfo, images).
 */
import type { ImageInfo } from '../registry/registry.ts';
import type { MachineSpec } from './machine.ts';

export const KUBELET_VERSION = 'v1.34.0';
export const CONTAINER_RUNTIME_VERSION = 'containerd://2.1.4';
export const OS_IMAGE = 'Debian GNU/Linux 12 (bookworm)';
export const KERNEL_VERSION = '6.8.0-51-generic';
/** Node root filesystem: 100 GiB; allocatable leaves the 10% nodefs.available eviction threshold. */
const EPHEMERAL_CAPACITY = 100 * 1024 ** 3;
/** nodeStatusMaxImages */
const MAX_IMAGES = 50;

function condition(type: string, status: string, reason: string, message: string, now: string) {
  return { type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message };
}

/** `status.images`: largest first, at most 50, each with `repo@digest` and `repo:tag`. */
export function nodeImages(images: Iterable<ImageInfo>): { names: string[]; sizeBytes: number }[] {
  const list = [...images].sort((a, b) => b.sizeBytes - a.sizeBytes || (a.name < b.name ? -1 : 1)).slice(0, MAX_IMAGES);
  return list.map((i) => {
    const repo = i.name.replace(/[:@][^/]*$/, '');
    return { names: [`${repo}@${i.digest}`, i.name], sizeBytes: i.sizeBytes };
  });
}

/** A stable fake machine id from the node name (the simulation has no /etc/machine-id). */
function machineID(name: string): string {
  let h = 2166136261;
  let out = '';
  for (let lane = 0; lane < 4; lane++) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ (lane + 0x9e), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

export function buildNode(m: MachineSpec, now: string, images: Iterable<ImageInfo>) {
  const resources = {
    cpu: m.cpu,
    'ephemeral-storage': `${EPHEMERAL_CAPACITY / 1024}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: m.memory,
    pods: String(m.pods),
  };
  const id = machineID(m.name);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: m.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': m.name,
        'kubernetes.io/os': 'linux',
        ...m.labels,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: m.podCIDR,
      podCIDRs: [m.podCIDR],
      ...(m.taints.length ? { taints: m.taints.map((t) => ({ ...t })) } : {}),
    },
    status: {
      capacity: resources,
      allocatable: { ...resources, 'ephemeral-storage': String(Math.floor(EPHEMERAL_CAPACITY * 0.9)) },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', now),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', now),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', now),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', now),
      ],
      addresses: [
        { type: 'InternalIP', address: m.internalIP },
        { type: 'Hostname', address: m.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: id,
        systemUUID: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
        bootID: machineID(m.name + '/boot').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        kernelVersion: KERNEL_VERSION,
        osImage: OS_IMAGE,
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: nodeImages(images),
    },
  };
}
