/** Container resource requirements (validateResourceRequirements and resource names). */
import type { FieldError } from '../../registry/types';
import { compareQuantities, formatQuantity, parseQuantity, quantityToMillis, type Quantity } from '../../quantity';
import { forbidden, invalid, key, required, child, IS_NEGATIVE_MSG } from '../field-errors';
import { obj, type JsonObject } from '../json-access';
import { isQualifiedName } from '../names';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

const isHugePages = (name: string) => name.startsWith('hugepages-');
// Native resources (unprefixed or kubernetes.io/) other than hugepages may be overcommitted.
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
const overcommitAllowed = (name: string) => isNative(name) && !isHugePages(name);
// Extended resources (vendor.com/gpu) are counted in whole units.
const isExtended = (name: string) => !isNative(name) && !name.startsWith('requests.');

function validateResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(field, name, m));
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) return [invalid(field, name, 'must be a standard resource for containers')];
  }
  return [];
}

/** Parses a quantity as the decoder would; numbers in JSON are quantities too. */
function quantityOf(v: unknown): Quantity | string {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
  try {
    return parseQuantity(text);
  } catch (e) {
    return (e as Error).message;
  }
}

function validateQuantity(name: string, v: unknown, field: string): { errs: FieldError[]; q?: Quantity } {
  const q = quantityOf(v);
  // Upstream rejects a malformed quantity while decoding the body; here it becomes a field error on that quantity.
  if (typeof q === 'string') return { errs: [invalid(field, typeof v === 'string' ? v : String(v), q)] };
  const errs: FieldError[] = [];
  if (q.nanos < 0n) errs.push(invalid(field, formatQuantity(q), IS_NEGATIVE_MSG));
  if (isExtended(name) && quantityToMillis(q) % 1000n !== 0n) {
    errs.push(invalid(field, formatQuantity(q), 'must be an integer'));
  }
  return { errs, q };
}

/** ValidateContainerResourceRequirements. */
export function validateResources(resources: unknown, field: string): FieldError[] {
  const r: JsonObject = obj(resources);
  const limits = obj(r.limits);
  const requests = obj(r.requests);
  const limPath = child(field, 'limits');
  const reqPath = child(field, 'requests');
  const errs: FieldError[] = [];
  const limitQ = new Map<string, Quantity>();
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, v] of Object.entries(limits)) {
    const path = key(limPath, name);
    errs.push(...validateResourceName(name, path));
    const { errs: qErrs, q } = validateQuantity(name, v, path);
    errs.push(...qErrs);
    if (q) limitQ.set(name, q);
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const [name, v] of Object.entries(requests)) {
    const path = key(reqPath, name);
    errs.push(...validateResourceName(name, path));
    const { errs: qErrs, q } = validateQuantity(name, v, path);
    errs.push(...qErrs);
    const limit = limitQ.get(name);
    if (q && limit) {
      if (compareQuantities(q, limit) !== 0 && !overcommitAllowed(name)) {
        errs.push(invalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(limit)}`));
      } else if (compareQuantities(q, limit) > 0) {
        errs.push(invalid(reqPath, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`));
      }
    } else if (q && !(name in limits) && !overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (hugePages && !cpuOrMemory) errs.push(forbidden(field, 'HugePages require cpu or memory'));
  return errs;
}
