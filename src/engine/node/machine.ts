/** A simulated machine: what a node is before its kubelet registers it. */
export interface MachineSpec {
  name: string;
  /** Allocatable CPU (`2`, `1500m`). Capacity equals allocatable (no reservations, see FIDELITY). */
  cpu: string;
  /** Allocatable memory (`4Gi`). */
  memory: string;
  /** maxPods (110 by default upstream). */
  pods: number;
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect: string }[];
  internalIP: string;
  /** The node's pod range, `10.244.1.0/24`; pod IPs come from it. */
  podCIDR: string;
}
