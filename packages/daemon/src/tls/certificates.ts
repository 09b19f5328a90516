/**
 * Issuing the cluster's certificates: a self-signed CA and a serving
 * certificate for the API server (ECDSA P-256, SHA-256), in PEM. kubectl only
 * sends the bearer token over TLS, so the daemon must serve HTTPS.
 */
import { X509Certificate, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { bitString, boolean, explicit, integer, namedBits, octetString, oid, sequence, set, time, tlv, toPem, utf8String, type Der } from './der';

/** A private key and its certificate, both PEM. */
export interface KeyAndCert {
  keyPem: string;
  certPem: string;
}

const ECDSA_WITH_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function name(commonName: string): Der {
  return sequence(set(sequence(oid('2.5.4.3'), utf8String(commonName))));
}

function extension(id: string, critical: boolean, value: Der): Der {
  return sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** The SHA-1 of the public key bits: the usual key identifier (RFC 5280 4.2.1.2). */
function keyId(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // The key bits are the BIT STRING at the end of SubjectPublicKeyInfo; for P-256 that is the last 65 bytes.
  return createHash('sha1').update(spki.subarray(spki.length - 65)).digest();
}

function subjectAltNames(hosts: string[]): Der {
  const names = hosts.map((h) => {
    if (isIP(h) === 4) return tlv(0x87, Buffer.from(h.split('.').map(Number)));
    return tlv(0x82, Buffer.from(h, 'ascii'));
  });
  return sequence(...names);
}

interface CertSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  issuerKeyId: Buffer;
  notBefore: Date;
  notAfter: Date;
  extensions: Der[];
}

function buildCertificate(spec: CertSpec): string {
  const serial = randomBytes(16);
  serial[0]! &= 0x7f; // positive
  const tbs = sequence(
    explicit(0, integer(2)), // v3
    integer(serial),
    ECDSA_WITH_SHA256,
    name(spec.issuer),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...spec.extensions, extension('2.5.29.14', false, octetString(keyId(spec.publicKey))), extension('2.5.29.35', false, sequence(tlv(0x80, spec.issuerKeyId))))),
  );
  const signature = sign('sha256', tbs, { key: spec.signingKey, dsaEncoding: 'der' });
  return toPem('CERTIFICATE', sequence(tbs, ECDSA_WITH_SHA256, bitString(signature)));
}

function newKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

/** createCertificateAuthority makes a self-signed CA valid from an hour before `now` (clock skew) for `validDays`. */
export function createCertificateAuthority(commonName: string, now: Date, validDays: number): KeyAndCert {
  const { privateKey, publicKey } = newKey();
  const certPem = buildCertificate({
    subject: commonName,
    issuer: commonName,
    publicKey,
    signingKey: privateKey,
    issuerKeyId: keyId(publicKey),
    notBefore: new Date(now.getTime() - HOUR_MS),
    notAfter: new Date(now.getTime() + validDays * DAY_MS),
    extensions: [
      extension('2.5.29.19', true, sequence(boolean(true))), // basicConstraints CA:TRUE
      extension('2.5.29.15', true, namedBits(0x86)), // digitalSignature, keyCertSign, cRLSign
    ],
  });
  return { keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, certPem };
}

/** issueServingCertificate signs a TLS server certificate for `hosts` (IPv4 addresses or DNS names) with the CA. */
export function issueServingCertificate(ca: KeyAndCert, commonName: string, hosts: string[], now: Date, validDays: number): KeyAndCert {
  const caKey = createPrivateKey(ca.keyPem);
  const caPublic = createPublicKey(caKey);
  const caName = caCommonName(ca.certPem);
  const { privateKey, publicKey } = newKey();
  const certPem = buildCertificate({
    subject: commonName,
    issuer: caName,
    publicKey,
    signingKey: caKey,
    issuerKeyId: keyId(caPublic),
    notBefore: new Date(now.getTime() - HOUR_MS),
    notAfter: new Date(now.getTime() + validDays * DAY_MS),
    extensions: [
      extension('2.5.29.19', true, sequence()), // basicConstraints CA:FALSE
      extension('2.5.29.15', true, namedBits(0x80)), // digitalSignature
      extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))), // serverAuth
      extension('2.5.29.17', false, subjectAltNames(hosts)),
    ],
  });
  return { keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, certPem };
}

/** The issuer name must encode exactly like the CA's subject, which buildCertificate derives from its CN. */
function caCommonName(certPem: string): string {
  const m = /^CN=(.+)$/m.exec(new X509Certificate(certPem).subject);
  if (!m) throw new Error('CA certificate has no common name');
  return m[1]!;
}
