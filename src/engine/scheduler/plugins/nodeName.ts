/** Mirrors pkg/scheduler/framework/plugins/nodename/node_name.go. */
import { SKIP, type FilterPlugin, type FilterStatus } from '../framework.ts';

export const ErrReasonNodeName = "node(s) didn't match the requested node name";
const REJECT: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonNodeName], plugin: 'NodeName' };

/** Fits: spec.nodeName is empty or names this node. */
export const NodeName: FilterPlugin = {
  name: 'NodeName',
  // Not upstream (NodeName has no PreFilter): skipping a filter that passes every node is only a
  // shortcut for the hot loop — the verdicts are the same.
  preFilter(pod) {
    return pod.pod.spec?.nodeName ? null : SKIP;
  },
  filter(pod, node) {
    const want = pod.pod.spec?.nodeName;
    return !want || want === node.name ? null : REJECT;
  },
};
