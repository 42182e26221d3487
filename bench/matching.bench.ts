/**
 * Batch matching of a whole needs register: 1,000 training needs (each with a competence and two
 * named people whose diagnosis gives the gap) against 50,000 published offers (80 % tagged with
 * one to three of 200 competences, 20 % untagged and found only through the Dutch text of their
 * description), each with a scheduled edition. Measures the matching service's registerBatch (the
 * same call as GET /organisations/{orgId}/needs-register/recommendations without the access check),
 * three runs, and reports the total and the time per need. Writes bench/results/matching.json.
 */
import { createMatchingService } from '../src/modules/matching/service.js';
import type { Database } from '../src/db/client.js';
import { benchKinds, freshDatabase, machineInfo, round, writeResult } from './support.js';

export const OFFERS = 50_000;
export const NEEDS = 1_000;
export const COMPETENCES = 200;
const RUNS = 3;

/** Everything in set-based SQL (generate_series), identical on PGlite and PostgreSQL. Returns the employer's id. */
export async function generateMatchingData(
  database: Database,
  sizes = { offers: OFFERS, needs: NEEDS, competences: COMPETENCES },
): Promise<string> {
  const people = sizes.needs * 2;
  await database.exec(`
    insert into organisations (id, name, slug, kind, postcode) values
      ('00000000-0000-7000-8000-00000000e001', 'Bench werkgever', 'bench-employer', 'employer', '9000'),
      ('00000000-0000-7000-8000-00000000e002', 'Bench opleider', 'bench-provider', 'training_provider', '9000');
    insert into frameworks (id, key, title, source, organisation_id) values ('00000000-0000-7000-8000-00000000f001', 'bench-matching', '{"nl":"Bench"}', 'own', null);
    create temporary table bench_c as
      select gen_random_uuid() as id, i from generate_series(1, ${sizes.competences}) i;
    insert into competences (id, framework_id, key, kind, label, position)
      select id, '00000000-0000-7000-8000-00000000f001', 'bench-' || i, 'skill', jsonb_build_object('nl', 'Vaardigheid thema' || i), i from bench_c;
  `);
  const [scale] = await database.query<{ id: string }>(`select id from proficiency_scales order by created_at limit 1`);
  await database.exec(`
    insert into function_profiles (id, organisation_id, name, scale_id)
      values ('00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-00000000e001', 'Bench functie', '${scale.id}');
    insert into function_profile_competences (profile_id, competence_id, required_level, importance, position)
      select '00000000-0000-7000-8000-00000000a001', id, 3, case when i % 3 = 0 then 'supporting' else 'core' end::importance, i from bench_c;
    create temporary table bench_p as select gen_random_uuid() as id, i from generate_series(1, ${people}) i;
    insert into people (id, organisation_id, display_name, function_profile_id, target_group)
      select id, '00000000-0000-7000-8000-00000000e001', 'Persoon ' || i, '00000000-0000-7000-8000-00000000a001', 'target_group_employee' from bench_p;
    -- Each person is assessed on 8 competences at level 0–2 (gap 1–3 against the required 3).
    insert into competence_status (organisation_id, subject_id, person_id, competence_id, current_level, source, assessed_at)
      select distinct on (p.id, c.id) '00000000-0000-7000-8000-00000000e001', p.id, p.id, c.id, (p.i + k) % 3, 'supervisor', now()
      from bench_p p cross join generate_series(0, 7) k join bench_c c on c.i = 1 + ((p.i * 7 + k * 13) % ${sizes.competences});
    create temporary table bench_n as select gen_random_uuid() as id, i from generate_series(1, ${sizes.needs}) i;
    insert into training_needs (id, organisation_id, title, competence_id, people_count, sources, status, classification)
      select n.id, '00000000-0000-7000-8000-00000000e001', 'Nood ' || n.i, c.id, 2, '{manual}', 'triaged', 'training_need'
      from bench_n n join bench_c c on c.i = 1 + ((n.i * 7) % ${sizes.competences});
    insert into need_people (need_id, person_id)
      select n.id, p.id from bench_n n join bench_p p on p.i in (n.i * 2 - 1, n.i * 2);
    create temporary table bench_o as select gen_random_uuid() as id, i from generate_series(1, ${sizes.offers}) i;
    insert into offers (id, provider_id, code, title, description, languages, format, postcode, latitude, longitude, duration_minutes, price_cents, recognitions, status, published_at)
      select id, '00000000-0000-7000-8000-00000000e002', 'B' || i, jsonb_build_object('nl', 'Opleiding ' || i),
        jsonb_build_object('nl', case when i % 5 = 0 then 'Je oefent vaardigheid thema' || (1 + i % ${sizes.competences}) || ' in de praktijk.' else 'Een opleiding voor iedereen.' end),
        case when i % 10 = 0 then '{fr}'::text[] else '{nl}'::text[] end,
        (array['classroom','online','blended','workplace'])[1 + i % 4]::offer_format,
        (9000 + (i % 50) * 10)::text, 50.8 + (i % 97) / 200.0, 3.5 + (i % 89) / 100.0,
        60 * (4 + i % 40), (i % 8) * 5000,
        case when i % 3 = 0 then '{opleidingscheques}'::text[] else '{}'::text[] end, 'published', now()
      from bench_o;
    insert into offer_competences (offer_id, competence_id, level, confirmed)
      select distinct on (o.id, c.id) o.id, c.id, 2 + (o.i + k) % 3, true
      from bench_o o cross join generate_series(0, 2) k join bench_c c on c.i = 1 + ((o.i * 11 + k * 17) % ${sizes.competences})
      where o.i % 5 <> 0 and k <= o.i % 3;
    insert into offer_editions (id, offer_id, starts_on, ends_on, capacity, enrolled_count)
      select gen_random_uuid(), id, current_date + 10 + i % 200, current_date + 10 + i % 200, 12, i % 13 from bench_o;
    analyze;
  `);
  return '00000000-0000-7000-8000-00000000e001';
}

async function main() {
  const results: Record<string, Record<string, number>> = {};
  for (const kind of await benchKinds()) {
    const bench = await freshDatabase(kind);
    try {
      const started = performance.now();
      const orgId = await generateMatchingData(bench.database);
      const generateMs = performance.now() - started;
      const service = createMatchingService({ db: bench.database.db });
      const times: number[] = [];
      let considered = 0;
      let withRecommendations = 0;
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        const batch = await service.registerBatch(orgId, { limit: 3 });
        times.push(performance.now() - t0);
        considered = batch.offersConsidered;
        withRecommendations = batch.needs.filter((n) => n.recommendations.length > 0).length;
        if (batch.needs.length !== NEEDS) throw new Error(`expected ${NEEDS} needs, got ${batch.needs.length}`);
      }
      const best = Math.min(...times);
      results[kind] = {
        offers: OFFERS,
        needs: NEEDS,
        offersConsidered: considered,
        needsWithRecommendations: withRecommendations,
        generateSeconds: round(generateMs / 1000),
        totalMsBest: round(best),
        totalMsMedian: round([...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]),
        msPerNeed: round(best / NEEDS, 2),
      };
      console.log(kind, results[kind]);
    } finally {
      await bench.dispose();
    }
  }
  writeResult('matching.json', {
    benchmark: 'Batch matching: 1,000 needs × 50,000 offers',
    at: new Date().toISOString(),
    machine: machineInfo(),
    meetsTarget: null,
    results,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
