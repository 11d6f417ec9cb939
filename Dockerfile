# The wanlixing worker, and the web (compose's `web` service runs bin/web.js), compiled in the image by the same
# build as `npm ci` runs (scripts/build.ts: esbuild, through tsx, both runtime dependencies).
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so that a source change does not reinstall them. devDependencies stay out:
# everything the worker imports at run time is in `dependencies`.
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds from sources not copied yet; the build runs below, once they are.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# What worker/main.ts loads: its imports reach these rooms (test/e2e/deployment.test.ts checks). The web
# service (client/web/main.ts) runs from the same image and also needs client/.
COPY tsconfig.json ./
COPY domain ./domain
COPY workflows ./workflows
COPY infra ./infra
COPY reads ./reads
COPY activities ./activities
COPY worker ./worker
COPY client ./client
COPY bin ./bin
COPY scripts/build.ts ./scripts/build.ts
RUN node --import tsx scripts/build.ts

USER node

# node itself is PID 1 (no npm/npx wrapper in between), so SIGTERM reaches the worker, whose Worker.run()
# finishes the tasks in hand before exiting.
CMD ["node", "bin/worker.js"]
