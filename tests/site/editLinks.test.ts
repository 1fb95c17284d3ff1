import { describe, expect, it } from 'vitest';
import { editUrlFrom } from '../../src/site-config/editLinks.ts';

describe('the "Edit this page" link', () => {
  it('is absent when no repository is configured', () => {
    expect(editUrlFrom({})).toBeUndefined();
    expect(editUrlFrom({ DOCS_REPO_URL: '  ' })).toBeUndefined();
  });

  it('points at the edit route of the configured repository and branch', () => {
    expect(editUrlFrom({ DOCS_REPO_URL: 'https://github.com/acme/apm-docs' })).toBe('https://github.com/acme/apm-docs/edit/main/');
    expect(editUrlFrom({ DOCS_REPO_URL: 'https://github.com/acme/apm-docs.git/', DOCS_REPO_BRANCH: 'docs' })).toBe(
      'https://github.com/acme/apm-docs/edit/docs/',
    );
  });

  it('refuses a value that is not a web address, naming the variable', () => {
    expect(() => editUrlFrom({ DOCS_REPO_URL: 'git@github.com:acme/apm-docs.git' })).toThrow(/DOCS_REPO_URL/);
  });
});

describe('the site config', () => {
  /** The docs plugin's `editUrl` as docusaurus.config.ts builds it under the given environment. */
  async function docsEditUrl(repository: string | undefined): Promise<unknown> {
    const saved = process.env.DOCS_REPO_URL;
    if (repository === undefined) delete process.env.DOCS_REPO_URL;
    else process.env.DOCS_REPO_URL = repository;
    try {
      const { default: createConfig } = await import('../../docusaurus.config.ts');
      const [preset] = (await createConfig()).presets ?? [];
      const options = (Array.isArray(preset) ? preset[1] : undefined) as
        { docs?: { editUrl?: unknown; showLastUpdateTime?: unknown } } | undefined;
      expect(options?.docs?.showLastUpdateTime).toBe(true);
      return options?.docs?.editUrl;
    } finally {
      if (saved === undefined) delete process.env.DOCS_REPO_URL;
      else process.env.DOCS_REPO_URL = saved;
    }
  }

  it('passes DOCS_REPO_URL to the docs as their edit link, and none without it', async () => {
    expect(await docsEditUrl('https://github.com/acme/apm-docs')).toBe('https://github.com/acme/apm-docs/edit/main/');
    expect(await docsEditUrl(undefined)).toBeUndefined();
  });
});
