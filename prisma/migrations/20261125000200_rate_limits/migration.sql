-- The store of rate-limiter-flexible's RateLimiterPostgres (used with tableCreated: true), in the exact
-- shape the library would create itself. Not a Prisma model: the app never reads it through Prisma.
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
