// The whole set-up a user needs: the plugin's recommended preset (plus the TypeScript parser for .ts files).
const tsParser = require('@typescript-eslint/parser');
const capmonster = require('eslint-plugin-capmonster');

module.exports = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  capmonster.configs.recommended,
];
