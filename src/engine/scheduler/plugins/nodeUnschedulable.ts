/** Mirrors pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go. */
import { toleratesAny, type FilterPlugin } from '../framework.ts';

export const ErrReasonUnschedulable = 'node(s) were unschedulable';
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  passesPlainNodes: true,
  filter(pod, node) {
    if (!node.unschedulable) return null;
    if (toleratesAny(pod.tolerations, UNSCHEDULABLE_TAINT)) return null;
    return { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonUnschedulable], plugin: 'NodeUnschedulable' };
  },
};
