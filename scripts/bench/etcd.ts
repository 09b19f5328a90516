/**
 * A bare etcd for the anchors (Debian's etcd-server, when installed): one
 * member with a temporary data directory, client and peer URLs on free
 * 127.0.0.1 ports, and its JSON gateway (`/v3/kv/...`, keys and values in
 * base64) reached over keep-alive HTTP with as many sockets as the figure
 * has clients. Without etcd on PATH, startEtcd throws FigureSkipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FigureSkipped } from './figure';
import { freePort, onPath } from './processes';

export interface BenchEtcd {
  /** http://127.0.0.1:PORT */
  url: string;
  /** POSTs a JSON body to a gateway path such as `/v3/kv/put`; resolves with the parsed answer. */
  call<T = unknown>(path: string, body: unknown): Promise<T>;
  put(key: string, value: string): Promise<void>;
  /** The value of one key, or undefined. */
  get(key: string): Promise<string | undefined>;
  /** How many keys start with `prefix` (a range read of their values, as a list is). */
  rangeCount(prefix: string): Promise<number>;
  close(): Promise<void>;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** The key just past every key that starts with `prefix` (etcd's range_end for a prefix). */
export function prefixEnd(prefix: Buffer): Buffer {
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (prefix[i] < 0xff) {
      const end = Buffer.from(prefix.subarray(0, i + 1));
      end[i]++;
      return end;
    }
  }
  return Buffer.from([0]);
}

function waitHealthy(url: string, child: ChildProcess, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`etcd exited with ${child.exitCode}`));
      const req = request(`${url}/health`, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => (res.statusCode === 200 && text.includes('true') ? resolve() : retry()));
      });
      req.on('error', retry);
      req.end();
    };
    const retry = () => (Date.now() > deadline ? reject(new Error('etcd did not become healthy in 20 s')) : setTimeout(attempt, 20));
    attempt();
  });
}

/** Starts a bare etcd; `sockets` caps the keep-alive connections (one per concurrent client). */
export async function startEtcd(sockets = 64): Promise<BenchEtcd> {
  if (!(await onPath('etcd'))) throw new FigureSkipped('etcd is not installed (apt-get install etcd-server)');
  const dir = mkdtempSync(join(tmpdir(), 'mk-bench-etcd-'));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const child = spawn(
    'etcd',
    ['--name', 'bench', '--data-dir', join(dir, 'data'), '--listen-client-urls', url, '--advertise-client-urls', url, '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer, '--initial-cluster', `bench=${peer}`, '--log-level', 'error'],
    { stdio: 'ignore' },
  );
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const close = async () => {
    agent.destroy();
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, child, Date.now() + 20_000);
  } catch (err) {
    await close();
    throw err;
  }
  const call = <T>(path: string, body: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(`${url}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200) reject(new Error(`etcd ${path}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text) as T);
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  return {
    url,
    call,
    async put(key, value) {
      await call('/v3/kv/put', { key: b64(key), value: b64(value) });
    },
    async get(key) {
      const res = await call<{ kvs?: { value?: string }[] }>('/v3/kv/range', { key: b64(key) });
      const v = res.kvs?.[0]?.value;
      return v === undefined ? undefined : Buffer.from(v, 'base64').toString();
    },
    async rangeCount(prefix) {
      const res = await call<{ kvs?: unknown[] }>('/v3/kv/range', { key: b64(prefix), range_end: prefixEnd(Buffer.from(prefix)).toString('base64') });
      return res.kvs?.length ?? 0;
    },
    close,
  };
}
