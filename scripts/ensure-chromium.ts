/**
 * The end-to-end tests drive Debian's Chromium (/usr/bin/chromium): this machine cannot
 * download Playwright's browsers. When it is missing, install it with apt-get if we can (root,
 * or passwordless sudo); otherwise say exactly what to run.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return true;
  } catch {
    return false;
  }
}

if (existsSync(CHROMIUM)) process.exit(0);

console.log(`Chromium is not installed at ${CHROMIUM}; installing the Debian package "chromium"…`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const prefix = isRoot ? [] : ['sudo', '-n'];
const apt = (args: string[]) => (prefix.length ? run(prefix[0], [...prefix.slice(1), 'apt-get', ...args]) : run('apt-get', args));
if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']) && existsSync(CHROMIUM)) {
  console.log('Chromium installed.');
  process.exit(0);
}
console.error(
  [
    'Could not install Chromium automatically.',
    'Install it, then run the tests again:',
    '  sudo apt-get update && sudo apt-get install -y chromium',
    'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
  ].join('\n'),
);
process.exit(1);
