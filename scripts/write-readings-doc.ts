// Writes docs/READINGS.md from the 读法说明 module (src/packs/readings-guide.ts), the one source of the readings that
// the web page also serves. Run after changing a reading: `npx tsx scripts/write-readings-doc.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readingsMarkdown } from '../src/packs/readings-guide.js';

writeFileSync(fileURLToPath(new URL('../docs/READINGS.md', import.meta.url)), readingsMarkdown());
