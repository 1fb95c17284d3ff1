/**
 * The official SDK each sample language is written for, and the exact version: the one the facts in
 * `../shared/reference/sdk/` were recorded from. Starters pin it and badges name it; a test
 * (tests/samples/starters.test.ts) keeps this table equal to that reference's table.
 */
import type { SampleLanguageValue } from './languages';

export interface SdkVersion {
  /** The package as its registry names it. */
  readonly package: string;
  readonly version: string;
  /** How the reference's table (and a reader) calls the SDK, e.g. "processout-python". */
  readonly sdk: string;
}

export const SDK_VERSIONS = {
  python: { package: 'processout', version: '7.3.0', sdk: 'processout-python' },
  ruby: { package: 'processout', version: '6.0.0', sdk: 'processout-ruby (gem)' },
  php: { package: 'processout/processout-php', version: '7.4.1', sdk: 'processout-php' },
  go: { package: 'gopkg.in/processout.v5', version: 'v5.6.1', sdk: 'processout-go (`gopkg.in/processout.v5`)' },
} as const satisfies Partial<Record<SampleLanguageValue, SdkVersion>>;

/**
 * What a TypeScript starter installs to run a sample as its header says (`npx tsx …`): the versions this
 * repository's package-lock.json resolves, so the starter runs with what CI runs (checked by the same test).
 */
export const TYPESCRIPT_DEV_DEPENDENCIES = {
  '@types/node': '20.19.43',
  tsx: '4.23.15',
  typescript: '5.9.3',
} as const;
