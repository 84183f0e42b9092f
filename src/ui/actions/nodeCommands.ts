/**
 * The command lines behind the node buttons: what a person would type to cordon, drain, fail,
 * recover or add a node. Names are checked (no quoting is ever needed).
 */

const NODE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
function node(name: string): string {
  if (!NODE.test(name)) throw new Error(`not a node name: ${JSON.stringify(name)}`);
  return name;
}

/** `kubectl cordon NODE` */
export const cordonLine = (name: string) => `kubectl cordon ${node(name)}`;
/** `kubectl uncordon NODE` */
export const uncordonLine = (name: string) => `kubectl uncordon ${node(name)}`;
/**
 * `kubectl drain NODE --ignore-daemonsets --delete-emptydir-data`: the flags everyone ends up
 * typing, since drain refuses DaemonSet pods and emptyDir volumes without them.
 */
export const drainLine = (name: string) => `kubectl drain ${node(name)} --ignore-daemonsets --delete-emptydir-data`;
/** `sim node fail NODE`: the machine stops (its kubelet's heartbeats stop). */
export const failNodeLine = (name: string) => `sim node fail ${node(name)}`;
/** `sim node recover NODE` */
export const recoverNodeLine = (name: string) => `sim node recover ${node(name)}`;
