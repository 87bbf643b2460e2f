// Keep test output readable: services log only fatal errors in tests unless LOG_LEVEL says otherwise.
process.env.LOG_LEVEL ??= 'fatal';
