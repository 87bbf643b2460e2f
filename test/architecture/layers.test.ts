import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  boundaryViolations,
  importsOf,
  readImports,
  readLayers,
  readWorkspaces,
  REPO_ROOT,
  type Workspace,
} from './imports';

const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/architecture.md'), 'utf8');

describe('the layers of docs/architecture.md', () => {
  it('are what the code imports', () => {
    const workspaces = readWorkspaces();
    const sites = readImports(workspaces);
    // The tree was read: every workspace has files with imports.
    expect(new Set(sites.map((s) => s.file.split('/').slice(0, 2).join('/')))).toEqual(
      new Set(workspaces.map((ws) => ws.dir)),
    );
    expect(boundaryViolations(workspaces, readLayers(doc), sites)).toEqual([]);
  });

  describe('are held', () => {
    const lib = (name: string, dependencies: string[] = []): Workspace => ({
      dir: `libs/${name}`,
      name: `@truyvet/${name}`,
      kind: 'lib',
      exports: ['.'],
      dependencies: dependencies.map((d) => `@truyvet/${d}`),
    });
    const service = (name: string, dependencies: string[]): Workspace => ({
      ...lib(name, dependencies),
      dir: `services/${name}`,
      kind: 'service',
    });
    const workspaces = [
      lib('errors'),
      lib('events', ['errors', 'store']),
      { ...lib('grpc'), exports: ['.', './cases'] },
      lib('store', ['events']),
      service('case-graph', ['events', 'grpc', 'lab-results']),
      service('lab-results', []),
    ];
    const layers = readLayers(
      '```layers\nservices: case-graph lab-results\nlibs 2: store\nlibs 1: events grpc\nlibs 0: errors\n```',
    );

    it('and what breaks them is named, one line each', () => {
      const problems = boundaryViolations(workspaces, layers, [
        { file: 'libs/events/src/a.ts', specifier: '@truyvet/errors' },
        { file: 'libs/events/src/a.ts', specifier: '@truyvet/store' },
        { file: 'libs/events/src/b.ts', specifier: '@truyvet/grpc' },
        { file: 'services/case-graph/src/x.ts', specifier: '@truyvet/grpc/cases' },
        { file: 'services/case-graph/src/x.ts', specifier: '@truyvet/grpc/src/generated/cases' },
        { file: 'services/case-graph/src/x.ts', specifier: '@truyvet/lab-results' },
        { file: 'services/case-graph/src/x.ts', specifier: '../../lab-results/src/domain/y' },
        { file: 'services/case-graph/src/x.test.ts', specifier: '../../../test/harness' },
        { file: 'services/case-graph/src/x.ts', specifier: '../../../test/harness' },
      ]);
      expect(problems).toEqual([
        'libs/events/src/a.ts: @truyvet/store: layer 1 imports layer 2 (only lower layers)',
        'libs/events/src/b.ts: @truyvet/grpc: libs/events/package.json does not declare @truyvet/grpc',
        'libs/events/src/b.ts: @truyvet/grpc: layer 1 imports layer 1 (only lower layers)',
        'services/case-graph/src/x.ts: @truyvet/grpc/src/generated/cases: @truyvet/grpc does not export ./src/generated/cases',
        'services/case-graph/src/x.ts: @truyvet/lab-results: a service imported by another service',
        'services/case-graph/src/x.ts: ../../lab-results/src/domain/y: reaches out of services/case-graph by a relative path',
        'services/case-graph/src/x.ts: ../../../test/harness: reaches out of services/case-graph by a relative path',
      ]);
    });

    it('and every package is in the picture, and only packages', () => {
      const partial = readLayers(
        '```layers\nservices: case-graph\nlibs 1: events grpc store ghost\nlibs 0: errors\n```',
      );
      expect(boundaryViolations(workspaces, partial, [])).toEqual([
        'services/lab-results: not among the services of docs/architecture.md',
        'docs/architecture.md names ghost, which is no package',
      ]);
    });
  });

  it('are read from every form of import', () => {
    expect(
      importsOf(
        [
          "import { a } from '@truyvet/a';",
          "import type {\n  B,\n} from '@truyvet/b';",
          "export * from './c';",
          "import './d';",
          "const e = await import('@truyvet/e');",
          "const f = require('@truyvet/f');",
        ].join('\n'),
      ),
    ).toEqual(['@truyvet/a', '@truyvet/b', './c', './d', '@truyvet/e', '@truyvet/f']);
  });
});
