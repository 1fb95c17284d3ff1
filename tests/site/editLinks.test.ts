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
