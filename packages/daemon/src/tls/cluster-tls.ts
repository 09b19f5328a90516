/** The cluster's CA and serving certificate on disk: created once, the serving certificate renewed when it nears expiry. */
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ClusterPaths } from '@mk/client';
import { createCertificateAuthority, issueServingCertificate, type KeyAndCert } from './certificates';

const CA_VALID_DAYS = 3650;
const SERVING_VALID_DAYS = 365;
/** A serving certificate with less than this left is reissued at start. */
const RENEW_BEFORE_MS = 30 * 24 * 3_600_000;

/** The CA (for kubeconfigs) and the serving certificate (for the API server). */
export interface ClusterTls {
  ca: KeyAndCert;
  serving: KeyAndCert;
}

/** loadOrCreateClusterTls returns usable certificates for `host`, writing new ones (0600) when needed. */
export function loadOrCreateClusterTls(paths: ClusterPaths, clusterName: string, host: string, now: Date): ClusterTls {
  let ca = readPair(paths.caKey, paths.caCert);
  let caIsNew = false;
  if (!ca) {
    ca = createCertificateAuthority(`mk-${clusterName}-ca`, now, CA_VALID_DAYS);
    writePair(paths.caKey, paths.caCert, ca);
    caIsNew = true;
  }
  let serving = readPair(paths.serverKey, paths.serverCert);
  if (!serving || caIsNew || !servingStillGood(serving, ca, host, now)) {
    const hosts = [...new Set([host, '127.0.0.1', 'localhost'])];
    serving = issueServingCertificate(ca, `mk-${clusterName}-apiserver`, hosts, now, SERVING_VALID_DAYS);
    writePair(paths.serverKey, paths.serverCert, serving);
  }
  return { ca, serving };
}

function servingStillGood(serving: KeyAndCert, ca: KeyAndCert, host: string, now: Date): boolean {
  try {
    const cert = new X509Certificate(serving.certPem);
    const caCert = new X509Certificate(ca.certPem);
    const covers = isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host) !== undefined;
    return covers && cert.verify(caCert.publicKey) && new Date(cert.validTo).getTime() - now.getTime() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

function readPair(keyPath: string, certPath: string): KeyAndCert | undefined {
  try {
    return { keyPem: readFileSync(keyPath, 'utf8'), certPem: readFileSync(certPath, 'utf8') };
  } catch {
    return undefined;
  }
}

function writePair(keyPath: string, certPath: string, pair: KeyAndCert): void {
  writeFileSync(keyPath, pair.keyPem, { mode: 0o600 });
  writeFileSync(certPath, pair.certPem, { mode: 0o600 });
}
