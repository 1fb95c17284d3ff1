// Replays one SDK's recorded traffic against a fresh in-process sandbox, as shared/reference/sdk/README.md
// describes: placeholders filled from fixtures bound per sample/call (entries of one sample or call
// share them, in file order), Basic auth of the demo project, the raw query and body bytes as sent.
import { DEMO_PROJECT, startSandbox } from '@apm-docs/sandbox';
import { FixtureWorld, type Bindings } from './fixtures.ts';
import { decodedJson, sendRaw } from './http.ts';
import { groupOf, type RecordedRequest, type Traffic } from './reference.ts';

/** `<wrong-secret>`: a well-formed sandbox secret that is not the demo project's. */
export const WRONG_SECRET = 'key_sandbox_notTheDemoProjectSecretWrong00';

const PLACEHOLDER = /\{[a-z_]+\}/g;

export interface ReplayedAnswer {
  status: number;
  /** The parsed JSON answer; undefined when it was not JSON. */
  body: unknown;
}

function basicAuth(authorization: string): string {
  const match = /^basic <project>:<(secret|wrong-secret)>$/.exec(authorization);
  if (!match) throw new Error(`replay: cannot send authorization "${authorization}"`);
  const secret = match[1] === 'secret' ? DEMO_PROJECT.secret : WRONG_SECRET;
  return `Basic ${Buffer.from(`${DEMO_PROJECT.id}:${secret}`).toString('base64')}`;
}

/** A value inside a JSON string literal, escaped as the SDK escaped the rest of its body (PHP writes `\/`). */
function inJsonString(body: string): (value: string) => string {
  const escapesSlashes = body.includes('\\/');
  return (value) => {
    const escaped = JSON.stringify(value).slice(1, -1);
    return escapesSlashes ? escaped.replace(/\//g, '\\/') : escaped;
  };
}

export class Replayer {
  private readonly bindings = new Map<string, Bindings>();
  /** How many entries of a sample/call already took a value of a placeholder (for "each event…" lists). */
  private readonly uses = new Map<string, number>();

  private constructor(
    private readonly traffic: Traffic,
    private readonly sandbox: Awaited<ReturnType<typeof startSandbox>>,
    private readonly world: FixtureWorld,
  ) {}

  /** A fresh sandbox (in-memory database) for this traffic file. */
  static async start(traffic: Traffic): Promise<Replayer> {
    const sandbox = await startSandbox({ port: 0, dbPath: ':memory:' });
    return new Replayer(traffic, sandbox, await FixtureWorld.start(sandbox.url));
  }

  async close(): Promise<void> {
    await this.sandbox.close();
    await this.world.close();
  }

  private async bindingsOf(request: RecordedRequest): Promise<{ group: string; bound: Bindings }> {
    const { kind, key } = groupOf(request);
    let bound = this.bindings.get(key);
    if (!bound) {
      const recipes = (kind === 'sample' ? this.traffic.fixtures.samples : this.traffic.fixtures.calls)?.[key];
      if (!recipes) throw new Error(`replay: fixtures.${kind}s has no entry "${key}"`);
      bound = await this.world.bind(recipes);
      this.bindings.set(key, bound);
    }
    return { group: key, bound };
  }

  /** Sends entry `index` of the traffic file and returns the sandbox's answer. */
  async replay(index: number): Promise<ReplayedAnswer> {
    const request = this.traffic.requests[index];
    if (!request) throw new Error(`replay: no entry ${index}`);
    const { group, bound } = await this.bindingsOf(request);
    const chosen = new Map<string, string>();
    for (const placeholder of new Set(`${request.path}${request.query ?? ''}${request.body}`.match(PLACEHOLDER) ?? [])) {
      const value = bound.get(placeholder);
      if (value === undefined) throw new Error(`replay: ${group} does not bind ${placeholder}`);
      const use = `${group} ${placeholder}`;
      const count = this.uses.get(use) ?? 0;
      this.uses.set(use, count + 1);
      const picked = Array.isArray(value) ? value[count] : value;
      if (picked === undefined) throw new Error(`replay: ${group} has no value ${count + 1} for ${placeholder}`);
      chosen.set(placeholder, picked);
    }
    const fill = (text: string, encode: (value: string) => string) =>
      text.replace(PLACEHOLDER, (placeholder) => encode(chosen.get(placeholder)!));
    const path = fill(request.path, encodeURIComponent);
    const target = request.query === null ? path : `${path}?${fill(request.query, encodeURIComponent)}`;
    const answer = await sendRaw(this.sandbox.url, {
      method: request.method,
      target,
      headers: { ...request.headers, Authorization: basicAuth(request.authorization) },
      body: Buffer.from(fill(request.body, inJsonString(request.body)), 'utf8'),
    });
    return { status: answer.status, body: decodedJson(answer) };
  }
}
