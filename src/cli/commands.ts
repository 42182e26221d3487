import type { Database } from '../db/client.js';
import { importEscoCommand } from './import-esco.js';
import { exportFrameworkCommand, importCaseCommand, importMoodleCommand } from './framework-exchange.js';

/** A CLI command contributed by a feature (imports, exports). */
export interface CliCommand {
  usage: string;
  matches(command: string, sub: string | undefined): boolean;
  run(context: { database: Database; sub: string | undefined; args: string[] }): Promise<void>;
}

/** Feature commands, registered explicitly so `leerkompas help` lists them. */
export const commands: CliCommand[] = [importEscoCommand, importMoodleCommand, importCaseCommand, exportFrameworkCommand];
