import React, { useState, type ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { TryItRequest } from '@site/src/sample-files/curlRequest';
import { isTryItSettings, type TryItSettings } from './tryItSettings';
import styles from './styles.module.css';

type Outcome =
  | { kind: 'sending' }
  | { kind: 'answered'; status: number; body: string; isJson: boolean }
  /** The page is not the local site: the sandbox would refuse it, so nothing is sent. */
  | { kind: 'not-local' }
  | { kind: 'unreachable' };

function useTryItSettings(): TryItSettings {
  const { customFields } = useDocusaurusContext().siteConfig;
  if (!isTryItSettings(customFields?.tryIt)) throw new Error('customFields.tryIt is missing from docusaurus.config.ts');
  return customFields.tryIt;
}

async function send(settings: TryItSettings, request: TryItRequest): Promise<Outcome> {
  if (!settings.siteOrigins.includes(window.location.origin)) return { kind: 'not-local' };
  const { id, secret } = settings.demoProject;
  let response: Response;
  try {
    response = await fetch(`${settings.sandboxUrl}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, accept: 'application/json', authorization: `Basic ${btoa(`${id}:${secret}`)}` },
      body: request.body,
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const text = await response.text();
  try {
    return { kind: 'answered', status: response.status, body: JSON.stringify(JSON.parse(text), null, 2), isJson: true };
  } catch {
    return { kind: 'answered', status: response.status, body: text, isJson: false };
  }
}

function OutcomeView({ outcome, settings, request }: { outcome: Outcome; settings: TryItSettings; request: TryItRequest }): ReactNode {
  switch (outcome.kind) {
    case 'sending':
      return (
        <p className={styles.tryItMessage}>
          Sending {request.method} {request.path}…
        </p>
      );
    case 'not-local':
      return (
        <p className={styles.tryItMessage}>
          The local sandbox only answers the docs site it runs with. In a clone of the repository, run <code>npm start</code> (the site on{' '}
          <code>{settings.siteOrigins[0]}</code>, the sandbox on <code>{settings.sandboxUrl}</code>) and try again from there.
        </p>
      );
    case 'unreachable':
      return (
        <p className={styles.tryItMessage}>
          No sandbox answered at <code>{settings.sandboxUrl}</code>. Start one from the repository root with <code>npm run sandbox</code>{' '}
          (or <code>npm start</code> for the site and the sandbox together), then try again.
        </p>
      );
    case 'answered':
      return (
        <>
          <p className={styles.tryItMessage}>
            HTTP {outcome.status} from the local sandbox for {request.method} {request.path}:
          </p>
          <CodeBlock language={outcome.isJson ? 'json' : 'text'}>{outcome.body}</CodeBlock>
        </>
      );
  }
}

/** Sends the sample's request (read from its curl file at build time) to the local sandbox and shows the answer. */
export default function TryIt({ request, file }: { request: TryItRequest; file: string }): ReactNode {
  const settings = useTryItSettings();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    setOutcome({ kind: 'sending' });
    setOutcome(await send(settings, request));
  };

  return (
    <div className={styles.tryIt}>
      <button
        type="button"
        data-action="try-it"
        className={styles.button}
        onClick={() => void run()}
        disabled={outcome?.kind === 'sending'}
        aria-label={`Run against local sandbox: ${request.method} ${request.path}, the request of ${file}`}
      >
        Run against local sandbox
      </button>
      <div data-try-it-output aria-live="polite" className={styles.tryItOutput}>
        {outcome && <OutcomeView outcome={outcome} settings={settings} request={request} />}
      </div>
    </div>
  );
}
