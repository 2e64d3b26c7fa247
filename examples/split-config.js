// The configuration module of a client split into modules: the key, read from the environment once.
exports.CAPMONSTER_KEY = process.env.CAPMONSTER_KEY;
