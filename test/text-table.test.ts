// The layout of terminal tables draws what cli-table3 0.6.5 drew with vidcost's options (no
// borders, compact, one space of padding, cells joined by a space). Every expected line below is
// worked out by hand from cli-table3's rules; trailing spaces are part of each line.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../src/render/table.js';
import { textTable } from '../src/render/text-table.js';
import type { View } from '../src/render/view.js';

describe('natural column widths', () => {
  it('makes each column its widest cell plus padding, right-aligned cells padded on the left', () => {
    // widths: 'kling/kling-3.0' is 15 wide, so 17; '~$2,520.00' is 10 wide, so 12
    expect(
      textTable({
        head: ['Offering', 'Monthly'],
        rows: [
          ['fal/pika-2.2', '$3,240.00'],
          ['kling/kling-3.0', '~$2,520.00'],
        ],
        aligns: ['left', 'right'],
      }),
    ).toEqual([
      ' Offering             Monthly ', //
      ' fal/pika-2.2       $3,240.00 ',
      ' kling/kling-3.0   ~$2,520.00 ',
    ]);
  });

  it('measures wide characters and emoji by the columns they take', () => {
    // '動画生成' is 4 characters 8 columns wide; '🎬' is 2 code units 2 columns wide
    expect(
      textTable({
        head: ['Name', 'Cost'],
        rows: [
          ['動画生成', '$1.00'],
          ['🎬 clip', '$12.50'],
        ],
        aligns: ['left', 'right'],
      }),
    ).toEqual([
      ' Name         Cost ', //
      ' 動画生成    $1.00 ',
      ' 🎬 clip    $12.50 ',
    ]);
  });

  it('gives a cell as many lines as it has line breaks', () => {
    expect(textTable({ head: ['Name'], rows: [['one\ntwo']], aligns: ['left'] })).toEqual([' Name ', ' one  ', ' two  ']);
  });
});

describe('given column widths', () => {
  it('word-wraps cells to the width less the padding; a shorter cell is filled with spaces', () => {
    // 'Notes' has 18 columns of text: 'secondary source;' (17) cannot take ' range' (23)
    expect(
      textTable({
        head: ['Offering', 'Notes'],
        rows: [
          ['runway/gen4.5', 'secondary source; range from the lower bound'],
          ['fal/wan-2.5', 'cheapest'],
        ],
        aligns: ['left', 'left'],
        widths: [15, 20],
      }),
    ).toEqual([
      ' Offering        Notes              ',
      ' runway/gen4.5   secondary source;  ',
      '                 range from the     ',
      '                 lower bound        ',
      ' fal/wan-2.5     cheapest           ',
    ]);
  });

  it('cuts a word longer than its column and ends it with …', () => {
    // 8 columns of text: 7 characters of the word and the '…'
    expect(
      textTable({
        head: ['Id', 'Note'],
        rows: [['x', 'supercalifragilistic word']],
        aligns: ['left', 'right'],
        widths: [4, 10],
      }),
    ).toEqual([
      ' Id       Note ', //
      ' x    superca… ',
      '          word ',
    ]);
  });

  it('cuts wide characters whole, leaving a space where half of one would go', () => {
    // 4 columns of text: '動' (2) and '…' (1); '動画' and '…' would take 5
    expect(textTable({ head: ['N'], rows: [['動画生成']], aligns: ['left'], widths: [6] })).toEqual([' N    ', ' 動…  ']);
  });

  it('draws an empty cell of a wrapped row as spaces', () => {
    expect(
      textTable({
        head: ['Offering', 'Notes'],
        rows: [
          ['fal/veo-3', ''],
          ['', 'one two three'],
        ],
        aligns: ['left', 'left'],
        widths: [12, 10],
      }),
    ).toEqual([
      ' Offering     Notes    ', //
      ' fal/veo-3             ',
      '              one two  ',
      '              three    ',
    ]);
  });
});

describe('the header style', () => {
  const cyan = new Chalk({ level: 1 }).cyan;

  it('colours each line of each header cell, padding and empty lines included, and no other row', () => {
    expect(
      textTable({
        head: ['A B C', 'Cost'],
        rows: [['b', '1']],
        aligns: ['left', 'right'],
        widths: [5, 6],
        headStyle: cyan,
      }),
    ).toEqual([
      '\u001b[36m A B \u001b[39m \u001b[36m Cost \u001b[39m', //
      '\u001b[36m C   \u001b[39m \u001b[36m      \u001b[39m',
      ' b        1 ',
    ]);
  });

  it('is cyan on a terminal, with trailing spaces of the other lines trimmed', () => {
    const view: View = {
      title: 'T',
      subtitle: [],
      sections: [{ table: { columns: [{ header: 'A' }, { header: 'Cost', align: 'right' }], rows: [['b', '1']] } }],
    };
    expect(renderTable(view, { color: true })).toBe('\u001b[1mT\u001b[22m\n\n\u001b[36m A \u001b[39m \u001b[36m Cost \u001b[39m\n b      1\n');
    expect(renderTable(view, { color: false })).toBe('T\n\n A   Cost\n b      1\n');
  });
});

describe('long tables', () => {
  it('draws one header and every row with the same column widths', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`w${i}`, `$${i}.00`]);
    const lines = textTable({ head: ['Workload', 'Monthly'], rows, aligns: ['left', 'right'] });
    expect(lines).toHaveLength(1001);
    expect(lines[0]).toBe(' Workload   Monthly ');
    expect(lines[1]).toBe(' w0           $0.00 ');
    expect(lines[1000]).toBe(' w999       $999.00 ');
  });
});
