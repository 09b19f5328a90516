import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createServer, get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueServingCertificate } from './certificates';
import { integer, oid, time } from './der';

const now = new Date('2025-03-01T12:00:00Z');

describe('DER encoding', () => {
  it('encodes integers minimally and positive', () => {
    expect(integer(2).toString('hex')).toBe('020102');
    expect(integer(128).toString('hex')).toBe('02020080');
    expect(integer(Buffer.from([0, 0, 1])).toString('hex')).toBe('020101');
  });
  it('encodes object identifiers and times', () => {
    expect(oid('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302');
    expect(time(new Date('2025-03-01T12:00:00Z')).toString('ascii').slice(2)).toBe('250301120000Z');
    expect(time(new Date('2051-01-01T00:00:00Z')).toString('ascii').slice(2)).toBe('20510101000000Z');
  });
});

describe('certificates', () => {
  const ca = createCertificateAuthority('mk-test-ca', now, 3650);
  const serving = issueServingCertificate(ca, 'mk-test', ['127.0.0.1', 'localhost'], now, 365);

  it('makes a CA and a serving certificate that chains to it', () => {
    const caCert = new X509Certificate(ca.certPem);
    const leaf = new X509Certificate(serving.certPem);
    expect(caCert.ca).toBe(true);
    expect(caCert.subject).toBe('CN=mk-test-ca');
    expect(caCert.verify(caCert.publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.issuer).toBe('CN=mk-test-ca');
    expect(leaf.checkIssued(caCert)).toBe(true);
    expect(leaf.verify(caCert.publicKey)).toBe(true);
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new Date(leaf.validFrom).toISOString()).toBe('2025-03-01T11:00:00.000Z');
    expect(new Date(leaf.validTo).toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(leaf.checkPrivateKey(createPrivateKey(serving.keyPem))).toBe(true);
  });

  it('serves TLS that a client trusting only the CA accepts', async () => {
    const fresh = issueServingCertificate(ca, 'mk-test', ['127.0.0.1'], new Date(), 1);
    const server = createServer({ key: fresh.keyPem, cert: fresh.certPem }, (_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const body = await new Promise<string>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: '/', ca: ca.certPem, agent: false }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
      expect(body).toBe('ok');
      const refused = await new Promise<Error>((resolve) => {
        get({ host: '127.0.0.1', port, path: '/', agent: false }, () => resolve(new Error('accepted'))).on('error', resolve);
      });
      expect((refused as NodeJS.ErrnoException).code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    } finally {
      server.close();
    }
  });
});
