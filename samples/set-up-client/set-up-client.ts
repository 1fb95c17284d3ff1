// Set up a ProcessOut API client in TypeScript (Node 20 or later, no dependencies: it uses the built-in fetch).
// Run it with: npx tsx set-up-client.ts
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.

// #region set-up-client
/** An error answered by the API: `errorType` is its `error_type`, e.g. `request.authentication.invalid`. */
class ProcessOutError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value) return value;
  console.error(`Set the ${name} environment variable.`);
  process.exit(1);
}

const projectId = requireEnv('PROCESSOUT_PROJECT_ID');
const projectSecret = requireEnv('PROCESSOUT_PROJECT_SECRET');
const authorization = `Basic ${Buffer.from(`${projectId}:${projectSecret}`).toString('base64')}`;
// Unset in production. Set it to reach another host, such as the local sandbox.
const apiUrl = process.env.PROCESSOUT_API_URL || 'https://api.processout.com';

/** Calls the API with HTTP Basic auth (your project ID and secret), JSON in and out. */
async function request<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!response.headers.get('content-type')?.includes('application/json')) {
    throw new Error(`${method} ${apiUrl}${path} answered HTTP ${response.status}, not JSON`);
  }
  const payload = (await response.json()) as ({ success: true } & T) | { success: false; error_type: string; message: string };
  if (!payload.success) throw new ProcessOutError(payload.error_type, payload.message, response.status);
  return payload;
}

const client = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: object) => request<T>('POST', path, body),
};
// #endregion

// Check the credentials: the API root answers {"success": true} to a valid project ID and secret.
async function main(): Promise<void> {
  const answer = await client.get<{ success: true }>('/');
  console.log(JSON.stringify(answer));
}

main().catch((error: unknown) => {
  console.error(error instanceof ProcessOutError ? `${error.errorType}: ${error.message}` : error);
  process.exitCode = 1;
});
