CREATE TYPE "public"."action_kind" AS ENUM('external_offer', 'internal_training', 'coaching_intervision', 'workplace_learning', 'train_the_trainer', 'non_training');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('planned', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."evaluation_kind" AS ENUM('reaction', 'application');--> statement-breakpoint
CREATE TYPE "public"."funding_status" AS ENUM('planned', 'committed', 'spent');--> statement-breakpoint
CREATE TYPE "public"."need_source" AS ENUM('diagnosis', 'learning_question', 'organisation_issue', 'prognosis', 'manual');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('open', 'triaged', 'planned', 'in_progress', 'met', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."non_training_kind" AS ENUM('communication', 'tools', 'hr_policy', 'work_organisation', 'coaching');--> statement-breakpoint
CREATE TYPE "public"."participation_status" AS ENUM('planned', 'enrolled', 'attended', 'completed', 'no_show', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('draft', 'approved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."score_origin" AS ENUM('suggested', 'override', 'manual');--> statement-breakpoint
CREATE TYPE "public"."triage_answer" AS ENUM('yes', 'no', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."triage_classification" AS ENUM('training_need', 'non_training', 'unclear');--> statement-breakpoint
CREATE TABLE "action_participants" (
	"action_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "participation_status" DEFAULT 'planned' NOT NULL,
	"minutes_attended" integer DEFAULT 0 NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_participants_action_id_person_id_pk" PRIMARY KEY("action_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" "evaluation_kind" NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"anonymous" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_instruments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"organisation_id" uuid,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"conditions_text" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"coverage_basis_points" integer NOT NULL,
	"amount_per_hour_cents" integer,
	"cap_per_participant_cents" integer,
	"cap_per_action_cents" integer,
	"source_url" text,
	"valid_from" date,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"instrument_id" uuid,
	"amount_cents" integer NOT NULL,
	"status" "funding_status" DEFAULT 'planned' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internal_trainers" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	CONSTRAINT "internal_trainers_person_id_competence_id_pk" PRIMARY KEY("person_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "need_people" (
	"need_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "need_people_need_id_person_id_pk" PRIMARY KEY("need_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "plan_action_needs" (
	"action_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "plan_action_needs_action_id_need_id_pk" PRIMARY KEY("action_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "action_kind" NOT NULL,
	"non_training_kind" "non_training_kind",
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"offer_id" uuid,
	"offer_edition_id" uuid,
	"participants_count" integer DEFAULT 0 NOT NULL,
	"duration_minutes" integer DEFAULT 0 NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"cost_per_participant_cents" integer DEFAULT 0 NOT NULL,
	"fixed_cost_cents" integer DEFAULT 0 NOT NULL,
	"status" "action_status" DEFAULT 'planned' NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_scores" (
	"need_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"score" smallint NOT NULL,
	"origin" "score_origin" NOT NULL,
	"reason" text NOT NULL,
	"suggested_score" smallint,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_scores_need_id_criterion_pk" PRIMARY KEY("need_id","criterion")
);
--> statement-breakpoint
CREATE TABLE "training_needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"competence_id" uuid,
	"learning_question_id" uuid,
	"organisation_issue_id" uuid,
	"team_id" uuid,
	"function_profile_id" uuid,
	"target_group" "target_group",
	"people_count" integer DEFAULT 0 NOT NULL,
	"sources" "need_source"[] NOT NULL,
	"gap_summary" jsonb,
	"urgency_date" date,
	"status" "need_status" DEFAULT 'open' NOT NULL,
	"classification" "triage_classification",
	"priority_centi" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_versions" (
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_plan_versions_plan_id_version_pk" PRIMARY KEY("plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "training_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"status" "plan_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"need_id" uuid,
	"learning_question_id" uuid,
	"factors" jsonb NOT NULL,
	"wish_to_learn" "triage_answer" NOT NULL,
	"wish_note" text DEFAULT '' NOT NULL,
	"classification" "triage_classification" NOT NULL,
	"deadline" date,
	"starr_interview_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_participants" ADD CONSTRAINT "action_participants_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_participants" ADD CONSTRAINT "action_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_participants" ADD CONSTRAINT "action_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_instruments" ADD CONSTRAINT "funding_instruments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_instrument_id_funding_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."funding_instruments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_trainers" ADD CONSTRAINT "internal_trainers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_trainers" ADD CONSTRAINT "internal_trainers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_trainers" ADD CONSTRAINT "internal_trainers_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_people" ADD CONSTRAINT "need_people_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_people" ADD CONSTRAINT "need_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_needs" ADD CONSTRAINT "plan_action_needs_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_needs" ADD CONSTRAINT "plan_action_needs_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_plan_id_training_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."training_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_learning_question_id_learning_questions_id_fk" FOREIGN KEY ("learning_question_id") REFERENCES "public"."learning_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_organisation_issue_id_organisation_issues_id_fk" FOREIGN KEY ("organisation_issue_id") REFERENCES "public"."organisation_issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_function_profile_id_function_profiles_id_fk" FOREIGN KEY ("function_profile_id") REFERENCES "public"."function_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_versions" ADD CONSTRAINT "training_plan_versions_plan_id_training_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."training_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_versions" ADD CONSTRAINT "training_plan_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triages" ADD CONSTRAINT "triages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triages" ADD CONSTRAINT "triages_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triages" ADD CONSTRAINT "triages_learning_question_id_learning_questions_id_fk" FOREIGN KEY ("learning_question_id") REFERENCES "public"."learning_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triages" ADD CONSTRAINT "triages_starr_interview_id_starr_interviews_id_fk" FOREIGN KEY ("starr_interview_id") REFERENCES "public"."starr_interviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triages" ADD CONSTRAINT "triages_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_participants_person_idx" ON "action_participants" USING btree ("person_id","completed_on");--> statement-breakpoint
CREATE INDEX "evaluations_action_idx" ON "evaluations" USING btree ("action_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_person_uq" ON "evaluations" USING btree ("action_id","person_id","kind") WHERE "evaluations"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_instruments_key_uq" ON "funding_instruments" USING btree ("key");--> statement-breakpoint
CREATE INDEX "funding_lines_action_idx" ON "funding_lines" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "internal_trainers_org_idx" ON "internal_trainers" USING btree ("organisation_id","competence_id");--> statement-breakpoint
CREATE INDEX "need_people_person_idx" ON "need_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "plan_action_needs_need_idx" ON "plan_action_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "plan_actions_plan_idx" ON "plan_actions" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_actions_org_idx" ON "plan_actions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "training_needs_org_idx" ON "training_needs" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plans_org_year_uq" ON "training_plans" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "triages_need_idx" ON "triages" USING btree ("need_id","decided_at");--> statement-breakpoint
CREATE INDEX "triages_question_idx" ON "triages" USING btree ("learning_question_id","decided_at");