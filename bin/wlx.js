#!/usr/bin/env node
// wlx: compiled when the build is current, else from the TypeScript (bin/launch.js).
import { launch } from './launch.js';

await launch('wlx', 'client/cli/main.ts');
