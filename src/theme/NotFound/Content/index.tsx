/**
 * Replaces the theme's 404 content (whose stock text asks the reader to "contact the owner" of the site)
 * with a way back into the guides: the overview, the set-up pages and every step of the APM flow. The
 * theme sets the page title outside its layout, where the layout's site title overrides it in the built
 * 404.html: set here, inside the layout, it sticks. The build fails if a link below stops resolving
 * (`onBrokenLinks: 'throw'`).
 */
import React, { type ReactNode } from 'react';
import clsx from 'clsx';
import type { Props } from '@theme/NotFound/Content';
import Head from '@docusaurus/Head';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import { PageMetadata } from '@docusaurus/theme-common';

const GUIDES = [
  { to: '/set-up-your-environment', label: 'Set up your environment' },
  { to: '/apm-prerequisites', label: 'APM prerequisites' },
] as const;

const FLOW_STEPS = [
  { to: '/accept-apm-payments/list-apms', label: 'List the APMs' },
  { to: '/accept-apm-payments/send-the-customer-to-the-apm', label: 'Send the customer to the APM' },
  { to: '/accept-apm-payments/handle-the-return', label: 'Handle the return' },
  { to: '/accept-apm-payments/capture-the-payment', label: 'Capture the payment' },
  { to: '/accept-apm-payments/webhooks', label: 'Confirm with webhooks' },
  { to: '/accept-apm-payments/test-your-integration', label: 'Test your integration' },
] as const;

export default function NotFoundContent({ className }: Props): ReactNode {
  return (
    <>
      <PageMetadata title="Page not found" description="This address is not a page of the APM docs." />
      <Head>
        <meta name="robots" content="noindex" />
      </Head>
      <main className={clsx('container margin-vert--xl', className)}>
        <div className="row">
          <div className="col col--6 col--offset-3">
            <Heading as="h1" className="hero__title">
              Page not found
            </Heading>
            <p>
              No page of the APM docs lives at this address: it may have moved, or the link may have a typo. Start again from the{' '}
              <Link to="/">overview of the APM guides</Link>, pick a page below, or use the search box at the top of the page.
            </p>
            <nav aria-label="The guides">
              <ul>
                {GUIDES.map(({ to, label }) => (
                  <li key={to}>
                    <Link to={to}>{label}</Link>
                  </li>
                ))}
              </ul>
              <Heading as="h2">Accept an APM payment, step by step</Heading>
              <ol>
                {FLOW_STEPS.map(({ to, label }) => (
                  <li key={to}>
                    <Link to={to}>{label}</Link>
                  </li>
                ))}
              </ol>
            </nav>
          </div>
        </div>
      </main>
    </>
  );
}
