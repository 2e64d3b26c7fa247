// The timing module of a client split into modules.
exports.pause = () => new Promise((resolve) => setTimeout(resolve, 3000));
