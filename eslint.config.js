// ESLint (flat config) for Folio's JavaScript: `make lint` runs it after tsc, which checks
// the JSDoc types. Rules: ESLint's recommended set, plus a few that catch what review
// kept finding by hand. www/ runs in browsers (and the render worker); scripts and tests
// run in Node and hand functions to the browser through Playwright. Not linted yet:
// bench/ and tests/oracle/ (their own owners' work; they need a handful of fixes).
import js from '@eslint/js';
import globals from 'globals';

export default [
  // Generated, built, vendored (third-party code kept as published) or not linted yet.
  { ignores: ['www/pkg/', 'www/**/vendor/', 'dist/', 'target/', 'fuzz/', 'node_modules/', 'bench/', 'tests/oracle/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always'],
      'no-implicit-coercion': 'error',
      'no-shadow': 'error',
      'no-param-reassign': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'HTML reaches the page only in view/body.js, through the folio policy.' },
        { property: 'outerHTML', message: 'HTML reaches the page only in view/body.js, through the folio policy.' },
        { property: 'insertAdjacentHTML', message: 'HTML reaches the page only in view/body.js, through the folio policy.' }],
    },
  },
  {
    files: ['www/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The one place the sanitized body becomes DOM.
    files: ['www/view/body.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Attack vectors: script URLs and control characters are the point.
    files: ['tests/xss/**/*.mjs', 'tests/e2e/xss.test.mjs'],
    rules: { 'no-script-url': 'off', 'no-control-regex': 'off' },
  },
];
