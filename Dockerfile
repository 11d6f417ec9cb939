# The wanlixing worker, and the web (compose's `web` service runs client/web/main.ts). Runs the TypeScript sources with tsx (a runtime dependency): no build step, so the
# image runs exactly the files the tests ran.
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so that a source change does not reinstall them. devDependencies stay out:
# everything the worker imports at run time is in `dependencies`.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

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

USER node

# node itself is PID 1 (no npm/npx wrapper in between), so SIGTERM reaches the worker, whose Worker.run()
# finishes the tasks in hand before exiting.
CMD ["node", "--import", "tsx", "worker/main.ts"]
