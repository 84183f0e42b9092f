/**
 * The garbage collector's dependency graph. Mirrors k/k pkg/controller/garbagecollector/graph.go
 * (node, objectReference, blockingDependents) and graph_builder.go (processGraphChanges,
 * insertNode, addDependentToOwners, removeNode, virtual nodes for owners not yet observed).
 */
import type { KubeObject } from '../../types.ts';
import type { OwnerReference } from '../podutil.ts';

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid: string;
}

export interface GraphNode {
  identity: ObjectIdentity;
  owners: OwnerReference[];
  dependents: Set<GraphNode>;
  /** Known only from a dependent's ownerReference (the owner has not been observed). */
  virtual: boolean;
  beingDeleted: boolean;
  /** deletionTimestamp and the foregroundDeletion finalizer. */
  deletingDependents: boolean;
  /** deletionTimestamp and the orphan finalizer. */
  orphaning: boolean;
}

/** What changed for one observed object: what the collector must look at next. */
export interface GraphChange {
  /** Items for attemptToDelete. */
  attemptToDelete: GraphNode[];
  /** Owners for attemptToOrphan. */
  attemptToOrphan: GraphNode[];
}

const hasFinalizer = (o: KubeObject, f: string) => ((o.metadata.finalizers as string[] | undefined) ?? []).includes(f);

export class Graph {
  readonly uidToNode = new Map<string, GraphNode>();

  /** `Kind/namespace/name` as spans name objects. */
  static ref(id: ObjectIdentity): string {
    return id.namespace ? `${id.kind}/${id.namespace}/${id.name}` : `${id.kind}/${id.name}`;
  }

  /** processGraphChanges for an add or update. */
  observe(obj: KubeObject): GraphChange {
    const change: GraphChange = { attemptToDelete: [], attemptToOrphan: [] };
    const m = obj.metadata;
    const uid = m.uid ?? '';
    const owners = (m.ownerReferences as OwnerReference[] | undefined) ?? [];
    let node = this.uidToNode.get(uid);
    const wasDeletingDependents = node?.deletingDependents ?? false;
    const wasOrphaning = node?.orphaning ?? false;
    if (!node) {
      node = { identity: identity(obj), owners: [], dependents: new Set(), virtual: false, beingDeleted: false, deletingDependents: false, orphaning: false };
      this.uidToNode.set(uid, node);
    } else if (node.virtual) {
      node.virtual = false;
      node.identity = identity(obj);
    }
    // Owners added or removed since the last observation.
    const removed = node.owners.filter((o) => !owners.some((n) => n.uid === o.uid));
    const added = owners.filter((o) => !node.owners.some((n) => n.uid === o.uid));
    node.owners = owners;
    for (const o of removed) {
      const owner = this.uidToNode.get(o.uid);
      if (!owner) continue;
      owner.dependents.delete(node);
      if (owner.deletingDependents) change.attemptToDelete.push(owner);
      this.dropIfUnusedVirtual(owner);
    }
    for (const o of added) {
      let owner = this.uidToNode.get(o.uid);
      if (!owner) {
        owner = {
          identity: { apiVersion: o.apiVersion, kind: o.kind, name: o.name, namespace: m.namespace, uid: o.uid },
          owners: [],
          dependents: new Set(),
          virtual: true,
          beingDeleted: false,
          deletingDependents: false,
          orphaning: false,
        };
        this.uidToNode.set(o.uid, owner);
      }
      owner.dependents.add(node);
      // An owner never observed (or already gone): the live check in attemptToDelete decides.
      if (owner.virtual || owner.beingDeleted) change.attemptToDelete.push(node);
    }
    node.beingDeleted = !!m.deletionTimestamp;
    node.deletingDependents = node.beingDeleted && hasFinalizer(obj, FINALIZER_FOREGROUND);
    node.orphaning = node.beingDeleted && hasFinalizer(obj, FINALIZER_ORPHAN);
    if (node.orphaning && !wasOrphaning) change.attemptToOrphan.push(node);
    if (node.deletingDependents && !wasDeletingDependents) {
      change.attemptToDelete.push(node);
      for (const d of node.dependents) change.attemptToDelete.push(d);
    }
    return change;
  }

  /** processGraphChanges for a delete: the dependents and waiting owners are looked at again. */
  remove(obj: KubeObject): GraphChange {
    const change: GraphChange = { attemptToDelete: [], attemptToOrphan: [] };
    const node = this.uidToNode.get(obj.metadata.uid ?? '');
    if (!node) return change;
    // An owner only known from its dependents' references (added before any update re-observed
    // it): its deletion still sends the dependents to the live check.
    if (node.virtual) {
      for (const d of node.dependents) change.attemptToDelete.push(d);
      return change;
    }
    this.uidToNode.delete(node.identity.uid);
    for (const o of node.owners) {
      const owner = this.uidToNode.get(o.uid);
      if (!owner) continue;
      owner.dependents.delete(node);
      if (owner.deletingDependents) change.attemptToDelete.push(owner);
      this.dropIfUnusedVirtual(owner);
    }
    if (node.dependents.size > 0) {
      // The dependents keep their ownerReference to this uid: a virtual node stands for it until
      // each dependent is collected or released.
      node.virtual = true;
      node.beingDeleted = node.deletingDependents = node.orphaning = false;
      this.uidToNode.set(node.identity.uid, node);
      for (const d of node.dependents) change.attemptToDelete.push(d);
    }
    return change;
  }

  /** Dependents whose ownerReference to `node` has blockOwnerDeletion (graph.go blockingDependents). */
  blockingDependents(node: GraphNode): GraphNode[] {
    return [...node.dependents].filter((d) => d.owners.some((o) => o.uid === node.identity.uid && o.blockOwnerDeletion === true));
  }

  dropIfUnusedVirtual(node: GraphNode): void {
    if (node.virtual && node.dependents.size === 0) this.uidToNode.delete(node.identity.uid);
  }
}

function identity(obj: KubeObject): ObjectIdentity {
  const m = obj.metadata;
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: m.name, namespace: m.namespace, uid: m.uid ?? '' };
}
