#!/usr/bin/env node
// The web process (npm run web): compiled when the build is current, else from the TypeScript.
import { launch } from './launch.js';

await launch('web', 'client/web/main.ts');
