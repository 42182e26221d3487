import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fenceViolation } from './import-fences.js';

// Lints snippets as if they were files of the repository, with the repository's own eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  // Only the fence: the snippets' imports are unused, which other rules would report.
  return result.messages.filter((m) => m.ruleId === 'leerkompas/import-fences').map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import fences through eslint.config.js', () => {
  it('keeps the domain pure', async () => {
    expect(await problems('src/domain/plan/x.ts', "import { db } from '../../db/client.js';")).toEqual([
      expect.stringContaining('leerkompas/import-fences: src/domain is pure'),
    ]);
    expect(await problems('src/domain/plan/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(await problems('src/domain/plan/x.ts', "import { Type } from 'typebox';")).toHaveLength(1);
    expect(
      await problems(
        'src/domain/plan/x.ts',
        "import { ROLES } from '../../shared/roles.js';\nimport { gap } from '../assessment/current-level.js';",
      ),
    ).toEqual([]);
    expect(await problems('src/domain/plan/x.test.ts', "import { it } from 'vitest';")).toEqual([]);
  });

  it('lets modules take each other’s services only as types', async () => {
    const file = 'src/modules/matching/service.ts';
    expect(await problems(file, "import { createTrainingPlansService } from '../training-plans/service.js';")).toEqual([
      expect.stringContaining("Modules do not build or call each other's services"),
    ]);
    expect(await problems(file, "import type { TrainingPlansService } from '../training-plans/service.js';")).toEqual([]);
    expect(await problems(file, "import { type TrainingPlansService } from '../training-plans/service.js';")).toEqual([]);
    expect(await problems(file, "import * as q from '../training-plans/queries.js';\nimport { routes } from './routes.js';")).toEqual([]);
  });

  it('keeps server code out of the web bundle and features apart', async () => {
    const page = 'web/src/features/offers/pages/OffersPage.tsx';
    expect(await problems(page, "import { OfferView } from '../../../../../src/modules/offers/schemas.js';")).toEqual([
      expect.stringContaining('only types from a module'),
    ]);
    expect(await problems(page, "import type { OfferView } from '../../../../../src/modules/offers/schemas.js';")).toEqual([]);
    expect(await problems(page, "import { x } from '../../../../../src/server/errors.js';")).toHaveLength(1);
    expect(await problems(page, "import { useNeeds } from '../../needs/api/needs.js';")).toEqual([
      expect.stringContaining('Features do not import each other ("needs")'),
    ]);
    expect(await problems(page, "const Lazy = () => import('../../survey/pages/SurveyPage.js');")).toHaveLength(1);
    expect(await problems(page, "import { router } from '../../../app/router.js';")).toHaveLength(1);
    expect(
      await problems(page, "import { paths } from '../../../app/paths.js';\nimport { Button } from '../../../components/Button.js';"),
    ).toEqual([]);
    expect(await problems('web/src/components/Thing.tsx', "import { x } from '../features/offers/api/offers.js';")).toHaveLength(1);
  });

  it('lets a schemas.ts import only typebox, src/shared and other schemas', async () => {
    const file = 'src/modules/survey/schemas.ts';
    expect(
      await problems(
        file,
        "import { Type } from 'typebox';\nimport { Id } from '../../shared/schemas.js';\nimport { Scale } from '../frameworks/schemas.js';",
      ),
    ).toEqual([]);
    expect(await problems(file, "import { db } from '../../db/client.js';")).toHaveLength(1);
    expect(await problems(file, "import { eq } from 'drizzle-orm';")).toHaveLength(1);
  });
});

describe('fenceViolation', () => {
  it('resolves a path from the importing file, whatever its spelling', () => {
    expect(fenceViolation('src/domain/a/b.ts', '../../domain/../db/client.js', false)).toMatch(/pure/);
    expect(fenceViolation('src/domain/a/b.ts', './../c/d.js', false)).toBeNull();
  });

  it('leaves the composition roots (server, seed, CLI) free to wire modules', () => {
    expect(fenceViolation('src/server/app.ts', '../modules/needs/index.js', false)).toBeNull();
    expect(fenceViolation('src/db/seed/demo-needs.ts', '../../modules/needs/service.js', false)).toBeNull();
  });
});
