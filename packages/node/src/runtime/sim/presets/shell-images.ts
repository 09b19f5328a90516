/** Images whose containers run the command they are given and then exit, like a shell script (busybox, alpine, …). */
const SHELL_REPOSITORIES = ['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'rockylinux', 'bash', 'perl', 'python', 'curlimages/curl'];

/** Patterns for the shell images, also under other registries (`registry.k8s.io/e2e-test-images/busybox`). */
export const SHELL_IMAGES: string[] = SHELL_REPOSITORIES.flatMap((repo) => [repo, `*/${repo}`]);

/** Commands that never end on their own (a loop, `sleep infinity`, a server). */
export const NEVER_ENDING_COMMAND = String.raw`while\s+(true|:)|sleep\s+inf|tail\s+-[fF]|\bhttpd\b|\bnc\s+-[a-z]*l`;
