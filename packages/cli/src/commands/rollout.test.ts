import { describe, expect, it } from 'vitest';
import type { CliIO } from '../context';
import { runMk } from '../program';
import { register } from './rollout';

async function mk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = { code: 0, stdout: '', stderr: '' };
  const io: CliIO = { out: (t) => void (r.stdout += t), err: (t) => void (r.stderr += t), readStdin: async () => '', isTTY: false };
  r.code = await runMk(args, { io, env: {} }, [register]);
  return r;
}

describe('mk rollout', () => {
  it("lists kubectl's subcommands in kubectl's order, with the valid resource types and examples", async () => {
    const { code, stdout } = await mk('rollout', '--help');
    expect(code).toBe(0);
    const commands = stdout.slice(stdout.indexOf('Commands:')).split('\n').slice(1).map((l) => l.trim().split(' ')[0]).filter(Boolean);
    expect(commands.slice(0, 6)).toEqual(['history', 'pause', 'resume', 'undo', 'status', 'restart']);
    expect(stdout).toContain('Valid resource types include:\n\n   * deployments\n   * daemonsets\n   * statefulsets');
    expect(stdout).toContain('  # Rollback to the previous deployment\n  mk rollout undo deployment/abc\n');
    expect(stdout).not.toContain('help [command]');
  });

  it.each([
    ['status', '  # Watch the rollout status of a deployment\n  mk rollout status deployment/nginx\n'],
    ['history', '  # View the details of daemonset revision 3\n  mk rollout history daemonset/abc --revision=3\n'],
    ['undo', '  # Roll back to the previous deployment with dry-run\n  mk rollout undo --dry-run=server deployment/abc\n'],
    ['restart', '  # Restart deployments with the app=nginx label\n  mk rollout restart deployment --selector=app=nginx\n'],
    ['pause', '  # Mark the nginx deployment as paused\n'],
    ['resume', '  # Resume an already paused deployment\n  mk rollout resume deployment/nginx\n'],
  ])('gives `%s` its help with kubectl examples adapted to mk', async (sub, example) => {
    const { code, stdout } = await mk('rollout', sub, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: mk rollout ${sub} `));
    expect(stdout).toContain(example);
  });

  it('fails without a subcommand, printing the help', async () => {
    const { code, stderr } = await mk('rollout');
    expect(code).toBe(1);
    expect(stderr).toContain('Usage: mk rollout SUBCOMMAND');
  });
});
