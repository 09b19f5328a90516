/** Helpers shared by the PersistentVolume and PersistentVolumeClaim printers (core helper package). */

/** The beta annotation still wins over spec.storageClassName, as upstream reads it first. */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

const ACCESS_MODE_ABBREVIATIONS: Array<[string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** GetAccessModesAsString: always in the order RWO,ROX,RWX,RWOP, duplicates dropped. */
export function accessModesCell(modes: string[] | undefined): string {
  const present = new Set(modes ?? []);
  return ACCESS_MODE_ABBREVIATIONS.filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',');
}

/** GetPersistentVolume(Claim)Class: the beta annotation, else spec.storageClassName, else "". */
export function storageClassCell(annotations: Record<string, string> | undefined, storageClassName: string | null | undefined): string {
  if (annotations && Object.prototype.hasOwnProperty.call(annotations, BETA_STORAGE_CLASS_ANNOTATION)) {
    return annotations[BETA_STORAGE_CLASS_ANNOTATION];
  }
  return storageClassName ?? '';
}
