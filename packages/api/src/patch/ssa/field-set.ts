/**
 * A set of field paths (structured-merge-diff's `fieldpath.Set`): a tree whose nodes hold
 * *members* (paths in the set) and *children* (deeper paths). `.` in FieldsV1 marks a node
 * that is both. Server-side apply keeps one such set per field manager.
 */
import { compareElements, parseElement, serializeElement, type FieldPath, type PathElement } from './field-path';
import { isJsonObject, type JsonObject } from '../json';

interface Child {
  readonly element: PathElement;
  readonly set: FieldSet;
}

/** A set of field paths. Operations other than `insert` return new sets. */
export class FieldSet {
  private readonly members = new Map<string, PathElement>();
  private readonly children = new Map<string, Child>();

  /** Adds a path (the empty path is ignored). */
  insert(path: FieldPath): this {
    if (path.length === 0) return this;
    const [head, ...rest] = path;
    const id = serializeElement(head);
    if (rest.length === 0) this.members.set(id, head);
    else this.child(head, id).insert(rest);
    return this;
  }

  /** True when `path` is a member. */
  has(path: FieldPath): boolean {
    if (path.length === 0) return false;
    const id = serializeElement(path[0]);
    if (path.length === 1) return this.members.has(id);
    return this.children.get(id)?.set.has(path.slice(1)) ?? false;
  }

  /** True when `element` itself is a member of this node. */
  hasMember(element: PathElement): boolean {
    return this.members.has(serializeElement(element));
  }

  /** The paths below `element` (without it), or an empty set. */
  childSet(element: PathElement): FieldSet {
    return this.children.get(serializeElement(element))?.set ?? new FieldSet();
  }

  /** True when the set holds no path. */
  isEmpty(): boolean {
    return this.members.size === 0 && [...this.children.values()].every((c) => c.set.isEmpty());
  }

  /** Paths in this set or `other`. */
  union(other: FieldSet): FieldSet {
    const out = this.copy();
    for (const [id, element] of other.members) out.members.set(id, element);
    for (const [id, { element, set }] of other.children) {
      const mine = out.children.get(id);
      out.children.set(id, { element, set: mine ? mine.set.union(set) : set.copy() });
    }
    return out;
  }

  /** Paths in both sets. */
  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [id, element] of this.members) if (other.members.has(id)) out.members.set(id, element);
    for (const [id, { element, set }] of this.children) {
      const theirs = other.children.get(id);
      const both = theirs ? set.intersection(theirs.set) : undefined;
      if (both && !both.isEmpty()) out.children.set(id, { element, set: both });
    }
    return out;
  }

  /** Paths in this set but not in `other` (a member removes only itself, not its children). */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [id, element] of this.members) if (!other.members.has(id)) out.members.set(id, element);
    for (const [id, { element, set }] of this.children) {
      const theirs = other.children.get(id);
      const rest = theirs ? set.difference(theirs.set) : set.copy();
      if (!rest.isEmpty()) out.children.set(id, { element, set: rest });
    }
    return out;
  }

  /**
   * This set plus every field that has paths below it (upstream's `EnsureNamedFieldsAreMembers`,
   * which does so for declared struct fields; without Go types every field counts).
   */
  withParentFieldsAsMembers(): FieldSet {
    const out = new FieldSet();
    for (const [id, element] of this.members) out.members.set(id, element);
    for (const [id, { element, set }] of this.children) {
      if (set.isEmpty()) continue;
      if ('field' in element) out.members.set(id, element);
      out.children.set(id, { element, set: set.withParentFieldsAsMembers() });
    }
    return out;
  }

  /** Every member path, members of a node before its children, each level in upstream order. */
  paths(prefix: FieldPath = []): FieldPath[] {
    const out: FieldPath[] = this.sortedMembers().map((element) => [...prefix, element]);
    for (const { element, set } of this.sortedChildren()) out.push(...set.paths([...prefix, element]));
    return out;
  }

  /** The FieldsV1 JSON of this set (keys in upstream order). */
  toFieldsV1(): JsonObject {
    return this.emit(false);
  }

  /** Reads a FieldsV1 JSON object; unknown key kinds are skipped as upstream does. */
  static fromFieldsV1(fields: unknown): FieldSet {
    const set = new FieldSet();
    if (!isJsonObject(fields)) return set;
    for (const [key, value] of Object.entries(fields)) {
      if (key === '.') continue;
      const element = parseElement(key);
      if (!element) continue;
      const id = serializeElement(element);
      const nested = isJsonObject(value) ? value : {};
      const entries = Object.keys(nested);
      // A node is a member when it is a leaf (`{}`) or says so with `.`.
      if (entries.length === 0 || entries.includes('.')) set.members.set(id, element);
      const below = FieldSet.fromFieldsV1(nested);
      if (!below.isEmpty()) set.children.set(id, { element, set: below });
    }
    return set;
  }

  private emit(includeSelf: boolean): JsonObject {
    const out: JsonObject = {};
    if (includeSelf) out['.'] = {};
    const entries = new Map<string, { element: PathElement; member: boolean; set?: FieldSet }>();
    for (const [id, element] of this.members) entries.set(id, { element, member: true });
    for (const [id, { element, set }] of this.children) {
      if (set.isEmpty()) continue;
      entries.set(id, { element, member: this.members.has(id), set });
    }
    const sorted = [...entries.entries()].sort((a, b) => compareElements(a[1].element, b[1].element));
    for (const [id, { member, set }] of sorted) out[id] = set ? set.emit(member) : {};
    return out;
  }

  private child(element: PathElement, id: string): FieldSet {
    let entry = this.children.get(id);
    if (!entry) {
      entry = { element, set: new FieldSet() };
      this.children.set(id, entry);
    }
    return entry.set;
  }

  private copy(): FieldSet {
    const out = new FieldSet();
    for (const [id, element] of this.members) out.members.set(id, element);
    for (const [id, { element, set }] of this.children) out.children.set(id, { element, set: set.copy() });
    return out;
  }

  private sortedMembers(): PathElement[] {
    return [...this.members.values()].sort(compareElements);
  }

  private sortedChildren(): Child[] {
    return [...this.children.values()].filter((c) => !c.set.isEmpty()).sort((a, b) => compareElements(a.element, b.element));
  }
}
