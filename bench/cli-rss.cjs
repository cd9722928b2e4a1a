/**
 * Preloaded into the `joint-inspection plan` process that `npm run bench` times end to end
 * (`node --require bench/cli-rss.cjs dist/cli.cjs plan …`, bench/jobs.ts): at exit it writes the
 * process's peak resident set size (KiB) to the file named by JI_BENCH_RSS_FILE. Nothing else.
 */
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.JI_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
