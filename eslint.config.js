// ESLint flat config: typescript-eslint's strict and stylistic type-checked rules over every TypeScript
// file, each file typechecked by the tsconfig that owns it; Prettier owns the layout (eslint-config-prettier
// last turns off every rule it would fight).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The browser samples, typechecked by samples/tsconfig.browser.json (DOM, no Node), which projectService cannot find by name. */
const BROWSER_SAMPLES = [
  'samples/processout-js.d.ts',
  'samples/list-apms-browser/*.ts',
  'samples/open-apm-checkout/*.ts',
  'samples/handle-apm-return/*.ts',
];

export default tseslint.config(
  {
    ignores: [
      'build/',
      '.docusaurus/',
      'coverage/',
      'test-results/',
      '.sandbox/',
      '**/.build/',
      'static/diagrams/',
      'tests/site/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `value || fallback` on a string treats "" as unset, which is what an empty environment variable means.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Template literals print numbers and booleans in messages and test names; that is what they are for.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `_name` marks a parameter a signature requires but the body does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The tree chose `interface` for object shapes and `type` for unions; both are fine, the rule would churn.
      '@typescript-eslint/consistent-type-definitions': 'off',
      // `!` after a lookup the code has just checked reads better than a redundant guard.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Fastify's documented handler style is an async function that returns the reply body, await or not.
      '@typescript-eslint/require-await': 'off',
      // `(x) => void-call()` callbacks (resolve, reply.send, forEach) are idiomatic; statements elsewhere still count.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // Tests parse JSON answers (typed `any`) and poke into them; the expect() around each access is the check.
    files: ['tests/**/*.ts', 'sandbox/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // …and type those answers `any` on purpose (ApiResponse.body): a test reads what the server actually sent.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: BROWSER_SAMPLES,
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: false, project: './samples/tsconfig.browser.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The site's React components and theme overrides run in the browser (and on the server at build time).
    files: ['src/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    // A CommonJS module (the webpack loader Docusaurus requires) has require() for its imports.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Scripts the sandbox serves to browsers as they are (its ProcessOut.js stand-in).
    files: ['sandbox/**/processout-js/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // Plain JavaScript has no types for the type-checked rules to read.
    files: ['**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Node everywhere else: the sandbox, the tests, the bench, the build plugins, the server samples.
    files: ['**/*.ts', 'eslint.config.js'],
    ignores: BROWSER_SAMPLES,
    languageOptions: { globals: globals.node },
  },
  prettier,
);
