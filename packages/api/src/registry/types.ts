/**
 * The shape of one entry in the kind registry: everything the API server, the
 * CLI and the controllers need to know about a resource type, kept as data.
 */

/** A Kubernetes object as stored and served: plain JSON. */
export type KObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
};

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

/** One validation failure, rendered as a `Status` cause (`reason`, `field`, `message`). */
export interface FieldError {
  /** Kubernetes cause type: FieldValueRequired, FieldValueInvalid, FieldValueNotSupported, FieldValueDuplicate, FieldValueForbidden, FieldValueTooLong, FieldValueTypeInvalid. */
  type: FieldErrorType;
  /** Dotted path with indices, e.g. `spec.containers[0].image`. */
  field: string;
  /** Offending value, when the message shows it (`Invalid value: "x": ...`). */
  value?: unknown;
  /** Detail after the type's prefix, e.g. `must be no more than 63 characters`. */
  detail?: string;
  /** For FieldValueNotSupported: the allowed values. */
  supported?: string[];
}

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTypeInvalid'
  | 'FieldValueNotFound';

/** A server-side printing column, as in meta.k8s.io/v1 TableColumnDefinition. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string; // 'name' for the Name column, '' otherwise
  description: string;
  priority: number; // 0 = default, 1 = only with -o wide
}

/** A cell value as kubectl prints it. */
export type TableCell = string | number | boolean | null;

/** Clock injected wherever output depends on "now" (AGE columns, timestamps). */
export type Now = () => Date;

export type Subresource = 'status' | 'scale' | 'binding' | 'log' | 'exec' | 'attach' | 'eviction' | 'portforward' | 'finalize';

/**
 * How metadata.name is validated: upstream's per-kind name function.
 * `path-segment` only forbids `/`, `%`, `.` and `..` (e.g. core/v1 Events).
 */
export type NameFormat = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

/** Everything about one kind. One file per kind under registry/kinds/. */
export interface KindInfo {
  group: string; // '' for core
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  subresources: Subresource[];
  /** metadata.generation is maintained (bumped on spec changes only). */
  hasGeneration: boolean;
  /**
   * Top-level fields that belong to status. On create and on update through the
   * main resource these are taken from the old object (create: reset); on
   * update through /status only these are taken from the request.
   */
  statusFields: string[];
  /** Field selectors beyond metadata.name / metadata.namespace, e.g. { 'spec.nodeName': o => ... }. */
  fieldSelectors: Record<string, (obj: KObject) => string>;
  /** Fill defaults in place (called on create and update, after patches are applied). */
  applyDefaults(obj: KObject): void;
  /** Validate the whole object (old is set on update). Metadata is validated generically elsewhere. */
  validate(obj: KObject, old?: KObject): FieldError[];
  /**
   * Kind-specific preparation on create, e.g. Pod status phase Pending. Optional.
   * Runs the kind's defaults itself first, so it may be called before or after
   * applyDefaults. `now` stamps times upstream sets on create (PersistentVolume
   * status.lastPhaseTransitionTime); it defaults to the current time.
   */
  prepareForCreate?(obj: KObject, now?: Date, settings?: AdmissionSettings): void;
  /**
   * Kind-specific preparation on update through the main resource, before
   * validation (upstream's PrepareForUpdate and update admission): e.g. a
   * Service keeps its allocated clusterIP/nodePorts when the request omits
   * them, a Namespace keeps spec.finalizers. Optional.
   */
  prepareForUpdate?(obj: KObject, old: KObject, settings?: AdmissionSettings): void;
  /** Upstream's name validation for this kind; dns1123-subdomain when absent. */
  nameFormat?: NameFormat;
  /**
   * Status sent on create is kept instead of reset (upstream's Node strategy:
   * the kubelet registers a Node with its status).
   */
  keepStatusOnCreate?: boolean;
}

/** Server-side printing for one kind (printers/<kind>.ts). */
export interface KindPrinter {
  columns: TableColumn[];
  /** Cells for one object, in `columns` order. `now` is injected for AGE-like cells. */
  printRow(obj: KObject, now: Date): TableCell[];
}

/** Cluster-wide settings of the admission steps kinds run (flags of the API server upstream). */
export interface AdmissionSettings {
  /** DefaultTolerationSeconds: tolerationSeconds of the default not-ready/unreachable tolerations (upstream 300). */
  defaultTolerationSeconds?: number;
}
