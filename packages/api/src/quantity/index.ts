/** Kubernetes resource quantities (apimachinery api/resource). */
export type { Quantity, QuantityFormat } from './quantity';
export {
  QuantityError,
  QUANTITY_PATTERN,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  NANOS_PER_UNIT,
} from './quantity';
export { parseQuantity } from './parseQuantity';
export { formatQuantity } from './formatQuantity';
export {
  compareQuantities,
  addQuantities,
  subtractQuantities,
  quantityToMillis,
  quantityValue,
  quantityFromMillis,
  quantityFromUnits,
} from './arithmetic';
