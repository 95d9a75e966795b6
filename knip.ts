/**
 * Knip: no package declares a dependency it does not use, and none imports
 * one it does not declare. `yarn lint:deps`, a step of `npm test`, runs it
 * twice:
 *
 * - over all the code (sources, tests, dev/ folders, scripts): unused
 *   `dependencies` and `devDependencies`, unlisted imports and binaries;
 * - with `--strict` (production mode, each package's own `dependencies`
 *   only), over what a package ships (the entry patterns ending in `!`, and
 *   package.json's main/exports): a `dependencies` entry used only by tests
 *   or dev/ belongs in `devDependencies`, and shipped code must not import a
 *   devDependency.
 *
 * Knip lets tests and dev/ code of any package use the root's
 * devDependencies (jest, Playwright, the Backstage CLI) without listing them.
 *
 * Every package under packages/* and plugins/* is a workspace, found by the
 * root package.json's `workspaces` globs; its configuration below is made
 * from Backstage's conventions and its `backstage.role`, so a new package
 * needs no entry here. Each exception says why.
 */
import type { KnipConfig } from 'knip';
import fs from 'node:fs';
import path from 'node:path';

type Config = Exclude<KnipConfig, (...args: never[]) => unknown>;
type WorkspaceConfig = NonNullable<Config['workspaces']>[string];

type PackageJson = {
  dependencies?: Record<string, string>;
  backstage?: { role?: string };
};

const rootDir = __dirname;

function readPackageJson(dir: string): PackageJson {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** The package folders that the root package.json's `workspaces` globs name. */
function workspaceDirs(): string[] {
  const globs: string[] = (
    JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8'))
      .workspaces ?? []
  ).filter((glob: string) => glob.endsWith('/*'));
  return globs.flatMap(glob => {
    const parent = glob.slice(0, -2);
    if (!fs.existsSync(path.join(rootDir, parent))) return [];
    return fs
      .readdirSync(path.join(rootDir, parent))
      .map(name => `${parent}/${name}`)
      .filter(dir => fs.existsSync(path.join(rootDir, dir, 'package.json')));
  });
}

/**
 * The plugins a frontend app installs by discovery: with `app.packages: all`
 * (app-config.yaml) the Backstage CLI's bundler adds every dependency whose
 * role is frontend-plugin or frontend-plugin-module, with no import in the
 * app's code (as @backstage/cli-module-build's packageDetection does).
 */
function discoveredFrontendPlugins(dir: string): string[] {
  const names = Object.keys(readPackageJson(dir).dependencies ?? {});
  return names.filter(name => {
    try {
      const role = readPackageJson(
        path.dirname(
          require.resolve(`${name}/package.json`, {
            paths: [path.join(rootDir, dir)],
          }),
        ),
      ).backstage?.role;
      return role === 'frontend-plugin' || role === 'frontend-plugin-module';
    } catch {
      return false;
    }
  });
}

/** Only the patterns that match something, so knip prints no hints about the others. */
function existing(dir: string, patterns: Array<[string, string]>): string[] {
  return patterns
    .filter(([probe]) => fs.existsSync(path.join(rootDir, dir, probe)))
    .map(([, pattern]) => pattern);
}

function workspaceConfig(dir: string): WorkspaceConfig {
  const role = readPackageJson(dir).backstage?.role;
  const ignoreDependencies: string[] = [];

  if (role === 'frontend') {
    ignoreDependencies.push(...discoveredFrontendPlugins(dir));
    // The app's bundle shares react-router with module-federation remotes as
    // a singleton (@backstage/module-federation-common's default shared
    // modules), so the app must resolve it though no code imports it.
    ignoreDependencies.push('react-router');
  }
  if (role === 'backend') {
    ignoreDependencies.push(
      // @backstage/plugin-app-backend serves the frontend app's build,
      // which it finds by resolving the `app` package by name.
      'app',
      // Knex loads the driver that backend.database.client names at run
      // time (better-sqlite3 is already a peer of @backstage/backend-defaults).
      'pg',
      'mysql2',
      // Compiles better-sqlite3 when the backend alone is installed for
      // production (e.g. a Docker image), without the root's devDependencies.
      'node-gyp',
    );
  }

  return {
    entry: [
      // What a package ships, besides package.json's main/exports (which
      // knip reads by itself): `backstage-cli package build` bundles an app
      // or a backend from src/index.ts(x); Knex loads the migrations from
      // their folder at run time; package.json's configSchema names
      // config.d.ts.
      ...(role === 'frontend' || role === 'backend'
        ? existing(dir, [
            ['src/index.ts', 'src/index.ts!'],
            ['src/index.tsx', 'src/index.tsx!'],
          ])
        : []),
      ...existing(dir, [
        ['migrations', 'migrations/*.{js,ts}!'],
        ['config.d.ts', 'config.d.ts!'],
      ]),
      // Development only: `backstage-cli package start` runs dev/index.ts(x)
      // (a plugin's own dev app or backend), and dev/ holds such tools as
      // the backend's benchmark; ESLint's configuration requires the CLI's;
      // the example app's Playwright journeys, which the root's
      // playwright.config.ts runs (testDir, globalSetup, globalTeardown).
      ...existing(dir, [
        ['dev', 'dev/**/*.{ts,tsx}'],
        ['.eslintrc.js', '.eslintrc.js'],
        ['e2e-tests', 'e2e-tests/**/*.ts'],
      ]),
    ],
    // `backstage-cli package test` runs Jest with the CLI's configuration:
    // src/setupTests.ts first, then every *.test.ts(x).
    jest: {
      entry: ['src/setupTests.ts', 'src/**/*.test.{ts,tsx}'],
    },
    // Never source: the static files a frontend app serves as they are, and
    // build output.
    ignore: ['public/**', 'dist/**', 'dist-types/**'],
    ignoreDependencies,
  };
}

const config: Config = {
  workspaces: {
    // The root: playwright.config.ts (knip's Playwright plugin reads it) and
    // the tools that package.json's scripts run.
    '.': {
      ignoreDependencies: [
        // @backstage/cli loads its commands from @backstage/cli-defaults when
        // the root lists it (cli's own index imports it by name).
        '@backstage/cli-defaults',
        // Yarn runs node-gyp to compile native modules (better-sqlite3) that
        // have no prebuilt binary here.
        'node-gyp',
      ],
    },
    ...Object.fromEntries(
      workspaceDirs().map(dir => [dir, workspaceConfig(dir)]),
    ),
  },
};

export default config;
