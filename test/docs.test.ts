// The README and docs/: short enough to read, every example the binary's real output, every link
// inside the repository. (Other test files check the examples of their own command in depth.)
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, vidcost } from './helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DOCS = readdirSync(join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => join('docs', f));
const pages = ['README.md', ...DOCS].map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));

/** The ``` blocks of a page that start with "$ vidcost", each as its commands with what they print. */
function examples(text: string): { command: string; shown: string[] }[][] {
  const blocks = [...text.matchAll(/```(?:console)?\n(\$ vidcost[\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.map((block) =>
    block
      .split(/^\$ /m)
      .filter(Boolean)
      .map((part) => {
        const [command, ...shown] = part.replace(/\n$/, '').split('\n');
        return { command: command!, shown: shown.filter((l, i, all) => !(l === '' && i === all.length - 1)) };
      }),
  );
}

describe('the README', () => {
  it('is at most 300 lines', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('gives the two Quick start commands that .ci/run runs', () => {
    const quick = /## Quick start\n\n```sh\n([^\n]+)\n([^\n]+)\n```/.exec(README);
    expect(quick).not.toBeNull();
    // the same two lines, in the same order, as its last two commands (its setup step comes before)
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(ci.slice(-2)).toEqual([quick![1], quick![2]]);
  });

  it('shows what each command really prints ("..." stands for lines left out)', () => {
    const blocks = examples(README);
    expect(blocks.map((b) => b[0]!.command.split(' ')[1])).toEqual(['rates', 'rates', 'validate', 'init', 'diff', 'prices', 'forecast', 'sweep', 'actuals']);
    for (const block of blocks) {
      const dir = tempDir();
      for (const part of ['scenarios', 'test', 'docs']) symlinkSync(join(ROOT, part), join(dir, part));
      for (const { command, shown } of block) {
        const r = vidcost(command.split(' ').slice(1), { cwd: dir });
        const printed = (r.stdout + r.stderr).replace(/\n$/, '').split('\n');
        if (!shown.includes('...')) {
          expect(printed, command).toEqual(shown);
          continue;
        }
        // the lines shown come in the same order in the real output
        let at = 0;
        for (const line of shown.filter((l) => l !== '...')) {
          const found = printed.indexOf(line, at);
          expect(found, `${command}: ${line}`).toBeGreaterThanOrEqual(at);
          at = found + 1;
        }
      }
    }
  });
});

describe('the README and docs/', () => {
  it('point nowhere outside the repository', () => {
    for (const { file, text } of pages) {
      expect(text, file).not.toMatch(/DESIGN\.md|shared\/|\]\(\.\.\/\.\.|engineering log/i);
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^https?:/.test(target!)) continue;
        expect(existsSync(join(ROOT, dirname(file), target!)), `${file} links to ${target}`).toBe(true);
      }
    }
  });

  it('cover the topics the README links to', () => {
    for (const doc of ['scenario-format', 'price-sheets', 'reports-and-ci', 'forecast-and-sweep', 'errors-and-limits', 'library', 'architecture', 'speed']) {
      expect(README).toContain(`(docs/${doc}.md)`);
    }
  });
});
