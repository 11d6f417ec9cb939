#!/usr/bin/env node
// The worker process (npm run worker): compiled when the build is current, else from the TypeScript.
import { launch } from './launch.js';

await launch('worker', 'worker/main.ts');
