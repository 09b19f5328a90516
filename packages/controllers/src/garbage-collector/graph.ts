/**
 * The garbage collector's dependency graph (upstream GraphBuilder's uidToNode
 * and processGraphChanges), kept pure: informer events go in, the items to
 * look at come out.
 *
 * Nodes are the objects observed through informers, by uid. Dependents are
 * found through the references observed objects hold (`referrers`), so an
 * owner not observed yet needs no placeholder node: an object whose owner is
 * unknown is simply handed to the collector, which asks the API server. A
 * reference only links a dependent to an observed owner when it names it
 * exactly and the owner is cluster-scoped or in the dependent's namespace;
 * other references are verified by the collector from the dependent's side
 * (a namespaced owner is looked up in the dependent's namespace), and a
 * namespace mismatch is reported (upstream's OwnerRefInvalidNamespace).
 */
import type { OwnerReference } from '@mk/api';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, referenceMatches, type ObjectIdentity } from './identity';

/** What the graph needs of an object. */
export interface ObjectFacts {
  identity: ObjectIdentity;
  owners: readonly Readonly<OwnerReference>[];
  deletionTimestamp?: string;
  finalizers: readonly string[];
}

/** One observed object. */
export interface GraphNode {
  identity: ObjectIdentity;
  owners: readonly Readonly<OwnerReference>[];
  /** Has a deletionTimestamp (a one-way trip). */
  beingDeleted: boolean;
  /** Being deleted in the foreground: waits for its blocking dependents. */
  deletingDependents: boolean;
}

/** A reference that names an owner in another namespace (or a namespaced owner of a cluster-scoped object). */
export interface InvalidOwnerReference {
  dependent: ObjectIdentity;
  reference: Readonly<OwnerReference>;
}

/** What a graph change asks the collector to do. */
export interface GraphEffects {
  /** uids for attemptToDelete: verify owners, delete or fix the object, or finish a foreground deletion. */
  attemptToDelete: Set<string>;
  /** uids for attemptToOrphan: release the dependents, then drop the orphan finalizer. */
  attemptToOrphan: Set<string>;
  invalid: InvalidOwnerReference[];
}

const noEffects = (): GraphEffects => ({ attemptToDelete: new Set(), attemptToOrphan: new Set(), invalid: [] });

/** deletionStartsWithFinalizer: the object is now being deleted with the finalizer, and was not before. */
export function startsDeletionWith(old: ObjectFacts | undefined, next: ObjectFacts, finalizer: string): boolean {
  if (!next.deletionTimestamp || !next.finalizers.includes(finalizer)) return false;
  return !old || !old.deletionTimestamp || !old.finalizers.includes(finalizer);
}

/** referencesDiffs: references added, removed, and changed (same uid, other fields). */
export function referencesDiff(old: readonly Readonly<OwnerReference>[], next: readonly Readonly<OwnerReference>[]) {
  const before = new Map(old.map((r) => [r.uid, r]));
  const after = new Map(next.map((r) => [r.uid, r]));
  const added = next.filter((r) => !before.has(r.uid));
  const removed = old.filter((r) => !after.has(r.uid));
  const changed = next.filter((r) => before.has(r.uid) && JSON.stringify(before.get(r.uid)) !== JSON.stringify(r)).map((r) => ({ old: before.get(r.uid)!, next: r }));
  return { added, removed, changed };
}

/** Why a reference from dependent does not link to the observed owner, if it does not. */
export function linkProblem(owner: ObjectIdentity, dependent: ObjectIdentity, ref: Readonly<OwnerReference>): 'namespace' | 'coordinates' | undefined {
  if (owner.namespace && owner.namespace !== dependent.namespace) return 'namespace';
  if (!referenceMatches(ref, owner)) return 'coordinates';
  return undefined;
}

/** Observed objects by uid and the references between them. */
export class DependencyGraph {
  private readonly nodes = new Map<string, GraphNode>();
  /** owner uid → uids of observed objects whose references name it. */
  private readonly referrers = new Map<string, Set<string>>();

  /** The observed object with this uid. */
  node(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  get size(): number {
    return this.nodes.size;
  }

  /** Observed objects naming uid in a reference, whether or not the reference resolves (upstream dependentsLength counts them all). */
  referrersOf(uid: string): GraphNode[] {
    return [...(this.referrers.get(uid) ?? [])].map((d) => this.nodes.get(d)).filter((n): n is GraphNode => !!n);
  }

  /** The owner's dependents: referrers whose reference links to it. */
  dependents(uid: string): GraphNode[] {
    const owner = this.nodes.get(uid);
    if (!owner) return [];
    return this.referrersOf(uid).filter((d) => d.owners.some((r) => r.uid === uid && !linkProblem(owner.identity, d.identity, r)));
  }

  /** Dependents whose reference to the owner has blockOwnerDeletion: a foreground deletion waits for them. */
  blockingDependents(uid: string): GraphNode[] {
    return this.dependents(uid).filter((d) => d.owners.some((r) => r.uid === uid && r.blockOwnerDeletion === true));
  }

  /** An object was added or changed (old: its previous state, for updates). */
  upsert(facts: ObjectFacts, old?: ObjectFacts): GraphEffects {
    const effects = noEffects();
    const uid = facts.identity.uid;
    let node = this.nodes.get(uid);
    if (!node) {
      node = { identity: facts.identity, owners: facts.owners, beingDeleted: !!facts.deletionTimestamp, deletingDependents: !!facts.deletionTimestamp && facts.finalizers.includes(FINALIZER_FOREGROUND) };
      this.nodes.set(uid, node);
      this.link(node, facts.owners, effects);
      // Objects observed earlier that name this one: now their references can be checked against it.
      for (const dep of this.referrersOf(uid)) {
        for (const ref of dep.owners.filter((r) => r.uid === uid)) this.check(node, dep, ref, effects);
      }
    } else {
      const { added, removed, changed } = referencesDiff(node.owners, facts.owners);
      if (added.length || removed.length || changed.length) {
        // An owner waiting in the foreground may have been waiting for exactly this reference.
        const unblocked = [...removed.filter((r) => r.blockOwnerDeletion === true), ...changed.filter((c) => c.old.blockOwnerDeletion === true && c.next.blockOwnerDeletion !== true).map((c) => c.next)];
        for (const r of unblocked) if (this.nodes.has(r.uid)) effects.attemptToDelete.add(r.uid);
        node.owners = facts.owners;
        for (const r of removed) this.unlinkOne(r.uid, uid);
        this.link(node, added, effects);
        for (const c of changed) {
          const owner = this.nodes.get(c.next.uid);
          if (owner) this.check(owner, node, c.next, effects);
        }
      }
      node.identity = facts.identity;
      if (facts.deletionTimestamp) node.beingDeleted = true;
    }
    this.processTransitions(old, facts, node, effects);
    return effects;
  }

  /** An object was deleted. */
  remove(facts: ObjectFacts): GraphEffects {
    const effects = noEffects();
    const uid = facts.identity.uid;
    const node = this.nodes.get(uid);
    if (!node) return effects;
    this.nodes.delete(uid);
    for (const r of node.owners) this.unlinkOne(r.uid, uid);
    for (const dep of this.referrersOf(uid)) effects.attemptToDelete.add(dep.identity.uid);
    for (const r of node.owners) {
      // A foreground owner may have been waiting for this dependent to go.
      if (this.nodes.get(r.uid)?.deletingDependents) effects.attemptToDelete.add(r.uid);
    }
    return effects;
  }

  private processTransitions(old: ObjectFacts | undefined, facts: ObjectFacts, node: GraphNode, effects: GraphEffects): void {
    if (startsDeletionWith(old, facts, FINALIZER_ORPHAN)) {
      effects.attemptToOrphan.add(node.identity.uid);
      return;
    }
    if (startsDeletionWith(old, facts, FINALIZER_FOREGROUND)) {
      node.deletingDependents = true;
      for (const dep of this.dependents(node.identity.uid)) effects.attemptToDelete.add(dep.identity.uid);
      effects.attemptToDelete.add(node.identity.uid);
    }
  }

  private link(node: GraphNode, refs: readonly Readonly<OwnerReference>[], effects: GraphEffects): void {
    for (const ref of refs) {
      let set = this.referrers.get(ref.uid);
      if (!set) this.referrers.set(ref.uid, (set = new Set()));
      set.add(node.identity.uid);
      const owner = this.nodes.get(ref.uid);
      // An owner not observed (yet): the collector asks the API server whether it exists.
      if (!owner) effects.attemptToDelete.add(node.identity.uid);
      else this.check(owner, node, ref, effects);
      // A dependent appearing under an owner already deleting its dependents is deleted too, not left behind.
      if (owner?.deletingDependents) effects.attemptToDelete.add(node.identity.uid);
    }
  }

  /** A reference that does not resolve to the observed owner is verified from the dependent's side. */
  private check(owner: GraphNode, dep: GraphNode, ref: Readonly<OwnerReference>, effects: GraphEffects): void {
    const problem = linkProblem(owner.identity, dep.identity, ref);
    if (!problem) return;
    effects.attemptToDelete.add(dep.identity.uid);
    if (problem === 'namespace') effects.invalid.push({ dependent: dep.identity, reference: ref });
  }

  private unlinkOne(ownerUid: string, dependentUid: string): void {
    const set = this.referrers.get(ownerUid);
    if (!set) return;
    set.delete(dependentUid);
    if (set.size === 0) this.referrers.delete(ownerUid);
  }
}
