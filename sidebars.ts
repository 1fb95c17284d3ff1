import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  guides: ['index', 'set-up-your-environment', 'apm-prerequisites'],
};

export default sidebars;
