CREATE TABLE `version_search_text` (
	`version_id` integer PRIMARY KEY NOT NULL,
	`format` integer NOT NULL,
	`internal` text NOT NULL,
	`public` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `article_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
