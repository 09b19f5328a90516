/**
 * The Service address rules: clusterIP and clusterIPs in step, valid and
 * matching ipFamilies (ValidateServiceClusterIPsRelatedFields), and on update
 * addresses and families that may not change once set.
 */
import type { FieldError } from '../../registry/types';
import { duplicate, forbidden, index, invalid, notSupported, required } from '../field-errors';
import { arr, isSet, num, str, type JsonObject } from '../json-access';
import { isIP, isIPv6 } from '../ip';

const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
/** The message of validation.IsValidIP. */
export const INVALID_IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** spec.clusterIPs as strings. */
export function clusterIPsOf(spec: JsonObject): string[] {
  return arr(spec.clusterIPs).map(str);
}

/** isHeadlessService: clusterIPs is exactly ["None"] (or clusterIP None before clusterIPs are synced). */
export function isHeadless(spec: JsonObject): boolean {
  const ips = clusterIPsOf(spec);
  return ips.length === 1 ? ips[0] === 'None' : ips.length === 0 && str(spec.clusterIP) === 'None';
}

/** ValidateServiceClusterIPsRelatedFields. */
export function validateClusterIPsRelated(spec: JsonObject): FieldError[] {
  if (str(spec.type) === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = clusterIPsOf(spec);
  const clusterIP = str(spec.clusterIP);
  if (clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP) errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  }
  const families = arr(spec.ipFamilies).map(str);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (!IP_FAMILIES.includes(f)) errs.push(notSupported(index('spec.ipFamilies', i), f, IP_FAMILIES));
    if (seen.has(f)) errs.push(duplicate(index('spec.ipFamilies', i), f));
    seen.add(f);
  });
  if (isSet(spec.ipFamilyPolicy) && !IP_FAMILY_POLICIES.includes(str(spec.ipFamilyPolicy))) {
    errs.push(notSupported('spec.ipFamilyPolicy', str(spec.ipFamilyPolicy), IP_FAMILY_POLICIES));
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      }
      return;
    }
    if (!isIP(ip)) {
      badIPs = true;
      errs.push(invalid(index('spec.clusterIPs', i), ip, INVALID_IP_MSG));
    }
  });
  if (ips.length > 2) {
    badIPs = true;
    errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  }
  if (badIPs) return errs;
  if (ips.length > 1 && isIPv6(ips[0]) === isIPv6(ips[1])) errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  if (!isHeadless(spec)) {
    ips.forEach((ip, i) => {
      if (i >= families.length) return;
      if (families[i] === 'IPv4' && isIPv6(ip)) errs.push(invalid(index('spec.clusterIPs', i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && !isIPv6(ip)) errs.push(invalid(index('spec.clusterIPs', i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs / IPFamilies and the healthCheckNodePort rule. */
export function validateUpgradeDowngrade(spec: JsonObject, oldSpec: JsonObject): FieldError[] {
  if (str(spec.type) === 'ExternalName' || str(oldSpec.type) === 'ExternalName') return [];
  if (isHeadless(spec) && isHeadless(oldSpec)) return [];
  const errs: FieldError[] = [];
  const ips = clusterIPsOf(spec);
  const oldIPs = clusterIPsOf(oldSpec);
  // An update that omits the addresses keeps the allocated ones (upstream patches them in before validating).
  if (ips.length > 0) {
    if (ips.length === oldIPs.length) {
      oldIPs.forEach((ip, i) => {
        if (ip !== ips[i]) errs.push(invalid('spec.clusterIPs[0]', ips, 'may not change once set'));
      });
    } else if (ips.length < oldIPs.length && ips[0] !== oldIPs[0]) {
      errs.push(invalid('spec.clusterIPs[0]', ips, 'may not change once set'));
    } else if (ips.length > oldIPs.length && oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
      errs.push(invalid('spec.clusterIPs[0]', ips, 'may not change once set'));
    }
  }
  const fams = arr(spec.ipFamilies).map(str);
  const oldFams = arr(oldSpec.ipFamilies).map(str);
  if (!isHeadless(spec) && !isHeadless(oldSpec) && fams.length > 0 && fams.length === oldFams.length) {
    oldFams.forEach((f, i) => {
      if (f !== fams[i]) errs.push(invalid('spec.ipFamilies[0]', fams, 'may not change once set'));
    });
  }
  const needsHC = (s: JsonObject) => str(s.type) === 'LoadBalancer' && str(s.externalTrafficPolicy) === 'Local';
  if (needsHC(spec) && needsHC(oldSpec) && num(spec.healthCheckNodePort) !== num(oldSpec.healthCheckNodePort)) {
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  return errs;
}
