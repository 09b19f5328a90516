/** What a node reports about the machine in status.nodeInfo, read from the host the agent runs on. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';

/** The machine's description in status.nodeInfo. */
export interface HostInfo {
  /** GOOS spelling: linux, darwin, windows. */
  operatingSystem: string;
  /** GOARCH spelling: amd64, arm64, … */
  architecture: string;
  kernelVersion: string;
  /** PRETTY_NAME of /etc/os-release, e.g. `Ubuntu 24.04.1 LTS`. */
  osImage: string;
}

const GOARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
const GOOS: Record<string, string> = { win32: 'windows', linux: 'linux', darwin: 'darwin', freebsd: 'freebsd' };

function osImage(os: string): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const m = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text);
    if (m) return m[1];
  } catch {
    // Not Linux, or a minimal container without os-release.
  }
  return os === 'darwin' ? 'macOS' : os;
}

/** The machine the agent runs on. */
export function detectHostInfo(): HostInfo {
  const operatingSystem = GOOS[platform()] ?? platform();
  return { operatingSystem, architecture: GOARCH[arch()] ?? arch(), kernelVersion: release(), osImage: osImage(operatingSystem) };
}

/** 32 hex digits derived from the node name: each simulated node is its own machine, and stays the same one. */
export function machineIDOf(nodeName: string): string {
  return createHash('sha256').update(`mk-machine/${nodeName}`).digest('hex').slice(0, 32);
}

/** A UUID-shaped ID derived from the node name (the machine's SMBIOS UUID). */
export function systemUUIDOf(nodeName: string): string {
  const h = createHash('sha256').update(`mk-system/${nodeName}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
