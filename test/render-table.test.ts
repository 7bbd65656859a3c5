// The table renderer: colour only on a terminal and never with NO_COLOR; 80 columns.
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { displayWidth } from '../src/render/string-width-fast.js';
import { renderTable, wrap } from '../src/render/table.js';
import type { View } from '../src/render/view.js';
import { FIXTURES } from './helpers.js';
import { join } from 'node:path';

async function estimateWith(isTTY: boolean, env: Record<string, string>): Promise<string> {
  let out = '';
  await run(['estimate', join(FIXTURES, 'scenarios', 'golden.yaml')], {
    stdout: (t) => (out += t),
    stderr: () => {},
    cwd: process.cwd(),
    env,
    isTTY,
    today: () => '2026-06-01',
  });
  return out;
}

const ESC = '\u001b[';

describe('colour', () => {
  it('colours a terminal', async () => {
    expect(await estimateWith(true, {})).toContain(ESC);
  });
  it('honours NO_COLOR', async () => {
    expect(await estimateWith(true, { NO_COLOR: '1' })).not.toContain(ESC);
  });
  it('never colours a pipe or a file', async () => {
    expect(await estimateWith(false, {})).not.toContain(ESC);
  });
});

describe('layout', () => {
  it('wraps sentences at the width with a two-space indent', () => {
    expect(wrap('aaa bbb ccc ddd', 8)).toEqual(['aaa bbb', '  ccc', '  ddd']);
  });
  it('drops optional columns before a table overflows', () => {
    const view: View = {
      title: 't',
      subtitle: [],
      sections: [
        {
          table: {
            columns: [{ header: 'Offering' }, { header: 'Optional', optional: true }, { header: 'Monthly', align: 'right' }, { header: 'Notes' }],
            rows: [['x'.repeat(30), 'y'.repeat(20), '$1.00', 'a note that is long enough to need the room']],
          },
        },
      ],
    };
    const text = renderTable(view, { color: false, width: 80 });
    expect(text).not.toContain('Optional');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(renderTable(view, { color: false, width: 200 })).toContain('Optional');
  });

  it('fits a table and its sentences by the columns characters take: a CJK character takes two', () => {
    // 20 characters that take 40 columns: by length the table fits in 80 columns, by display it does not
    const name = '動画生成'.repeat(5);
    const view: View = {
      title: 't',
      subtitle: [],
      sections: [
        {
          table: {
            columns: [{ header: 'Workload' }, { header: 'Monthly', align: 'right' }, { header: 'Notes' }],
            rows: [[name, '$1,250.00', 'a note that takes some thirty columns']],
          },
          lines: [`${name} costs $1,250.00 a month on the cheapest route`],
        },
      ],
    };
    const lines = renderTable(view, { color: false, width: 80 }).split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    // the sentence (68 characters, 88 columns) wraps where its display width passes 80
    expect(lines).toContain(`${name} costs $1,250.00 a month on the cheapest`);
    expect(lines).toContain('  route');
  });
});
