CREATE TYPE "public"."edition_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."enrolment_status" AS ENUM('enrolled', 'waitlisted', 'cancelled', 'attended', 'completed', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."offer_format" AS ENUM('classroom', 'online', 'blended', 'workplace');--> statement-breakpoint
CREATE TYPE "public"."offer_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"edition_id" uuid NOT NULL,
	"person_id" uuid,
	"user_id" uuid,
	"employer_id" uuid,
	"plan_action_id" uuid,
	"status" "enrolment_status" NOT NULL,
	"waitlist_position" integer,
	"enrolled_by" uuid,
	"minutes_attended" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_competences" (
	"offer_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"confirmed" boolean DEFAULT true NOT NULL,
	CONSTRAINT "offer_competences_offer_id_competence_id_pk" PRIMARY KEY("offer_id","competence_id")
);
--> statement-breakpoint
CREATE TABLE "offer_editions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"offer_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"sessions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"enrolment_deadline" date,
	"status" "edition_status" DEFAULT 'scheduled' NOT NULL,
	"enrolled_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"format" "offer_format" NOT NULL,
	"postcode" text,
	"municipality" text,
	"region" text,
	"latitude" real,
	"longitude" real,
	"duration_minutes" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"target_audience" text DEFAULT '' NOT NULL,
	"entry_requirements" text DEFAULT '' NOT NULL,
	"level" smallint,
	"characteristics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recognitions" text[] DEFAULT '{}'::text[] NOT NULL,
	"credential" text,
	"accessibility" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "offer_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"search_nl" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(title->>'nl', '')), 'A') || setweight(to_tsvector('dutch', coalesce(description->>'nl', '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_offers" (
	"user_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_offers_user_id_offer_id_pk" PRIMARY KEY("user_id","offer_id")
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_edition_id_offer_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."offer_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_plan_action_id_plan_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."plan_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_competences" ADD CONSTRAINT "offer_competences_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_competences" ADD CONSTRAINT "offer_competences_competence_id_competences_id_fk" FOREIGN KEY ("competence_id") REFERENCES "public"."competences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_editions" ADD CONSTRAINT "offer_editions_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_offers" ADD CONSTRAINT "saved_offers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_offers" ADD CONSTRAINT "saved_offers_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolments_edition_idx" ON "enrolments" USING btree ("edition_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_edition_person_uq" ON "enrolments" USING btree ("edition_id","person_id") WHERE "enrolments"."person_id" is not null and "enrolments"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_edition_user_uq" ON "enrolments" USING btree ("edition_id","user_id") WHERE "enrolments"."person_id" is null and "enrolments"."user_id" is not null and "enrolments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "enrolments_person_idx" ON "enrolments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "enrolments_user_idx" ON "enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "offer_competences_competence_idx" ON "offer_competences" USING btree ("competence_id");--> statement-breakpoint
CREATE INDEX "offer_editions_offer_idx" ON "offer_editions" USING btree ("offer_id","starts_on");--> statement-breakpoint
CREATE INDEX "offer_editions_starts_idx" ON "offer_editions" USING btree ("starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_provider_code_uq" ON "offers" USING btree ("provider_id","code");--> statement-breakpoint
CREATE INDEX "offers_status_idx" ON "offers" USING btree ("status","format");--> statement-breakpoint
CREATE INDEX "offers_search_nl_idx" ON "offers" USING gin ("search_nl");--> statement-breakpoint
CREATE INDEX "offers_languages_idx" ON "offers" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "offers_recognitions_idx" ON "offers" USING gin ("recognitions");