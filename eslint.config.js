const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const boundaries = (allow) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
      { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
      { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
      { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:cfm', 'scope:runtime', 'scope:shared'] },
      { sourceTag: 'scope:cfm', onlyDependOnLibsWithTags: ['scope:cfm', 'scope:shared'] },
      { sourceTag: 'scope:runtime', onlyDependOnLibsWithTags: ['scope:runtime', 'scope:shared'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    ],
  },
];

module.exports = [
  { ignores: ['dist/**', 'node_modules/**', 'tmp/**', 'coverage/**', '**/*.js', 'libs/testing/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries([]),
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests may use the shared harness in libs/testing; production code may not.
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['@dsaas/testing']) },
  },
];
