CREATE TYPE "public"."organisation_kind" AS ENUM('employer', 'sector_body', 'training_provider', 'authority');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('platform_admin', 'org_admin', 'hr', 'manager', 'employee', 'analyst', 'provider_staff', 'assessor');--> statement-breakpoint
CREATE TYPE "public"."target_group" AS ENUM('target_group_employee', 'supervisory_staff', 'other_staff');--> statement-breakpoint
CREATE TYPE "public"."competence_kind" AS ENUM('skill', 'knowledge', 'attitude', 'transversal', 'group');--> statement-breakpoint
CREATE TYPE "public"."framework_source" AS ENUM('esco', 'own', 'moodle', 'case', 'custom');--> statement-breakpoint
CREATE TYPE "public"."importance" AS ENUM('core', 'supporting');--> statement-breakpoint
CREATE TYPE "public"."relation_kind" AS ENUM('essential', 'optional');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"event" text NOT NULL,
	"actor_user_id" uuid,
	"organisation_id" uuid,
	"subject" text,
	"ip" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"postcode" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sector_memberships" (
	"sector_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sector_memberships_sector_id_member_id_pk" PRIMARY KEY("sector_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"external_ref" text,
	"user_id" uuid,
	"team_id" uuid,
	"function_profile_id" uuid,
	"supervisor_id" uuid,
	"target_group" "target_group" DEFAULT 'other_staff' NOT NULL,
	"preferred_locale" text DEFAULT 'nl' NOT NULL,
	"planned_exit_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competence_relations" (
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "competence_relations_from_id_to_id_kind_pk" PRIMARY KEY("from_id","to_id","kind")
);
--> statement-breakpoint
CREATE TABLE "competences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"framework_id" uuid NOT NULL,
	"key" text NOT NULL,
	"parent_id" uuid,
	"kind" "competence_kind" NOT NULL,
	"label" jsonb NOT NULL,
	"alt_labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"code" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_modified_at" timestamp with time zone,
	"search_nl" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(label->>'nl', '')), 'A') || setweight(to_tsvector('dutch', coalesce(alt_labels->>'nl', '')), 'B') || setweight(to_tsvector('dutch', coalesce(description->>'nl', '')), 'C')) STORED,
	"search_fr" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', coalesce(label->>'fr', '')), 'A') || setweight(to_tsvector('french', coalesce(alt_labels->>'fr', '')), 'B') || setweight(to_tsvector('french', coalesce(description->>'fr', '')), 'C')) STORED,
	"search_en" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(label->>'en', '')), 'A') || setweight(to_tsvector('english', coalesce(alt_labels->>'en', '')), 'B') || setweight(to_tsvector('english', coalesce(description->>'en', '')), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"organisation_id" uuid,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" "framework_source" NOT NULL,
	"version" text,
	"attribution" text,
	"scale_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "function_profile_competences" (
	"profile_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"required_level" smallint NOT NULL,
	"importance" "importance" NOT NULL,
	"future_level" smallint,
	"horizon_year" smallint,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "function_profile_competences_profile_id_competence_id_pk" PRIMARY KEY("profile_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "function_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"occupation_id" uuid,
	"scale_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation_competences" (
	"occupation_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"relation" "relation_kind" NOT NULL,
	CONSTRAINT "occupation_competences_occupation_id_competence_id_pk" PRIMARY KEY("occupation_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"isco_code" text,
	"code" text,
	"is_group" boolean DEFAULT false NOT NULL,
	"parent_id" uuid,
	"label" jsonb NOT NULL,
	"alt_labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_modified_at" timestamp with time zone,
	"search_nl" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(label->>'nl', '')), 'A') || setweight(to_tsvector('dutch', coalesce(alt_labels->>'nl', '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proficiency_scales" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"organisation_id" uuid,
	"name" jsonb NOT NULL,
	"proficient_from" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scale_levels" (
	"scale_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"label" jsonb NOT NULL,
	"descriptor" jsonb NOT NULL,
	"pictogram" text,
	CONSTRAINT "scale_levels_scale_id_level_pk" PRIMARY KEY("scale_id","level")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"created_by" uuid,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"input" text DEFAULT '' NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sector_memberships" ADD CONSTRAINT "sector_memberships_sector_id_organisations_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sector_memberships" ADD CONSTRAINT "sector_memberships_member_id_organisations_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_function_profile_id_function_profiles_id_fk" FOREIGN KEY ("function_profile_id") REFERENCES "public"."function_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_relations" ADD CONSTRAINT "competence_relations_from_id_competences_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_relations" ADD CONSTRAINT "competence_relations_to_id_competences_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competences" ADD CONSTRAINT "competences_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_scale_id_proficiency_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."proficiency_scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_profile_competences" ADD CONSTRAINT "function_profile_competences_profile_id_function_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."function_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_profile_competences" ADD CONSTRAINT "function_profile_competences_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_profiles" ADD CONSTRAINT "function_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_profiles" ADD CONSTRAINT "function_profiles_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_profiles" ADD CONSTRAINT "function_profiles_scale_id_proficiency_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."proficiency_scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_competences" ADD CONSTRAINT "occupation_competences_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_competences" ADD CONSTRAINT "occupation_competences_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proficiency_scales" ADD CONSTRAINT "proficiency_scales_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_levels" ADD CONSTRAINT "scale_levels_scale_id_proficiency_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."proficiency_scales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id") WHERE "audit_log"."actor_user_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("organisation_id") WHERE "audit_log"."organisation_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_org_role_uq" ON "memberships" USING btree ("user_id","organisation_id","role");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_uq" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "sector_memberships_member_idx" ON "sector_memberships" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_org_name_uq" ON "teams" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "people_org_idx" ON "people" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "people_team_idx" ON "people" USING btree ("team_id") WHERE "people"."team_id" is not null;--> statement-breakpoint
CREATE INDEX "people_profile_idx" ON "people" USING btree ("function_profile_id") WHERE "people"."function_profile_id" is not null;--> statement-breakpoint
CREATE INDEX "people_user_idx" ON "people" USING btree ("user_id") WHERE "people"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "people_supervisor_idx" ON "people" USING btree ("supervisor_id") WHERE "people"."supervisor_id" is not null;--> statement-breakpoint
CREATE INDEX "competence_relations_to_idx" ON "competence_relations" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competences_framework_key_uq" ON "competences" USING btree ("framework_id","key");--> statement-breakpoint
CREATE INDEX "competences_parent_idx" ON "competences" USING btree ("parent_id") WHERE "competences"."parent_id" is not null;--> statement-breakpoint
CREATE INDEX "competences_key_idx" ON "competences" USING btree ("key");--> statement-breakpoint
CREATE INDEX "competences_tags_idx" ON "competences" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "competences_search_nl_idx" ON "competences" USING gin ("search_nl");--> statement-breakpoint
CREATE INDEX "competences_search_fr_idx" ON "competences" USING gin ("search_fr");--> statement-breakpoint
CREATE INDEX "competences_search_en_idx" ON "competences" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "competences_label_nl_trgm_idx" ON "competences" USING gin (lower("label"->>'nl') gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_key_uq" ON "frameworks" USING btree ("key");--> statement-breakpoint
CREATE INDEX "frameworks_org_idx" ON "frameworks" USING btree ("organisation_id") WHERE "frameworks"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "frameworks_scale_idx" ON "frameworks" USING btree ("scale_id");--> statement-breakpoint
CREATE INDEX "function_profile_competences_competence_idx" ON "function_profile_competences" USING btree ("competence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "function_profiles_org_name_uq" ON "function_profiles" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "function_profiles_occupation_idx" ON "function_profiles" USING btree ("occupation_id") WHERE "function_profiles"."occupation_id" is not null;--> statement-breakpoint
CREATE INDEX "function_profiles_scale_idx" ON "function_profiles" USING btree ("scale_id");--> statement-breakpoint
CREATE INDEX "occupation_competences_competence_idx" ON "occupation_competences" USING btree ("competence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "occupations_key_uq" ON "occupations" USING btree ("key");--> statement-breakpoint
CREATE INDEX "occupations_parent_idx" ON "occupations" USING btree ("parent_id") WHERE "occupations"."parent_id" is not null;--> statement-breakpoint
CREATE INDEX "occupations_search_nl_idx" ON "occupations" USING gin ("search_nl");--> statement-breakpoint
CREATE UNIQUE INDEX "proficiency_scales_key_uq" ON "proficiency_scales" USING btree ("key");--> statement-breakpoint
CREATE INDEX "jobs_org_idx" ON "jobs" USING btree ("organisation_id") WHERE "jobs"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "jobs_created_by_idx" ON "jobs" USING btree ("created_by") WHERE "jobs"."created_by" is not null;--> statement-breakpoint
CREATE INDEX "jobs_created_at_idx" ON "jobs" USING btree ("created_at");