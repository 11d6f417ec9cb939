# The wanlixing worker. Runs the TypeScript sources with tsx (a runtime dependency): no build step, so the
# image runs exactly the files the tests ran.
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so that a source change does not reinstall them. devDependencies stay out:
# everything the worker imports at run time is in `dependencies`.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Only what worker/main.ts loads: its imports reach these four folders (test/deployment.test.ts checks).
COPY tsconfig.json ./
COPY domain ./domain
COPY workflows ./workflows
COPY activities ./activities
COPY worker ./worker

USER node

# node itself is PID 1 (no npm/npx wrapper in between), so SIGTERM reaches the worker, whose Worker.run()
# finishes the tasks in hand before exiting.
CMD ["node", "--import", "tsx", "worker/main.ts"]
