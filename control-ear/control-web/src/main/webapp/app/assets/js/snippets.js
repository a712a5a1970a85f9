// How to send a first event, per platform, with the project's real DSN filled in.

export const PLATFORMS = [
  ['java', 'Java'], ['node', 'JavaScript (Node.js)'], ['javascript', 'JavaScript (browser)'], ['python', 'Python'],
  ['other', 'Other'],
];

export function snippetFor(platform, dsn) {
  switch (platform) {
    case 'java':
      return `// pom.xml: io.sentry:sentry:8.x
import io.sentry.Sentry;

Sentry.init(options -> {
    options.setDsn("${dsn}");
    options.setEnvironment("production");
});

try {
    throw new IllegalStateException("Hello from Silo");
} catch (Exception e) {
    Sentry.captureException(e);
}`;
    case 'node':
      return `// npm install @sentry/node
const Sentry = require("@sentry/node");

Sentry.init({ dsn: "${dsn}", environment: "production" });

Sentry.captureException(new Error("Hello from Silo"));`;
    case 'javascript':
      return `// npm install @sentry/browser
import * as Sentry from "@sentry/browser";

Sentry.init({ dsn: "${dsn}" });

Sentry.captureException(new Error("Hello from Silo"));`;
    case 'python':
      return `# pip install sentry-sdk
import sentry_sdk

sentry_sdk.init(dsn="${dsn}", environment="production")

try:
    1 / 0
except ZeroDivisionError as error:
    sentry_sdk.capture_exception(error)`;
    default:
      return `# any Sentry SDK takes this DSN; or with sentry-cli:
SENTRY_DSN="${dsn}" sentry-cli send-event -m "Hello from Silo"`;
  }
}

/** The snippet's platform for a project's platform ("java-spring" → java). */
export function snippetPlatform(platform) {
  const known = PLATFORMS.map(([name]) => name);
  if (!platform) {
    return 'java';
  }
  if (platform.startsWith('javascript-node') || platform === 'node') {
    return 'node';
  }
  const root = platform.split('-')[0];
  return known.includes(root) ? root : 'other';
}
