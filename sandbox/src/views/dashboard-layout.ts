import { escapeHtml, htmlDocument } from '../lib/html.ts';

// The dashboard's page shell and the small HTML pieces its pages share. Every dynamic value goes
// through escapeHtml; the one inline style carries the CSP nonce and there is no script.

export const DASHBOARD_PATH = '/dashboard';

/** Dashboard link to a path below DASHBOARD_PATH, with each path segment encoded. */
export function dashboardHref(...segments: string[]): string {
  return [DASHBOARD_PATH, ...segments.map(encodeURIComponent)].join('/');
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.45;
          --bg: #f4f5f7; --fg: #1b1d21; --muted: #4a4f57; --card: #fff; --line: #d0d4da; --accent: #0b5cad;
          --ok: #0f6b2f; --bad: #a4161a; --wait: #6b4e00; --focus: #f2a900; }
  @media (prefers-color-scheme: dark) {
    :root { --bg: #15171a; --fg: #e8eaed; --muted: #b4b9c0; --card: #1f2226; --line: #3a3f46; --accent: #7cb8ff;
            --ok: #6fdc8c; --bad: #ff8b8b; --wait: #f5c451; }
  }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--fg); }
  a { color: var(--accent); }
  a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible, summary:focus-visible {
    outline: 3px solid var(--focus); outline-offset: 2px; }
  .skip { position: absolute; left: -999px; top: .5rem; background: var(--card); padding: .5rem 1rem; }
  .skip:focus { left: .5rem; }
  header { background: var(--card); border-bottom: 1px solid var(--line); padding: .75rem 1rem; display: flex; flex-wrap: wrap;
           gap: .5rem 1.5rem; align-items: center; }
  header .brand { font-weight: 700; }
  header .project { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
  nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
  nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
  main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.5rem; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; overflow-wrap: anywhere; }
  .card > h2:first-child { margin-top: 0; }
  h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; overflow-wrap: anywhere; }
  section.card, .notice, .problem { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
  .notice { border-left: 6px solid var(--ok); }
  .problem { border-left: 6px solid var(--bad); }
  .sandbox { display: inline-block; background: #fff3cd; color: #5c4400; padding: .1rem .5rem; border-radius: 4px; font-size: .85rem; }
  .table-scroll { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  caption { text-align: left; font-weight: 600; padding: .5rem .75rem; }
  th, td { text-align: left; padding: .4rem .75rem; border-top: 1px solid var(--line); vertical-align: top; }
  thead th { white-space: nowrap; }
  td code, dd code { overflow-wrap: anywhere; }
  td code.name { overflow-wrap: normal; white-space: nowrap; }
  dl { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .25rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }
  pre { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .5rem; margin: .25rem 0 0;
        white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; max-height: 24rem; overflow-y: auto; }
  .status { font-weight: 600; }
  .status-delivered, .status-completed, .status-authorized { color: var(--ok); }
  .status-failed, .status-voided { color: var(--bad); }
  .status-pending, .status-waiting { color: var(--wait); }
  .muted { color: var(--muted); }
  .attempt { border-top: 1px solid var(--line); padding-top: .5rem; }
  .columns { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
  form { margin: .5rem 0; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  input[type="url"] { font: inherit; width: 100%; max-width: 40rem; padding: .5rem; border: 2px solid var(--muted); border-radius: 6px;
                      background: var(--card); color: var(--fg); }
  .field-hint { color: var(--muted); font-size: .85rem; margin: .25rem 0 .5rem; }
  .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-top: .5rem; }
  button, .button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--accent);
                    color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
  @media (prefers-color-scheme: dark) { button, .button { color: #0b1a2b; } }
  .button.secondary { background: transparent; color: var(--accent); }
  button.danger { background: var(--bad); border-color: var(--bad); }
  .pager { display: flex; gap: 1rem; margin: .75rem 0; }
`;

export type NavItem = 'overview' | 'invoices' | 'events' | 'reset';

const NAV: { item: NavItem; label: string; href: string }[] = [
  { item: 'overview', label: 'Overview', href: DASHBOARD_PATH },
  { item: 'invoices', label: 'Invoices', href: dashboardHref('invoices') },
  { item: 'events', label: 'Events and webhooks', href: dashboardHref('events') },
  { item: 'reset', label: 'Reset', href: dashboardHref('reset') },
];

export interface PageFrame {
  nonce: string;
  /** The signed-in project; null on the sign-in (401) page. */
  projectId: string | null;
  title: string;
  current: NavItem | null;
}

export function dashboardPage(frame: PageFrame, body: string): string {
  const nav = NAV.map(
    ({ item, label, href }) => `<li><a href="${href}"${item === frame.current ? ' aria-current="page"' : ''}>${label}</a></li>`,
  ).join('');
  return htmlDocument({
    nonce: frame.nonce,
    title: `${frame.title} – sandbox dashboard`,
    style: STYLE,
    body: `<a class="skip" href="#main">Skip to content</a>
<header>
  <span class="brand">ProcessOut sandbox dashboard</span>
  <span class="sandbox">Local sandbox – no real money moves</span>
  ${frame.projectId ? `<span class="project">Project <code>${escapeHtml(frame.projectId)}</code></span>` : ''}
  <nav aria-label="Dashboard"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>`,
  });
}

/** A table in a focusable scroll region (narrow screens scroll it sideways, keyboard users too). */
export function dataTable(id: string, caption: string, headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="muted" id="${id}">${escapeHtml(empty)}</p>`;
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table><caption id="${id}">${escapeHtml(caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

export function code(value: string): string {
  return `<code>${escapeHtml(value)}</code>`;
}

export function link(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

export function time(iso: string | null): string {
  return iso ? `<time datetime="${escapeHtml(iso)}">${escapeHtml(iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))}</time>` : '—';
}

export function status(value: string): string {
  return `<span class="status status-${escapeHtml(value.replace(/[^a-z-]/g, ''))}">${escapeHtml(value)}</span>`;
}

export function definitionList(entries: [string, string][]): string {
  return `<dl>${entries.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

/** The hidden field every dashboard form carries (routes/dashboard.ts checks it). */
export function csrfField(token: string): string {
  return `<input type="hidden" name="csrf_token" value="${escapeHtml(token)}">`;
}
