/**
 * A node card's verdict from kube-scheduler's current (or latest) attempt for the pod being
 * scheduled or selected: passed with its score, or rejected by a filter plugin with its reason;
 * the chosen node is marked. CONTRACT STUB: filled in by the scheduling UI work.
 */
export function SchedulingVerdict({ nodeName }: { nodeName: string }) {
  void nodeName;
  return null;
}
