// Test runs log nothing unless asked (LOG_LEVEL=debug npm test): expected failures are not news.
process.env.LOG_LEVEL ??= 'silent';
