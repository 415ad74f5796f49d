CREATE TABLE `usage_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer,
	`query` text,
	`filters` text,
	`channel` text,
	`result_count` integer,
	`latency_ms` integer,
	`article_id` integer,
	`position` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usage_events_kind_at_idx` ON `usage_events` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `usage_events_article_idx` ON `usage_events` (`article_id`);