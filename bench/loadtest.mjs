// Runs the load tests (packages/*/loadtest/*.loadtest.ts), each in a fresh process, in order.
// `npm run loadtest -- live` runs only the files whose path contains "live". A load test starts
// real server processes on 127.0.0.1 and steps its load up until it breaks: it is part of
// neither `npm test` nor `npm run bench`.
import { runScripts } from './run-scripts.mjs';

runScripts({ title: 'Stride load tests', folder: 'loadtest', suffix: '.loadtest.ts' });
