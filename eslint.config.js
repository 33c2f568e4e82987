// Layering (ARCHITECTURE.md §2) enforced by restricted import paths, plus the house rules of §6 and §8.4.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const ELECTRON = { regex: '^electron$', message: 'Only main/electron may import electron (ARCHITECTURE.md §2).' };
const NODE = { regex: `^(node:|(${builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/')).join('|')})$)`, message: 'No Node built-ins in this layer (ARCHITECTURE.md §2).' };
const RENDERER = { regex: '(^|/)renderer(/|$)', message: 'Nothing imports the renderer (ARCHITECTURE.md §2).' };
const MAIN = { regex: '(^|/)main(/|$)', message: 'This layer may not import main/ (ARCHITECTURE.md §2).' };
const SIM = { regex: '(^|/)devices-sim(/|$)', message: 'Only tests and main/composition may reach the simulator (ARCHITECTURE.md §2).' };
const DEVICES = { regex: '(^|/)drivers/devices(/|$)|^\\.\\./devices(/|$)', message: 'The simulator must not import drivers/devices: it shares codecs, not drivers (ARCHITECTURE.md §2).' };
const DRIVERS = { regex: '(^|/)drivers(/|$)', message: 'The renderer talks only through the KioskApi (ARCHITECTURE.md §2).' };
const SHELLS = { regex: '(^|/)(web|electron|supervisor)(/|$)', message: 'The host does not know its shells (ARCHITECTURE.md §1).' };

const restrict = (...patterns) => ['error', { patterns }];

const wallClock = [
  'error',
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read time from the injected Clock (ARCHITECTURE.md §8.4).' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read time from the injected Clock (ARCHITECTURE.md §8.4).' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', '**/test-fixtures/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-console': 'error',
      'no-debugger': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({ regex: '^(?!\\./)', message: 'common/ is the pure contract: it imports only its own files (ARCHITECTURE.md §2).' }),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'setTimeout', 'setInterval'],
      'no-restricted-syntax': wallClock,
    },
  },
  {
    files: ['drivers/protocol/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({ regex: '^(?!\\.{1,2}/|iconv-lite$)', message: 'Codecs are pure: only common/, their own files and iconv-lite (ARCHITECTURE.md §2).' }, { regex: '(^|/)(transport|devices|main|renderer|devices-sim)(/|$)', message: 'Codecs are pure (ARCHITECTURE.md §2).' }),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask'],
      'no-restricted-syntax': wallClock,
    },
  },
  {
    files: ['drivers/transport/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.contract.ts'],
    rules: { 'no-restricted-imports': restrict(ELECTRON, MAIN, RENDERER, SIM, { ...DEVICES, message: 'Transports carry bytes; they do not know devices (ARCHITECTURE.md §2).' }), 'no-restricted-syntax': wallClock },
  },
  {
    files: ['drivers/devices/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.contract.ts'],
    rules: { 'no-restricted-imports': restrict(ELECTRON, MAIN, RENDERER, SIM), 'no-restricted-syntax': wallClock },
  },
  {
    files: ['devices-sim/**/*.ts'],
    ignores: ['**/*.test.ts', 'devices-sim/cli/**', '**/*clock*.ts'],
    rules: { 'no-restricted-imports': restrict(ELECTRON, MAIN, RENDERER, DEVICES), 'no-restricted-syntax': wallClock },
  },
  {
    files: ['main/host/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*clock*.ts'],
    rules: { 'no-restricted-imports': restrict(ELECTRON, RENDERER, SIM, SHELLS), 'no-restricted-syntax': wallClock },
  },
  {
    files: ['main/web/**/*.ts', 'main/supervisor/**/*.ts', 'main/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(ELECTRON, RENDERER) },
  },
  {
    files: ['main/electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(RENDERER, SIM) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': restrict(ELECTRON, NODE, MAIN, DRIVERS, SIM),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'localStorage', 'sessionStorage', 'indexedDB'],
    },
  },
);
