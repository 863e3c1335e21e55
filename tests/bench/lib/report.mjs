/** Prints bench results: one machine-readable BENCH line each, a table, and a JSON array. */

/** The BENCH line: scenario, value, unit, floor, ratio first; then the scenario's extras. */
export function benchLine(result) {
  const { scenario, value, unit, floor, ratio, ...rest } = result;
  const head = { scenario, value, unit };
  if (floor !== undefined) Object.assign(head, { floor, ratio });
  const extras = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !['target', 'problems', 'head', 'cpuProfile'].includes(k)),
  );
  return `BENCH ${JSON.stringify({ ...head, ...extras })}`;
}

function detailsOf(r) {
  switch (r.scenario) {
    case 'open':
      return `first ${r.first} ms (cold ${r.cold} / ${r.coldFirst} ms), floor runs ${r.floorRuns.join('/')} ms`;
    case 'scroll':
      return `worst ${r.worst} ms, p95 ${r.p95} ms, ${r.frames} frames of ${r.stepPx} px, ${r.over50} > 50 ms`;
    case 'edit':
      return `cell ${r.dom} ms, committed ${r.committed} ms, runs ${r.runs.join('/')} ms`;
    case 'memory':
      return `heap total ${r.totalHeap} MB, DOM nodes ${r.domNodes}`;
    case 'formula-build':
      return `block ${r.block} ms (floor ${r.blockFloor} ms: font ${r.fontFloor} (cold ${r.fontColdFloor}), grid ${r.gridFloor}, read ${r.readFloor}; after rows ${r.blockAfterRows} ms), rows at ${r.allRows} ms`;
    case 'formula-edit':
      return `local ${r.local} ms, runs ${r.runs.join('/')} ms`;
    case 'formula-1m':
      return `heap ${r.heap} MB, block ${r.block} ms (floor ${r.blockFloor} ms: font ${r.fontFloor} (cold ${r.fontColdFloor}), grid ${r.gridFloor}, read ${r.readFloor}; after rows ${r.blockAfterRows} ms)`;
    case 'import-csv':
    case 'import-xlsx':
      return `block ${r.block} ms, ${r.rowsPerSec} rows/s (floor ${r.floorRowsPerSec}), ${r.fileMB} MB, peak ${r.processPeakMB} MB`;
    case 'export-csv':
    case 'backup':
      return `${r.fileMB} MB file, heap peak ${r.heapPeakMB} MB (+${r.heapAddedMB}), Chromium peak ${r.processPeakMB} MB (+${r.processAddedMB})`;
    case 'import-write':
      return Object.entries(r.variants)
        .map(([k, v]) => `${k} ${v} ms`)
        .join('; ');
    default:
      return '';
  }
}

function pad(text, width) {
  const s = String(text ?? '');
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

export function printTable(results) {
  const rows = results.map((r) =>
    r.error
      ? [r.scenario, 'ERROR', '', '', '', r.error]
      : [
          r.scenario,
          `${r.value} ${r.unit}`,
          r.floor === undefined ? '' : `${r.floor} ${r.unit} (×${r.ratio})`,
          r.target,
          r.pass ? 'yes' : 'NO',
          detailsOf(r),
        ],
  );
  const header = ['scenario', 'value', 'floor', 'target', 'met', 'details'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => pad(c, widths[i]))
      .join('  ')
      .trimEnd();
  console.log('');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
  for (const r of results) for (const p of r.problems ?? []) console.log(`  ! ${r.scenario}: ${p}`);
  console.log('');
}
