/**
 * Launching the user's editor on a temporary file, as kubectl's editor package does: $KUBE_EDITOR,
 * else $EDITOR, else vi; a value with spaces is split into arguments, and one with quotes or
 * backslashes runs through `$SHELL -c` (default /bin/bash).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The command line that opens a file: argv, and whether the file is appended to a shell command string. */
export interface EditorCommand {
  args: string[];
  shell: boolean;
}

/** kubectl's defaultEnvEditor. */
export function editorCommand(env: Record<string, string | undefined>): EditorCommand {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  return { args: [env.SHELL || '/bin/bash', '-c', editor], shell: true };
}

/** Writes `content` to a new temp file (`<prefix>*<suffix>`), runs the editor on it, and returns what was saved. */
export async function editTempFile(env: Record<string, string | undefined>, prefix: string, suffix: string, content: string): Promise<{ edited: string; file: string }> {
  const file = path.join(tmpdir(), `${prefix}${randomBytes(6).readUIntBE(0, 6)}${suffix}`);
  await writeFile(file, content, { mode: 0o600 });
  await runEditor(editorCommand(env), file, env);
  return { edited: await readFile(file, 'utf8'), file };
}

function runEditor(cmd: EditorCommand, file: string, env: Record<string, string | undefined>): Promise<void> {
  // A shell command gets the quoted path appended to its string, as kubectl does.
  const argv = cmd.shell ? [...cmd.args.slice(0, -1), `${cmd.args.at(-1)} ${JSON.stringify(file)}`] : [...cmd.args, file];
  const shown = JSON.stringify(cmd.args.join(' '));
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: 'inherit', env: env as NodeJS.ProcessEnv });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'ENOENT' ? `unable to launch the editor ${shown}` : `there was a problem with the editor ${shown}`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`there was a problem with the editor ${shown}`))));
  });
}
