// Writes a marker file when executed. Promptward must never run it: not because a config names it, not because
// the scanned code imports it, not because it is named like a config file.
require('fs').writeFileSync(require('path').join(__dirname, 'EXECUTED-promptward.config.js'), 'promptward.config.js ran\n');
module.exports = function run() {};
