/**
 * Column definitions shared by the printers. Names, types, formats and
 * priorities are upstream's (pkg/printers/internalversion AddHandlers);
 * descriptions quote the first sentence of the API field documentation
 * upstream uses (kubectl never shows them).
 */
import type { TableColumn } from '../registry/types';

/** A column; priority 1 columns appear only with `-o wide`. */
export function column(name: string, type: TableColumn['type'], description: string, priority = 0): TableColumn {
  return { name, type, format: '', description, priority };
}

/** The same column, shown only with `-o wide`. */
export function wide(name: string, type: TableColumn['type'], description: string): TableColumn {
  return column(name, type, description, 1);
}

export const NAME_DESCRIPTION = 'Name must be unique within a namespace.';
export const CREATION_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created.';

/** The `Name` column (format "name": kubectl prefixes `kind/` there in multi-kind output). */
export const NAME_COLUMN: TableColumn = { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 };

/** The `Age` column. */
export const AGE_COLUMN = column('Age', 'string', CREATION_DESCRIPTION);

/** Wide `Containers` / `Images` columns of workload printers. */
export const CONTAINERS_COLUMN = wide('Containers', 'string', 'Names of each container in the template.');
export const IMAGES_COLUMN = wide('Images', 'string', 'Images referenced by each container in the template.');
