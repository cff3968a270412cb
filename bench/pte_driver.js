// Tiny driver for the pdf-table-extractor peer (pdf.js based): extracts every
// PDF named on the command line, one after another, and writes
// OUTDIR/<basename>.json. Usage: node pte_driver.js OUTDIR FILE...
'use strict';
const fs = require('fs');
const path = require('path');
const extract = require('pdf-table-extractor');

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  console.error('usage: node pte_driver.js OUTDIR FILE...');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

let failures = 0;
function next(i) {
  if (i >= files.length) {
    process.exitCode = failures ? 1 : 0;
    return;
  }
  const f = files[i];
  const out = path.join(outDir, path.basename(f) + '.json');
  extract(f, (result) => {
    fs.writeFileSync(out, JSON.stringify(result));
    next(i + 1);
  }, (err) => {
    console.error(`pdf-table-extractor: ${f}: ${err}`);
    failures++;
    next(i + 1);
  });
}
next(0);
