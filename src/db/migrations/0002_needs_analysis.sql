CREATE TYPE "public"."assessment_source" AS ENUM('self', 'third_party', 'supervisor', 'evidence');--> statement-breakpoint
CREATE TYPE "public"."assessment_visibility" AS ENUM('private', 'supervisor', 'hr');--> statement-breakpoint
CREATE TYPE "public"."campaign_mode" AS ENUM('named', 'anonymous');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."learning_question_source" AS ENUM('survey', 'hr', 'manager', 'employee');--> statement-breakpoint
CREATE TYPE "public"."learning_question_status" AS ENUM('new', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."organisation_issue_kind" AS ENUM('problem', 'goal');--> statement-breakpoint
CREATE TYPE "public"."organisation_issue_status" AS ENUM('open', 'addressed');--> statement-breakpoint
CREATE TYPE "public"."response_status" AS ENUM('in_progress', 'submitted');--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid,
	"response_id" uuid,
	"competence_id" uuid NOT NULL,
	"source" "assessment_source" NOT NULL,
	"level" smallint NOT NULL,
	"campaign_id" uuid,
	"author_user_id" uuid,
	"visibility" "assessment_visibility" DEFAULT 'hr' NOT NULL,
	"note" text,
	"assessed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_competences" (
	"campaign_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"default_required_level" smallint,
	CONSTRAINT "campaign_competences_campaign_id_competence_id_pk" PRIMARY KEY("campaign_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text,
	"issued_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"perspectives" text[] NOT NULL,
	"mode" "campaign_mode" NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"locales" text[] NOT NULL,
	"scope" jsonb NOT NULL,
	"supervisor_assessment" boolean DEFAULT true NOT NULL,
	"open_question" jsonb,
	"added_competence_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"removed_competence_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competence_status" (
	"organisation_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"person_id" uuid,
	"response_id" uuid,
	"competence_id" uuid NOT NULL,
	"current_level" smallint NOT NULL,
	"source" "assessment_source" NOT NULL,
	"self_level" smallint,
	"supervisor_level" smallint,
	"disagreement" boolean DEFAULT false NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"stale_from" timestamp with time zone,
	"assessed_at" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_status_subject_id_competence_id_pk" PRIMARY KEY("subject_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "learning_question_competences" (
	"question_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL,
	"suggestion_rank" smallint,
	CONSTRAINT "learning_question_competences_question_id_competence_id_pk" PRIMARY KEY("question_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "learning_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid,
	"response_id" uuid,
	"campaign_id" uuid,
	"team_id" uuid,
	"text" text NOT NULL,
	"source" "learning_question_source" NOT NULL,
	"status" "learning_question_status" DEFAULT 'new' NOT NULL,
	"visibility" "assessment_visibility" DEFAULT 'hr' NOT NULL,
	"created_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_issue_competences" (
	"issue_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	CONSTRAINT "organisation_issue_competences_issue_id_competence_id_pk" PRIMARY KEY("issue_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_issue_teams" (
	"issue_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "organisation_issue_teams_issue_id_team_id_pk" PRIMARY KEY("issue_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "organisation_issue_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "organisation_issue_status" DEFAULT 'open' NOT NULL,
	"observed_on" date,
	"campaign_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "starr_interviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"competence_id" uuid,
	"learning_question_id" uuid,
	"situation" text DEFAULT '' NOT NULL,
	"task" text DEFAULT '' NOT NULL,
	"action" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"held_on" date NOT NULL,
	"interviewer_user_id" uuid,
	"visibility" "assessment_visibility" DEFAULT 'hr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"level" smallint,
	"dont_know" boolean DEFAULT false NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_answers_response_id_competence_id_pk" PRIMARY KEY("response_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invitation_id" uuid,
	"person_id" uuid,
	"resume_hash" text NOT NULL,
	"team_id" uuid,
	"function_profile_id" uuid,
	"target_group" "target_group" NOT NULL,
	"exit_year" smallint,
	"locale" text DEFAULT 'nl' NOT NULL,
	"status" "response_status" DEFAULT 'in_progress' NOT NULL,
	"learning_wish" text,
	"visibility" "assessment_visibility" DEFAULT 'hr' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_competences" ADD CONSTRAINT "campaign_competences_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_competences" ADD CONSTRAINT "campaign_competences_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitations" ADD CONSTRAINT "campaign_invitations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitations" ADD CONSTRAINT "campaign_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitations" ADD CONSTRAINT "campaign_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_status" ADD CONSTRAINT "competence_status_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_status" ADD CONSTRAINT "competence_status_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_status" ADD CONSTRAINT "competence_status_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_status" ADD CONSTRAINT "competence_status_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_question_competences" ADD CONSTRAINT "learning_question_competences_question_id_learning_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."learning_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_question_competences" ADD CONSTRAINT "learning_question_competences_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_questions" ADD CONSTRAINT "learning_questions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_questions" ADD CONSTRAINT "learning_questions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_questions" ADD CONSTRAINT "learning_questions_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_questions" ADD CONSTRAINT "learning_questions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_questions" ADD CONSTRAINT "learning_questions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_questions" ADD CONSTRAINT "learning_questions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_questions" ADD CONSTRAINT "learning_questions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_issue_competences" ADD CONSTRAINT "organisation_issue_competences_issue_id_organisation_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."organisation_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_issue_competences" ADD CONSTRAINT "organisation_issue_competences_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_issue_teams" ADD CONSTRAINT "organisation_issue_teams_issue_id_organisation_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."organisation_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_issue_teams" ADD CONSTRAINT "organisation_issue_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_issues" ADD CONSTRAINT "organisation_issues_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_issues" ADD CONSTRAINT "organisation_issues_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_issues" ADD CONSTRAINT "organisation_issues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starr_interviews" ADD CONSTRAINT "starr_interviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starr_interviews" ADD CONSTRAINT "starr_interviews_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starr_interviews" ADD CONSTRAINT "starr_interviews_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starr_interviews" ADD CONSTRAINT "starr_interviews_interviewer_user_id_users_id_fk" FOREIGN KEY ("interviewer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_invitation_id_campaign_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."campaign_invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_function_profile_id_function_profiles_id_fk" FOREIGN KEY ("function_profile_id") REFERENCES "public"."function_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_subject_idx" ON "assessments" USING btree ("person_id","competence_id","source","assessed_at");--> statement-breakpoint
CREATE INDEX "assessments_response_idx" ON "assessments" USING btree ("response_id") WHERE "assessments"."response_id" is not null;--> statement-breakpoint
CREATE INDEX "assessments_org_idx" ON "assessments" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_campaign_person_uq" ON "assessments" USING btree ("campaign_id","person_id","competence_id","source") WHERE "assessments"."campaign_id" is not null and "assessments"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_campaign_response_uq" ON "assessments" USING btree ("campaign_id","response_id","competence_id","source") WHERE "assessments"."campaign_id" is not null and "assessments"."response_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_invitations_person_uq" ON "campaign_invitations" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_invitations_token_uq" ON "campaign_invitations" USING btree ("token_hash") WHERE "campaign_invitations"."token_hash" is not null;--> statement-breakpoint
CREATE INDEX "campaign_invitations_org_idx" ON "campaign_invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "campaigns_org_idx" ON "campaigns" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "competence_status_org_idx" ON "competence_status" USING btree ("organisation_id","competence_id");--> statement-breakpoint
CREATE INDEX "competence_status_stale_idx" ON "competence_status" USING btree ("organisation_id","stale_from") WHERE not "competence_status"."stale";--> statement-breakpoint
CREATE INDEX "learning_questions_org_idx" ON "learning_questions" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_questions_response_uq" ON "learning_questions" USING btree ("response_id") WHERE "learning_questions"."response_id" is not null;--> statement-breakpoint
CREATE INDEX "organisation_issues_org_idx" ON "organisation_issues" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "starr_interviews_person_idx" ON "starr_interviews" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "starr_interviews_org_idx" ON "starr_interviews" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_resume_uq" ON "survey_responses" USING btree ("resume_hash");--> statement-breakpoint
CREATE INDEX "survey_responses_campaign_idx" ON "survey_responses" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "survey_responses_person_idx" ON "survey_responses" USING btree ("person_id") WHERE "survey_responses"."person_id" is not null;