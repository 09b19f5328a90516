/**
 * The Kubernetes release mk speaks and reports on both ends of the wire: the API server's
 * /version and `mk version`'s client half. Minor "32" is what makes kubectl's version
 * dispatcher run kubectl 1.32 and keeps its skew warning quiet.
 */

/** apimachinery's version.Info, fields in its JSON order. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** The release fields of mk's version.Info; each side adds its own goVersion, compiler and platform. */
export const MK_RELEASE = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-mk',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
} as const satisfies Partial<VersionInfo>;

/** version.Info's platform, `GOOS/GOARCH`, for Node's process.platform and process.arch (x64 is Go's amd64). */
export function goPlatform(platform: string, arch: string): string {
  return `${platform}/${arch === 'x64' ? 'amd64' : arch}`;
}
