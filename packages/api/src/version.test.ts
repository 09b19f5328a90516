import { describe, expect, it } from 'vitest';
import { goPlatform, MK_RELEASE } from './version';

describe('mk release', () => {
  it('reports Kubernetes 1.32, whose minor kubectl 1.32 expects', () => {
    expect(MK_RELEASE).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.0-mk' });
  });

  it("names the platform in Go's GOOS/GOARCH terms", () => {
    expect(goPlatform('linux', 'x64')).toBe('linux/amd64');
    expect(goPlatform('darwin', 'arm64')).toBe('darwin/arm64');
  });
});
