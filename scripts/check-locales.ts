// Placeholder replaced by the web app's locale parity check.
import fs from 'node:fs';
if (!fs.existsSync('web/locales')) console.log('No locale files yet.');
