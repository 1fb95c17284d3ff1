import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  guides: [
    'index',
    'set-up-your-environment',
    'apm-prerequisites',
    {
      type: 'category',
      label: 'Accept an APM payment',
      collapsed: false,
      items: [
        'accept-apm-payments/list-apms',
        'accept-apm-payments/send-the-customer-to-the-apm',
        'accept-apm-payments/handle-the-return',
        'accept-apm-payments/capture-the-payment',
        'accept-apm-payments/webhooks',
        'accept-apm-payments/refund-the-payment',
        'accept-apm-payments/test-your-integration',
      ],
    },
    'error-reference',
    'test-outcomes',
  ],
};

export default sidebars;
