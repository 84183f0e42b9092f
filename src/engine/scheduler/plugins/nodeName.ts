/** Mirrors pkg/scheduler/framework/plugins/nodename/node_name.go. */
import type { FilterPlugin, FilterStatus } from '../framework.ts';

export const ErrReasonNodeName = "node(s) didn't match the requested node name";
const REJECT: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonNodeName], plugin: 'NodeName' };

/** Fits: spec.nodeName is empty or names this node. */
export const NodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, node) {
    const want = pod.pod.spec?.nodeName;
    return !want || want === node.name ? null : REJECT;
  },
};
