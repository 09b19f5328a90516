import { execFileSync } from 'node:child_process';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { fakeCli } from '../mutate/testing/fake-context';
import { register as completion } from './completion';
import { register as create } from './create';
import { register as del } from './delete';

async function script(shell: string): Promise<string> {
  const cli = fakeCli([del, create, completion]);
  await cli.run('completion', shell);
  return cli.stdout();
}

/** Runs the bash script's completion function for a command line, with `mk` stubbed as a shell function. */
function complete(bash: string, words: string[]): string[] {
  const stub = `mk() {
    case "$*" in
      "api-resources -o name") printf 'pods\\ndeployments.apps\\nnamespaces\\n' ;;
      "get pods -o name") printf 'pod/web-1\\npod/web-2\\n' ;;
      "get namespaces -o name") printf 'namespace/default\\nnamespace/kube-system\\n' ;;
    esac
  }`;
  const array = words.map((w) => `'${w}'`).join(' ');
  const program = `${bash}\n${stub}\nCOMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _mk_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', program], { encoding: 'utf8' }).split('\n').filter((l) => l !== '');
}

describe('mk completion', () => {
  it('completes commands, subcommands and aliases from the program', async () => {
    const bash = await script('bash');
    expect(complete(bash, ['mk', 'de'])).toEqual(['delete']);
    expect(complete(bash, ['mk', 'create', '']).sort()).toEqual(['cj', 'cm', 'configmap', 'cronjob', 'deploy', 'deployment', 'job', 'namespace', 'ns', 'secret']);
    expect(complete(bash, ['mk', 'create', 'secret', ''])).toEqual(['generic']);
  });

  it("completes each command's flags", async () => {
    const bash = await script('bash');
    expect(complete(bash, ['mk', 'delete', '--gr'])).toEqual(['--grace-period']);
    expect(complete(bash, ['mk', 'create', 'deployment', 'web', '--im'])).toEqual(['--image']);
  });

  it('completes resource types and object names from the cluster', async () => {
    const bash = await script('bash');
    expect(complete(bash, ['mk', 'delete', 'd'])).toEqual(['deployments']);
    expect(complete(bash, ['mk', 'delete', '--wait', 'pods', 'web-'])).toEqual(['web-1', 'web-2']);
  });

  it('completes namespaces after a global -n', async () => {
    const program = new Command('mk').option('-n, --namespace <ns>');
    const cli = fakeCli([]);
    completion(program, cli.ctx);
    del(program, cli.ctx);
    await program.parseAsync(['completion', 'bash'], { from: 'user' });
    expect(complete(cli.stdout(), ['mk', 'delete', '-n', 'kube'])).toEqual(['kube-system']);
  });

  it('wraps the same functions for zsh and rejects other shells', async () => {
    const zsh = await script('zsh');
    expect(zsh.startsWith('#compdef mk\n')).toBe(true);
    expect(zsh).toContain('bashcompinit');
    expect(zsh).toContain('complete -o default -F _mk_complete mk');
    await expect(fakeCli([completion]).run('completion', 'fish')).rejects.toThrow('Unsupported shell type "fish".');
    await expect(fakeCli([completion]).run('completion')).rejects.toThrow('Shell not specified.');
  });
});
