/**
 * Wraps (does not eject) the theme's 404 content: the theme's own page, inside the site layout, with a
 * way back to the guides and the search. The theme sets the page title outside its layout, where the
 * layout's site title overrides it in the built 404.html: set here, inside the layout, it sticks.
 */
import React, { type ReactNode } from 'react';
import Content from '@theme-original/NotFound/Content';
import type ContentType from '@theme/NotFound/Content';
import type { WrapperProps } from '@docusaurus/types';
import Head from '@docusaurus/Head';
import Link from '@docusaurus/Link';
import { PageMetadata } from '@docusaurus/theme-common';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): ReactNode {
  return (
    <>
      <PageMetadata title="Page not found" description="This address is not a page of the APM docs." />
      <Head>
        <meta name="robots" content="noindex" />
      </Head>
      {/* The link below continues the theme's text: no gap between them. */}
      <Content {...props} className="margin-bottom--none" />
      <nav className="container margin-bottom--xl" aria-label="Back to the guides">
        <div className="row">
          <div className="col col--6 col--offset-3">
            <p>
              Start again from the <Link to="/">overview of the APM guides</Link>, or search them with the search box at the
              top of the page.
            </p>
          </div>
        </div>
      </nav>
    </>
  );
}
