CREATE TABLE `helpful_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`article_id` integer NOT NULL,
	`version_number` integer NOT NULL,
	`visitor_id` text NOT NULL,
	`helpful` integer NOT NULL,
	`comment` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `helpful_votes_visitor_idx` ON `helpful_votes` (`article_id`,`version_number`,`visitor_id`);--> statement-breakpoint
CREATE INDEX `helpful_votes_at_idx` ON `helpful_votes` (`created_at`);--> statement-breakpoint
CREATE TABLE `portal_views` (
	`article_id` integer NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`article_id`, `day`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `portal_views_day_idx` ON `portal_views` (`day`);--> statement-breakpoint
ALTER TABLE `usage_events` ADD `surface` text DEFAULT 'agent' NOT NULL;--> statement-breakpoint
CREATE INDEX `usage_events_surface_kind_at_idx` ON `usage_events` (`surface`,`kind`,`created_at`);