/**
 * "Edit this page" links: shown only when the site is built from a known repository. DOCS_REPO_URL is the
 * repository's web address (e.g. https://github.com/acme/apm-docs); DOCS_REPO_BRANCH the branch the docs are
 * edited on (default main). Docusaurus appends each page's path from the site folder (`docs/…/page.mdx`).
 */
export interface EditLinkEnv {
  readonly DOCS_REPO_URL?: string;
  readonly DOCS_REPO_BRANCH?: string;
}

/** The docs plugin's `editUrl`, or undefined (no link) when no repository is configured. */
export function editUrlFrom(env: EditLinkEnv): string | undefined {
  const repository = env.DOCS_REPO_URL?.trim();
  if (!repository) return undefined;
  let url: URL;
  try {
    url = new URL(repository);
  } catch {
    throw new Error(`DOCS_REPO_URL must be the repository's web address (https://…), got ${JSON.stringify(repository)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`DOCS_REPO_URL must be an http(s) address, got ${JSON.stringify(repository)}`);
  }
  const branch = env.DOCS_REPO_BRANCH?.trim() || 'main';
  // GitHub's and Gitea's edit route; GitLab redirects /edit/ to /-/edit/.
  return `${repository.replace(/\/+$/, '').replace(/\.git$/, '')}/edit/${encodeURIComponent(branch)}/`;
}
