DROP TABLE "sessions";
