// Set up a ProcessOut API client in TypeScript (Node 20 or later, no dependencies: it uses the built-in fetch).
// Run it with: npx tsx set-up-client.ts
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.

// #region set-up-client
interface ApiError {
  success: false;
  error_type: string;
  message: string;
}

/** An error answered by the API, e.g. `request.authentication.invalid`. */
class ProcessOutError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = "ProcessOutError";
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value) return value;
  console.error(`Set the ${name} environment variable.`);
  process.exit(1);
}

/** A tiny typed client: HTTP Basic auth with your project ID and secret, JSON in and out. */
function createProcessOutClient(options: { projectId: string; projectSecret: string; apiUrl: string }) {
  const credentials = Buffer.from(`${options.projectId}:${options.projectSecret}`).toString("base64");

  async function request<T>(method: "GET" | "POST", path: string, body?: object): Promise<T> {
    const url = `${options.apiUrl}${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: `Basic ${credentials}`,
        Accept: "application/json",
        "Content-Type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.headers.get("content-type")?.includes("application/json")) {
      throw new Error(`Expected JSON from ${method} ${url}, got HTTP ${response.status}`);
    }
    const payload = (await response.json()) as (T & { success: true }) | ApiError;
    if (!payload.success) throw new ProcessOutError(payload.error_type, payload.message);
    return payload;
  }

  return {
    get: <T>(path: string) => request<T>("GET", path),
    post: <T>(path: string, body: object) => request<T>("POST", path, body),
  };
}

const client = createProcessOutClient({
  projectId: requireEnv("PROCESSOUT_PROJECT_ID"),
  projectSecret: requireEnv("PROCESSOUT_PROJECT_SECRET"),
  // Unset in production. Set it to reach another host, such as the local sandbox.
  apiUrl: process.env.PROCESSOUT_API_URL || "https://api.processout.com",
});
// #endregion

// Check the credentials: the API root answers {"success": true} to a valid project ID and secret.
async function main(): Promise<void> {
  const answer = await client.get<{ success: true }>("/");
  console.log(JSON.stringify(answer));
}

main().catch((error: unknown) => {
  console.error(error instanceof ProcessOutError ? `${error.errorType}: ${error.message}` : error);
  process.exitCode = 1;
});
