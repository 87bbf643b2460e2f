// Keep test output readable: services log at error level in tests unless LOG_LEVEL says otherwise.
process.env.LOG_LEVEL ??= 'error';
