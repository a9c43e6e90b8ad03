/**
 * Comments and docs cite public sources: 100ms's docs pages
 * (https://www.100ms.live/docs/server-side/v2/...), an RFC, or a public repository. Never a
 * document that is not in this repository (a private API reference, cited by section number).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/processes.js';

// Built from parts so this file does not match itself.
const SECTION = '\u00a7';
const PRIVATE_DOCUMENT = new RegExp(
  [`reference ${SECTION}`, ['100ms', 'rest', 'api'].join('-'), `${['shared', 'reference'].join('/')}/`].join(
    '|',
  ),
  'i',
);
/** A section sign with a number, unless it belongs to an RFC ("RFC 9110 §5.6.7"). */
const BARE_SECTION = new RegExp(`(?<!RFC \\d+ )${SECTION}\\s?\\d`);
const TEXT = /\.(ts|tsx|js|mjs|cjs|md|mdx|graphql|json|ya?ml|sh|html|css|txt)$|(^|\/)(Dockerfile|run)$/;

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((path) => path !== '' && TEXT.test(path));
}

describe('citations', () => {
  it('no file cites a document outside the repository', () => {
    const offending: string[] = [];
    for (const path of trackedTextFiles()) {
      let text: string;
      try {
        text = readFileSync(join(REPO_ROOT, path), 'utf8');
      } catch {
        continue; // deleted in the working tree
      }
      text.split('\n').forEach((line, i) => {
        if (PRIVATE_DOCUMENT.test(line) || BARE_SECTION.test(line))
          offending.push(`${path}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offending, 'cite https://www.100ms.live/docs/server-side/v2/... instead').toEqual([]);
  });
});
